package org.civcheck.evidence;

/**
 * Upper bounds that keep a hostile or broken package from exhausting memory or time.
 * Everything over a limit refuses the package with an {@link InputProblem}.
 *
 * <pre>{@code
 * var reader = new EvidencePackageReader(ReadLimits.defaults());
 * }</pre>
 *
 * @param maxPackageBytes     size of the file read (JSON or zip), and of {@code evidence.json} inside a zip
 * @param maxZipEntries       entries in a zip, directories included
 * @param maxUnpackedBytes    bytes actually decompressed from all entries together
 * @param maxCompressionRatio decompressed / compressed bytes of one entry
 * @param maxActivities       elements of {@code activities}
 * @param maxNestingDepth     nesting of JSON objects and arrays
 * @param maxTextLength       characters of one JSON string value or field name
 */
public record ReadLimits(
        long maxPackageBytes,
        int maxZipEntries,
        long maxUnpackedBytes,
        int maxCompressionRatio,
        int maxActivities,
        int maxNestingDepth,
        int maxTextLength) {

    private static final long MIB = 1024L * 1024L;

    public ReadLimits {
        requirePositive(maxPackageBytes, "maxPackageBytes");
        requirePositive(maxZipEntries, "maxZipEntries");
        requirePositive(maxUnpackedBytes, "maxUnpackedBytes");
        requirePositive(maxCompressionRatio, "maxCompressionRatio");
        requirePositive(maxActivities, "maxActivities");
        requirePositive(maxNestingDepth, "maxNestingDepth");
        requirePositive(maxTextLength, "maxTextLength");
    }

    /**
     * 100 MiB packages, 10,000 zip entries, 200 MiB unpacked, ratio 100, 100,000 activities, depth 64,
     * 10,000 characters. A package of 100,000 activities like the example generator's is 46 MB of
     * JSON; 100 MiB leaves room for many attachments besides.
     *
     * <p>Activities: a unit of a few hundred staff records a few thousand activities a year, so
     * about 10,000 over the longest period (3 years, the 复查 cycle). 100,000 leaves several times
     * that, and is the largest size measured ({@code BENCHMARKS.md}: about 0.5 GB of heap to score);
     * what is larger was never measured and is no unit's real package.
     */
    public static ReadLimits defaults() {
        return new ReadLimits(100 * MIB, 10_000, 200 * MIB, 100, 100_000, 64, 10_000);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException("Read limit " + name + " must be positive, was " + value + ".");
        }
    }
}
