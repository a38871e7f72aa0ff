package org.civcheck.web;

/**
 * The service is scoring as much as its memory allows ({@link ScoringLimiter}) and no room came
 * free in time: answered with 503 and {@code Retry-After}. Nothing of the request was stored.
 */
public final class ServiceBusyException extends RuntimeException {

    private final long retryAfterSeconds;

    ServiceBusyException(long retryAfterSeconds) {
        super("scoring budget exhausted", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds the client should wait before trying again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
