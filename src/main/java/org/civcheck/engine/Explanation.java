package org.civcheck.engine;

import java.util.List;
import java.util.Map;

/**
 * Why each indicator scored what it did, for rule authors and curious coordinators (on request:
 * {@code check --explain}, {@code ?explain=true}): the rules that measured it, what each measured
 * and the threshold it compared with, and for every gap what closing it would change.
 */
public record Explanation(List<IndicatorTrace> indicators, List<WhatIf> whatIf, Map<String, Integer> rulesFired) {

    /** One indicator: its check and parameters as the criteria give them, and every measure taken. */
    public record IndicatorTrace(String indicator, String check, Map<String, Object> params, String status,
            double score, double max, List<MeasureTrace> measures) {}

    /** One measure: the rule that took it, the share of points it earns, whether the threshold was met, and why. */
    public record MeasureTrace(String rule, String aspect, double fraction, boolean satisfied, String finding,
            List<String> evidence) {}

    /** Closing one gap: the points it recovers, and the score and verdict that would follow. */
    public record WhatIf(String indicator, double recovers, double scoreIfClosed, String verdictIfClosed,
            String sentence) {}
}
