package org.civcheck.store;

import java.time.OffsetDateTime;

/** A stored assessment: its summary, the package's hash and size, and the result JSON. */
public record StoredAssessment(AssessmentSummary summary, String packageSha256, long packageSize,
        String packageMediaType, String packageName, String criteriaSha256, String resultJson) {

    public String id() {
        return summary.id();
    }

    public OffsetDateTime createdAt() {
        return summary.createdAt();
    }
}
