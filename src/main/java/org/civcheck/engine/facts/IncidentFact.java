package org.civcheck.engine.facts;

import java.time.LocalDate;

/**
 * A negative event. {@code severityRank} orders severities as the criteria list them (0 least);
 * {@code inPeriod} says whether it happened within the period under review.
 */
public record IncidentFact(String id, String type, LocalDate date, String severity, int severityRank,
        boolean resolved, boolean inPeriod, String description, String role, int count) {

    /** An incident of one person of no stated role. */
    public IncidentFact(String id, String type, LocalDate date, String severity, int severityRank, boolean resolved,
            boolean inPeriod, String description) {
        this(id, type, date, severity, severityRank, resolved, inPeriod, description, null, 1);
    }
}
