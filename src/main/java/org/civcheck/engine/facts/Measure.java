package org.civcheck.engine.facts;

import java.util.List;

/**
 * One thing a check rule measured for an indicator, compared with its threshold.
 *
 * @param aspect which part of the check this is ("count", "months", "bunching", …)
 * @param fraction the share of the indicator's points this aspect earns, 0 to 1
 * @param satisfied whether the threshold was met
 * @param finding the plain Chinese sentence with the actual values and the threshold
 * @param evidence the ids (activities, documents, incidents) the finding rests on
 */
public record Measure(String indicator, String aspect, double fraction, boolean satisfied, String finding,
        List<String> evidence) {

    public Measure {
        fraction = Math.max(0, Math.min(1, fraction));
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
