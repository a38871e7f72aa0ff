package org.civcheck.authoring;

import java.util.List;

/** What running a criteria set's cases gave: each case's result, and the coverage of all of them. */
public final class TestRun {

    final CriteriaTests tests;
    final List<CaseResult> results;
    final Coverage coverage;

    TestRun(CriteriaTests tests, List<CaseResult> results, Coverage coverage) {
        this.tests = tests;
        this.results = List.copyOf(results);
        this.coverage = coverage;
    }

    public int caseCount() {
        return results.size();
    }

    public int failedCount() {
        return (int) results.stream().filter(r -> !r.passed()).count();
    }

    public boolean allPassed() {
        return failedCount() == 0;
    }

    /** Percent of the criteria's indicators whose status some case asserts, 0–100. */
    public double indicatorCoverage() {
        return coverage.indicatorPercent();
    }

    /** Rules that fired in no case and are not exempt, by name. */
    public List<String> rulesNeverFired() {
        return coverage.rulesNeverFired();
    }
}
