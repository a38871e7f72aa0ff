package org.civcheck.web;

import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.ReadBudget;

/**
 * How much heap reading and scoring a package is estimated to take, for {@link ScoringLimiter}.
 * Measured, not derived: the smallest {@code -Xmx} (in steps of 16 MiB) with which one read, and
 * one read + assess with the rules' explanation (as the service does), of a package completed,
 * with about a quarter added. Measured on Java 17 (G1) with the rules of November 2026 and the
 * one-pass reader; re-measure when the rules or the reader change much.
 *
 * <table>
 * <caption>Smallest -Xmx, MiB (the package's bytes and, to score, the rules' 21 MiB included)</caption>
 * <tr><th>package</th><th>JSON</th><th>read</th><th>read the strict way</th><th>read + score</th></tr>
 * <tr><td>100,000 activities, 177,000 attachments (the benchmark's)</td><td>32 MB</td><td>128</td><td>304</td><td>160</td></tr>
 * <tr><td>50,000 activities, 88,000 attachments</td><td>16 MB</td><td>80</td><td></td><td>96</td></tr>
 * <tr><td>100,000 bare activities (no attendance, no attachments)</td><td>12 MB</td><td>64</td><td></td><td>96</td></tr>
 * <tr><td>50,000 activities, 10 attachments each</td><td>45 MB</td><td>176</td><td></td><td>224</td></tr>
 * </table>
 *
 * <ul>
 * <li>Before an upload's body is read, its declared length is charged ({@link Uploads}; a chunked
 * body twice over as it arrives): the body never takes heap the budget has not granted.</li>
 * <li>Reading ({@link ReadBudget}): the records take about 3–4 bytes per byte of JSON; charged 5,
 * which also covers the evidence.json unpacked from a zip, once it is unpacked: while a zip is
 * being unpacked only the zip's bytes are charged (the unpacked JSON is bounded by the read limits:
 * 200 MiB, and 100 times the entry). The strict way (a fault, or a doubt
 * about the schema) first builds a tree of about 9 bytes per byte; charged 10, and only then.</li>
 * <li>Once read, the activities and attachments are known: the package, the rules' index and the
 * result and its explanation grow with them (about 0.65 KiB per activity and 0.26 KiB per
 * attachment measured, 0.81 and 0.34 charged). Before the one-pass reader the JSON tree was
 * the peak of every reading, and the estimate was 1.5 KiB per activity.</li>
 * </ul>
 */
final class ScoringCost {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    /** Every scoring: its rule session, result, explanation and JSON, whatever the package. */
    static final long PER_SCORING = 4 * MIB;
    /** Reading into records: per byte of JSON. */
    static final long PER_JSON_BYTE = 5;
    /** Reading the strict way, a tree first: per byte of JSON. */
    static final long PER_JSON_BYTE_AS_TREE = 10;
    /** Scoring: per activity (its record, its place in the rules' index, its part of the result). */
    static final long PER_ACTIVITY = 13 * KIB / 16;
    /** Scoring: per attachment of an activity or a plan (a record and a fact each). */
    static final long PER_ATTACHMENT = 11 * KIB / 32;

    private ScoringCost() {}

    /** The estimate for a package of {@code bytes} bytes received, before anything of it is read. */
    static long ofUpload(long bytes) {
        return PER_SCORING + bytes;
    }

    /**
     * What the reader tells, charged to {@code permit}: each estimate replaces the one before
     * (waiting for room, or refusing with {@link ServiceBusyException}).
     */
    static ReadBudget readBudget(ScoringLimiter.Permit permit, long packageBytes) {
        return readBudget(permit, packageBytes, Runtime.getRuntime().maxMemory());
    }

    /**
     * {@link #readBudget(ScoringLimiter.Permit, long)} in a heap of {@code heapBytes}: a tree that
     * would need more than the whole heap is refused ({@link TooLargeToScoreException}) rather
     * than built, as it would fail every scoring in flight with it. An estimate above the budget
     * but within the heap is clamped to the budget: that reading runs alone.
     */
    static ReadBudget readBudget(ScoringLimiter.Permit permit, long packageBytes, long heapBytes) {
        return new ReadBudget() {
            @Override
            public void beforeRecords(long jsonBytes) {
                permit.resize(ofRecords(packageBytes, jsonBytes));
            }

            @Override
            public void beforeTree(long jsonBytes) {
                long need = ofTree(packageBytes, jsonBytes);
                if (need > heapBytes) {
                    throw TooLargeToScoreException.toReadStrictly(jsonBytes, need, heapBytes);
                }
                permit.resize(need);
            }
        };
    }

    /** The estimate for reading {@code jsonBytes} of JSON into records, the package's bytes held. */
    static long ofRecords(long packageBytes, long jsonBytes) {
        return PER_SCORING + packageBytes + PER_JSON_BYTE * jsonBytes;
    }

    /** The estimate for reading {@code jsonBytes} of JSON the strict way, a tree first. */
    static long ofTree(long packageBytes, long jsonBytes) {
        return PER_SCORING + packageBytes + PER_JSON_BYTE_AS_TREE * jsonBytes;
    }

    /**
     * The estimate for scoring a package once read: the bytes received stay in memory until stored,
     * and the rules and the result grow with its activities and attachments.
     */
    static long ofEvidence(EvidencePackage evidence, long packageBytes) {
        return PER_SCORING + packageBytes + PER_ACTIVITY * evidence.activities().size()
                + PER_ATTACHMENT * attachments(evidence);
    }

    /** The attachments of the package's activities and plans. */
    static int attachments(EvidencePackage evidence) {
        long n = 0;
        for (Activity a : evidence.activities()) {
            n += a.attachments().size();
        }
        for (PlanDocument p : evidence.plans()) {
            n += p.attachments().size();
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }
}
