package org.civcheck.engine;

import java.util.Map;

/** The verdict words of the output contract and their Chinese names. */
public final class Verdicts {

    public static final String READY = "ready";
    public static final String AT_RISK = "at-risk";
    public static final String NOT_READY = "not-ready";
    public static final String VETOED = "vetoed";

    /** The status of an indicator scored in full. */
    public static final String MET = "met";

    private static final Map<String, String> NAMES = Map.of(
            READY, "可以通过", AT_RISK, "存在风险", NOT_READY, "难以通过", VETOED, "一票否决");

    private Verdicts() {}

    /** Verdicts from best to worst: a change of verdict is for the better when it moves left. */
    private static final java.util.List<String> ORDER = java.util.List.of(READY, AT_RISK, NOT_READY, VETOED);

    /**
     * Whether {@code after} is better (negative), the same (0) or worse (positive) than {@code before};
     * a verdict not among the four counts as the worst.
     */
    public static int compare(String before, String after) {
        return Integer.compare(rank(after), rank(before));
    }

    private static int rank(String verdict) {
        int i = ORDER.indexOf(verdict);
        return i < 0 ? ORDER.size() : i;
    }

    public static String chinese(String verdict) {
        return NAMES.getOrDefault(verdict, verdict);
    }
}
