package org.civcheck.bench;

import java.util.List;

/** Everything one benchmark run measured. */
public record BenchResult(Machine machine, String loadBefore, String loadAfter, BenchConfig config, KieBuild kie,
        List<Scoring> scoring, Http http, long peakHeapBytes) {

    public BenchResult {
        scoring = List.copyOf(scoring);
    }

    /** Compiling the rules folder: the first build in this JVM, then {@code warm.count()} rebuilds. */
    public record KieBuild(long coldNanos, Stats warm, int ruleFiles) {}

    /**
     * One package size. {@code outOfMemory} when the heap could not hold it: then the timings are null.
     *
     * @param parse   plain Jackson {@code ObjectMapper.readTree} of the bytes
     * @param read    {@code EvidencePackageReader.read}: strict parse, limits, contract walk, semantic checks, binding
     * @param assess  {@code Assessor.assess} of the read package (no explanation, as {@code civcheck check})
     * @param total   read and assess of the same run, summed
     * @param liveAfterBytes heap still reachable after a full collection once this size's runs are over
     */
    public record Scoring(int activities, long bytes, int warmups, int runs, Stats parse, Stats read, Stats assess,
            Stats total, String verdict, int warnings, long peakHeapBytes, long collections, long collectionMillis,
            long liveAfterBytes, boolean outOfMemory) {

        public double assessOverParse() {
            return assess.median() / (double) parse.median();
        }

        public double readOverParse() {
            return read.median() / (double) parse.median();
        }

        public double totalOverParse() {
            return total.median() / (double) parse.median();
        }

        /** Microseconds per activity of read and assess together (median run). */
        public double totalMicrosPerActivity() {
            return total.median() / 1e3 / activities;
        }

        public double assessMicrosPerActivity() {
            return assess.median() / 1e3 / activities;
        }
    }

    /** The service under load: one row per concurrency level. */
    public record Http(int activities, long packageBytes, boolean dryRun, List<HttpLevel> levels, long peakHeapBytes) {
        public Http {
            levels = List.copyOf(levels);
        }
    }

    /** {@code requests} requests by {@code clients} clients in {@code wallNanos}; {@code failures} not answered 201. */
    public record HttpLevel(int clients, int requests, long wallNanos, Stats latency, int failures) {
        public double throughput() {
            return requests / (wallNanos / 1e9);
        }
    }
}
