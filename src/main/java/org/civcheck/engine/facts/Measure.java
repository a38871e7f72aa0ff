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
 * @param done what was counted (activities, months, hours per head), when the aspect counts; else null
 * @param required the threshold {@code done} is held to, for the period the rule saw; else null
 * @param todo what is still needed to meet it, as a phrase ("开展理论学习2次"); null when met or
 *     when the rule says nothing to do. A check before the period's end lists it by date.
 */
public record Measure(String indicator, String aspect, double fraction, boolean satisfied, String finding,
        List<String> evidence, Double done, Double required, String todo) {

    public Measure {
        fraction = Math.max(0, Math.min(1, fraction));
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A measure that counts nothing a to-do list could name. */
    public Measure(String indicator, String aspect, double fraction, boolean satisfied, String finding,
            List<String> evidence) {
        this(indicator, aspect, fraction, satisfied, finding, evidence, null, null, null);
    }
}
