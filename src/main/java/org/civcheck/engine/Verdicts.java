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

    public static String chinese(String verdict) {
        return NAMES.getOrDefault(verdict, verdict);
    }
}
