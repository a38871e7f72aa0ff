package org.civcheck.web;

/**
 * The service is as busy as it lets itself be and no room came free in time: answered with 503
 * and {@code Retry-After}. Nothing of the request was stored, and its body was not kept.
 */
public final class ServiceBusyException extends RuntimeException {

    /** What fills up: the heap that scorings share, or the uploads that may be received at once. */
    public enum Cause {
        SCORING_MEMORY("正在评分的证据包已占满本服务可用于评分的内存"),
        UPLOADS("同时上传的证据包已达上限");

        final String sentence;

        Cause(String sentence) {
            this.sentence = sentence;
        }
    }

    private final long retryAfterSeconds;
    private final Cause cause;

    ServiceBusyException(long retryAfterSeconds) {
        this(retryAfterSeconds, Cause.SCORING_MEMORY);
    }

    ServiceBusyException(long retryAfterSeconds, Cause cause) {
        super(cause.name().toLowerCase(java.util.Locale.ROOT) + " full", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
        this.cause = cause;
    }

    /** Seconds the client should wait before trying again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Cause busyWith() {
        return cause;
    }
}
