package org.civcheck.web;

/**
 * This instance's criteria are not those in force for every instance on the database (or not the
 * version a re-scoring run uses): it scores nothing rather than score differently. The message is
 * Chinese and says which.
 */
public final class CriteriaOutOfStepException extends RuntimeException {

    public CriteriaOutOfStepException(String reason) {
        super(reason);
    }
}
