package org.civcheck.web;

import java.time.Duration;

/**
 * How long and how slowly a client may take, and how many uploads are received at once.
 *
 * @param maxConcurrentUploads uploads whose bodies are being received at once; one more is answered
 *                             503 with {@code Retry-After}, its body unread
 * @param idleTimeout          a connection that sends or takes nothing for this long is closed
 * @param minRequestDataRate   bytes per second a request body must arrive at, on average; slower
 *                             bodies are answered 408 and their connection closed
 * @param maxBodyTime          the longest time receiving one upload's body may take, whatever its rate
 */
public record ServerLimits(int maxConcurrentUploads, Duration idleTimeout, long minRequestDataRate, Duration maxBodyTime) {

    public ServerLimits {
        if (maxConcurrentUploads < 1) {
            throw new IllegalArgumentException("At least one upload at a time, was " + maxConcurrentUploads + ".");
        }
    }

    /**
     * 8 uploads at once, 30 s idle, 2 KiB/s, 10 minutes per body. Jetty measures the rate from the
     * body's first byte to each read by the handler, so a body that waits for a busy server (its
     * threads, or the scoring budget) counts as slow: at 16 KiB/s a 70 KB upload that waited 4 s,
     * or a login form that waited 12 ms, was answered 408 on a loaded machine. At 2 KiB/s they may
     * wait 35 s and 100 ms; a client dripping a body still loses its connection, and the 10 minutes
     * bound any upload whatever its rate.
     */
    public static ServerLimits defaults() {
        return new ServerLimits(8, Duration.ofSeconds(30), 2 * 1024, Duration.ofMinutes(10));
    }

    public ServerLimits withMaxConcurrentUploads(int n) {
        return new ServerLimits(n, idleTimeout, minRequestDataRate, maxBodyTime);
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(maxConcurrentUploads, d, minRequestDataRate, maxBodyTime);
    }
}
