package org.civcheck.criteria;

import java.util.List;

/** What loading a criteria folder gave: the set, or every fault found in it. */
public record CriteriaLoading(CriteriaSet criteria, List<CriteriaProblem> problems) {

    public CriteriaLoading {
        problems = List.copyOf(problems);
    }

    public boolean isLoaded() {
        return problems.isEmpty();
    }
}
