package org.civcheck.store;

import java.time.OffsetDateTime;

/**
 * One unit in the overview: as registered, with its latest check and the one before (all null when
 * it was never checked; the previous ones null when it was checked once).
 */
public record OverviewRow(String unitId, String unitName, String regionId, String level, String assessmentId,
        OffsetDateTime checkedAt, String verdict, Double score, Double maxScore, Double previousScore,
        String previousVerdict) {

    /** Points gained (positive) or lost since the check before; null without two checks. */
    public Double change() {
        return score == null || previousScore == null ? null : score - previousScore;
    }
}
