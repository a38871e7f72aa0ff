package org.civcheck.store;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One line of a unit's history.
 *
 * @param asOf the day a check made before the period's end stands on; null for a whole-period check
 * @param progressVerdict that check's progress verdict (on-track, at-risk, behind); null with {@code asOf}
 */
public record AssessmentSummary(String id, String unitId, String unitName, OffsetDateTime createdAt, String verdict,
        double score, double maxScore, String criteriaId, String criteriaVersion, LocalDate asOf,
        String progressVerdict) {

    /** A whole-period check's line. */
    public AssessmentSummary(String id, String unitId, String unitName, OffsetDateTime createdAt, String verdict,
            double score, double maxScore, String criteriaId, String criteriaVersion) {
        this(id, unitId, unitName, createdAt, verdict, score, maxScore, criteriaId, criteriaVersion, null, null);
    }

    /** Whether the check stood on a day before its period's end. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPartial() {
        return asOf != null;
    }
}
