package org.civcheck.engine;

/** The criteria cannot score a package: a parameter a rule needs is missing or of the wrong type. */
public final class CriteriaFaultException extends RuntimeException {

    public CriteriaFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
