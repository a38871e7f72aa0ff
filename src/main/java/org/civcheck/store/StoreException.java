package org.civcheck.store;

import java.sql.SQLException;

/** The database failed; nothing of the operation took effect. */
public final class StoreException extends RuntimeException {

    /** H2: "The database has been closed", and "Database is already closed" (during a shutdown). */
    private static final java.util.Set<Integer> H2_CLOSED = java.util.Set.of(90098, 90121);

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the database cannot recover within this process. An embedded H2 store that meets an
     * {@code OutOfMemoryError} while writing (any thread's allocation may be the one that fails)
     * catches it, marks itself failed ({@code MVStore.panic}) and closes: every later operation
     * fails with "database closed" until the process restarts and H2 reopens the file, which then
     * holds every commit acknowledged before (as after {@code kill -9}).
     */
    public boolean unrecoverable() {
        return unrecoverable(this);
    }

    /** {@link #unrecoverable()} for any failure: an out-of-memory or a closed embedded store in its causes. */
    public static boolean unrecoverable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || String.valueOf(t.getMessage()).contains("OutOfMemoryError")) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getClass().getName().startsWith("org.h2.")
                    && H2_CLOSED.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
