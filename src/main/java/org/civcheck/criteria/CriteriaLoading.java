package org.civcheck.criteria;

import java.util.List;
import java.util.Map;

/**
 * What loading a criteria folder gave: the set and every fault found in it (a set with faults is
 * for lint to look at further, never for scoring: check {@link #isLoaded()}); and where each
 * indicator is written (file and line by indicator id), for later checks to point at.
 *
 * @param indicatorFiles the file each indicator is written in, by id, when not {@code indicators.yaml}:
 *     for an overlay, {@code overlay.yaml} for the indicators whose params or points it changes and the base's
 *     {@code indicators.yaml} (as a path from the overlay, {@code ../provincial/indicators.yaml}) for the rest
 * @param warnings what is allowed but probably not meant (lint shows them; scoring goes on)
 */
public record CriteriaLoading(CriteriaSet criteria, List<CriteriaProblem> problems, Map<String, Integer> indicatorLines,
        Map<String, String> indicatorFiles, List<CriteriaProblem> warnings) {

    static final String INDICATORS_FILE = "indicators.yaml";

    public CriteriaLoading {
        problems = List.copyOf(problems);
        indicatorLines = Map.copyOf(indicatorLines);
        indicatorFiles = Map.copyOf(indicatorFiles);
        warnings = List.copyOf(warnings);
    }

    public CriteriaLoading(CriteriaSet criteria, List<CriteriaProblem> problems, Map<String, Integer> indicatorLines,
            Map<String, String> indicatorFiles) {
        this(criteria, problems, indicatorLines, indicatorFiles, List.of());
    }

    public CriteriaLoading(CriteriaSet criteria, List<CriteriaProblem> problems, Map<String, Integer> indicatorLines) {
        this(criteria, problems, indicatorLines, Map.of());
    }

    public CriteriaLoading(CriteriaSet criteria, List<CriteriaProblem> problems) {
        this(criteria, problems, Map.of());
    }

    /** The line of indicator {@code id} in {@link #fileOf its file}, 0 when unknown. */
    public int lineOf(String id) {
        return indicatorLines.getOrDefault(id, 0);
    }

    /** The file indicator {@code id} is written in: {@code indicators.yaml} unless an overlay says otherwise. */
    public String fileOf(String id) {
        return indicatorFiles.getOrDefault(id, INDICATORS_FILE);
    }

    public boolean isLoaded() {
        return problems.isEmpty();
    }
}
