package org.civcheck.store;

/** The database failed; nothing of the operation took effect. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
