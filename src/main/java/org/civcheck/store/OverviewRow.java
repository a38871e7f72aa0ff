package org.civcheck.store;

import java.time.OffsetDateTime;

/**
 * One unit in the overview: as registered, with its latest check and the one before (all null when
 * it was never checked; the previous ones null when it was checked once). A latest check made
 * before the period's end also has its day and progress verdict (on-track, at-risk, behind).
 */
public record OverviewRow(String unitId, String unitName, String regionId, String level, String assessmentId,
        OffsetDateTime checkedAt, String verdict, Double score, Double maxScore, Double previousScore,
        String previousVerdict, String progressVerdict, java.time.LocalDate asOf) {

    /** Points gained (positive) or lost since the check before; null without two checks. */
    public Double change() {
        return score == null || previousScore == null ? null : score - previousScore;
    }
}
