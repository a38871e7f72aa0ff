package org.civcheck.store;

import java.time.OffsetDateTime;

/** One line of a unit's history. */
public record AssessmentSummary(String id, String unitId, String unitName, OffsetDateTime createdAt, String verdict,
        double score, double maxScore, String criteriaId, String criteriaVersion) {}
