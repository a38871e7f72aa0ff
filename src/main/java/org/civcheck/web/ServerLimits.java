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
     * 8 uploads at once, 30 s idle, 16 KiB/s, 10 minutes per body: 100 MiB at 16 KiB/s would take
     * longer than 10 minutes, so a package at the size limit needs about 180 KiB/s (a slow office line).
     */
    public static ServerLimits defaults() {
        return new ServerLimits(8, Duration.ofSeconds(30), 16 * 1024, Duration.ofMinutes(10));
    }

    public ServerLimits withMaxConcurrentUploads(int n) {
        return new ServerLimits(n, idleTimeout, minRequestDataRate, maxBodyTime);
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(maxConcurrentUploads, d, minRequestDataRate, maxBodyTime);
    }
}
