package org.civcheck.authoring;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a case expects of its result. Every part is optional; a case states at least one.
 *
 * @param verdict        ready, at-risk, not-ready or vetoed; null: not checked
 * @param scoreMin       the lowest score accepted, or null
 * @param scoreMax       the highest score accepted, or null
 * @param indicators     indicator id → status (met, partial, unmet, not-applicable), in the file's order
 * @param otherIndicators the status every indicator not in {@code indicators} must have ("*"), or null
 * @param gapClasses     exactly these problem classes among the gaps, or null
 * @param gapClassesIncluded at least these problem classes among the gaps
 * @param gaps           gaps that must be there, by what their message says
 * @param progress       in a case checked as of a day: the progress verdict (on-track, at-risk, behind), or null
 * @param pace           in such a case: indicator id → its progress status (ahead, on-track, behind, not-yet-due)
 */
record Expectation(String verdict, Double scoreMin, Double scoreMax, Map<String, String> indicators,
        String otherIndicators, Set<String> gapClasses, Set<String> gapClassesIncluded, List<GapMention> gaps,
        String progress, Map<String, String> pace) {

    /** A gap whose message contains {@code contains}, of indicator {@code indicator} when that is given. */
    record GapMention(String indicator, String contains) {}

    Expectation {
        indicators = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(indicators));
        gapClasses = gapClasses == null ? null : Set.copyOf(gapClasses);
        gapClassesIncluded = Set.copyOf(gapClassesIncluded);
        gaps = List.copyOf(gaps);
        pace = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pace == null ? Map.of() : pace));
    }

    /** The status the case expects of indicator {@code id}, or null when it says nothing of it. */
    String statusOf(String id) {
        return indicators.getOrDefault(id, otherIndicators);
    }
}
