package org.civcheck.engine;

import java.util.List;
import java.util.Map;

/**
 * Why each indicator scored what it did, for rule authors and curious coordinators (on request:
 * {@code check --explain}, {@code ?explain=true}): the rules that measured it, what each measured
 * and the threshold it compared with, and for every gap what closing it would change.
 */
public record Explanation(List<IndicatorTrace> indicators, List<WhatIf> whatIf, Map<String, Integer> rulesFired) {

    /**
     * One indicator: its check and parameters as the criteria give them, and every measure taken.
     *
     * @param checkName the check kind's Chinese name, as its rules declare it
     * @param parameters how the rules describe each parameter given (label, type, unit), in their order
     */
    public record IndicatorTrace(String indicator, String check, Map<String, Object> params, String status,
            double score, double max, List<MeasureTrace> measures, String checkName, List<ParameterLabel> parameters) {

        /** A trace without the rules' descriptions (results stored before there were any). */
        public IndicatorTrace(String indicator, String check, Map<String, Object> params, String status,
                double score, double max, List<MeasureTrace> measures) {
            this(indicator, check, params, status, score, max, measures, null, null);
        }
    }

    /** A parameter as the rules declare it: its Chinese label, its type and its unit. */
    public record ParameterLabel(String name, String label, String type, String unit) {}

    /** One measure: the rule that took it, the share of points it earns, whether the threshold was met, and why. */
    public record MeasureTrace(String rule, String aspect, double fraction, boolean satisfied, String finding,
            List<String> evidence) {}

    /** Closing one gap: the points it recovers, and the score and verdict that would follow. */
    public record WhatIf(String indicator, double recovers, double scoreIfClosed, String verdictIfClosed,
            String sentence) {}
}
