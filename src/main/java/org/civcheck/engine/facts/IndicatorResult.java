package org.civcheck.engine.facts;

import java.util.List;

/**
 * An indicator's score and status ("met", "partial", "unmet"), with all its findings (shortfalls
 * first), the shortfalls alone, and the evidence they rest on.
 */
public record IndicatorResult(String indicator, String category, double score, double max, String status,
        List<String> findings, List<String> shortfalls, List<String> evidence) {

    public IndicatorResult {
        findings = List.copyOf(findings);
        shortfalls = List.copyOf(shortfalls);
        evidence = List.copyOf(evidence);
    }
}
