package org.civcheck.criteria;

import java.util.List;
import java.util.Map;

/**
 * What loading a criteria folder gave: the set and every fault found in it (a set with faults is
 * for lint to look at further, never for scoring: check {@link #isLoaded()}); and where each
 * indicator is written ({@code indicators.yaml} line by indicator id), for later checks to point at.
 */
public record CriteriaLoading(CriteriaSet criteria, List<CriteriaProblem> problems, Map<String, Integer> indicatorLines) {

    public CriteriaLoading {
        problems = List.copyOf(problems);
        indicatorLines = Map.copyOf(indicatorLines);
    }

    public CriteriaLoading(CriteriaSet criteria, List<CriteriaProblem> problems) {
        this(criteria, problems, Map.of());
    }

    /** The line of indicator {@code id} in indicators.yaml, 0 when unknown. */
    public int lineOf(String id) {
        return indicatorLines.getOrDefault(id, 0);
    }

    public boolean isLoaded() {
        return problems.isEmpty();
    }
}
