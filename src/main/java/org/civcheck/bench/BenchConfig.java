package org.civcheck.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * What one benchmark run measures and how often.
 *
 * @param sizes          activities per package, each read and scored
 * @param warmups        unmeasured runs per size before the measured ones, at least
 * @param warmActivities activities the unmeasured runs of a small size read and score together, at
 *                       least: a few runs of 1,000 activities leave the JIT half done, and such a
 *                       size then measured up to twice its steady cost
 * @param runs           measured runs per size
 * @param largeRuns      measured runs for sizes of {@value #LARGE} activities and more (each takes seconds)
 * @param largeWarmups   warm-up runs for those sizes
 * @param kieRebuilds    warm KieBase rebuilds after the cold one
 * @param httpActivities activities of the package posted to the service
 * @param concurrency    concurrent clients, one level after another
 * @param httpRequests   measured requests per concurrency level (the load is bounded and stops by itself)
 * @param httpWarmups    requests sent once before the first level
 */
public record BenchConfig(Path criteriaDir, Path rulesDir, Path examplesDir, List<Integer> sizes, int warmups,
        int warmActivities, int runs, int largeWarmups, int largeRuns, int kieRebuilds, int httpActivities, List<Integer> concurrency,
        int httpRequests, int httpWarmups) {

    /** Sizes from this many activities on use {@code largeRuns} and {@code largeWarmups}. */
    public static final int LARGE = 50_000;

    public BenchConfig {
        sizes = List.copyOf(sizes);
        concurrency = List.copyOf(concurrency);
    }

    public static final List<Integer> DEFAULT_SIZES = List.of(100, 1_000, 10_000, 100_000);
    public static final List<Integer> QUICK_SIZES = List.of(100, 1_000);

    /** The benchmark: 100 to 100,000 activities, 1, 4 and 16 clients. */
    public static BenchConfig full(Path criteriaDir, Path rulesDir, Path examplesDir, List<Integer> sizes) {
        return new BenchConfig(criteriaDir, rulesDir, examplesDir, sizes, 3, 100_000, 10, 2, 5, 3, 200, List.of(1, 4, 16),
                400, 40);
    }

    /** A smoke test: small sizes, few runs, few requests; the same sections. */
    public static BenchConfig quick(Path criteriaDir, Path rulesDir, Path examplesDir, List<Integer> sizes) {
        return new BenchConfig(criteriaDir, rulesDir, examplesDir, sizes, 1, 0, 3, 1, 2, 1, 200, List.of(1, 4, 16), 32,
                4);
    }

    int warmupsFor(int size) {
        if (size >= LARGE) {
            return Math.min(warmups, largeWarmups);
        }
        return Math.max(warmups, (int) Math.min(10_000, ((long) warmActivities + size - 1) / Math.max(1, size)));
    }

    int runsFor(int size) {
        return size >= LARGE ? Math.min(runs, largeRuns) : runs;
    }
}
