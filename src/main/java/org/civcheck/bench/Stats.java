package org.civcheck.bench;

import java.util.Arrays;

/** Order statistics of a sample of durations in nanoseconds (nearest rank). */
public record Stats(int count, long median, long p90, long p99, long min, long max) {

    public static Stats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Stats(s.length, rank(s, 50), rank(s, 90), rank(s, 99), s[0], s[s.length - 1]);
    }

    /** The nearest-rank percentile {@code p} of sorted {@code s}. */
    static long rank(long[] s, int p) {
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    public double medianMs() {
        return median / 1e6;
    }

    public double p90Ms() {
        return p90 / 1e6;
    }

    public double p99Ms() {
        return p99 / 1e6;
    }
}
