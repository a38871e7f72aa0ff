package org.civcheck.store;

/** An assessment to store: the package as uploaded and the result it got. */
public record NewAssessment(
        String unitId,
        String unitName,
        String verdict,
        double score,
        double maxScore,
        String criteriaId,
        String criteriaVersion,
        String criteriaSha256,
        byte[] packageBytes,
        String packageMediaType,
        String packageName,
        String resultJson) {}
