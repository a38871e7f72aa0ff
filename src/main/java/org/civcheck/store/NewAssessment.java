package org.civcheck.store;

import java.time.LocalDate;

/**
 * An assessment to store: the package as uploaded and the result it got.
 *
 * @param asOf the day a check made before the period's end stands on; null for a whole-period check
 * @param progressVerdict its progress verdict; null with {@code asOf}
 */
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
        String resultJson,
        LocalDate asOf,
        String progressVerdict) {

    /** A whole-period check to store. */
    public NewAssessment(String unitId, String unitName, String verdict, double score, double maxScore,
            String criteriaId, String criteriaVersion, String criteriaSha256, byte[] packageBytes,
            String packageMediaType, String packageName, String resultJson) {
        this(unitId, unitName, verdict, score, maxScore, criteriaId, criteriaVersion, criteriaSha256, packageBytes,
                packageMediaType, packageName, resultJson, null, null);
    }
}
