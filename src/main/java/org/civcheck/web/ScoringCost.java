package org.civcheck.web;

import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.PlanDocument;

/**
 * How much heap reading and scoring a package is estimated to take, for {@link ScoringLimiter}.
 * Measured, not derived: the smallest {@code -Xmx} (in steps of 32 MiB) with which one read, and one
 * read + assess with the rules' explanation (as the service does), of synthetic packages
 * completed, less about 64 MiB for the rules and the rest of the process, with about a fifth
 * added. Measured on Java 17 (G1) with the rules of November 2026, after the rules stopped keeping
 * a fact and tuples per activity (the activity index); re-measure when the rules or the reader
 * change much.
 *
 * <table>
 * <caption>Heap to read / to read and score, MiB (measured, less 64; estimate in brackets)</caption>
 * <tr><th>package</th><th>JSON</th><th>read</th><th>read + score</th></tr>
 * <tr><td>100,000 activities, 177,000 attachments (the benchmark's)</td><td>32 MB</td><td>248 (307)</td><td>240 (292)</td></tr>
 * <tr><td>50,000 activities, 88,000 attachments</td><td>16 MB</td><td>124 (156)</td><td>96 (147)</td></tr>
 * <tr><td>100,000 bare activities (no attendance, no attachments)</td><td>8 MB</td><td>62 (82)</td><td>48 (159)</td></tr>
 * <tr><td>50,000 activities, 10 attachments each</td><td>41 MB</td><td>341 (394)</td><td>360 (423)</td></tr>
 * </table>
 *
 * <p>Reading now needs more than scoring: the JSON tree is the peak, so the estimate before reading
 * decides most admissions. Before the index the rules needed about twice as much (100,000
 * activities: 496 MiB).
 *
 * <ul>
 * <li>Before reading, only the size is known: the JSON tree takes 8–9 bytes per byte of JSON. A zip is
 * charged by its own size: its evidence.json may be smaller (photos) or larger (text compresses);
 * once read, the charge is corrected.</li>
 * <li>Once read, the activities and attachments are known: the package, the rules' index and the
 * result and its explanation grow with them (about 1 KiB per activity and 0.5 KiB per attachment
 * measured).</li>
 * </ul>
 */
final class ScoringCost {

    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;

    /** Every scoring: its rule session, result, explanation and JSON, whatever the package. */
    static final long PER_SCORING = 4 * MIB;
    /** Reading: per byte of the package received. */
    static final long PER_PACKAGE_BYTE = 10;
    /** Scoring: per activity (its record, its fact in the rules' index, its part of the result). */
    static final long PER_ACTIVITY = 3 * KIB / 2;
    /** Scoring: per attachment of an activity or a plan (a record fact each). */
    static final long PER_ATTACHMENT = 5 * KIB / 8;

    private ScoringCost() {}

    /** The estimate for reading a package of {@code bytes} bytes, before anything of it is known. */
    static long ofUpload(long bytes) {
        return PER_SCORING + PER_PACKAGE_BYTE * bytes;
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
