package org.civcheck.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * One unit's evidence for a self-check: what it did in a period, with its plans,
 * volunteers, incidents and surveys. Optional lists are never null (empty instead).
 */
public record EvidencePackage(
        int schemaVersion,
        Unit unit,
        Period period,
        LocalDate inspectionDate,
        List<PlanDocument> plans,
        List<Activity> activities,
        Integer registeredVolunteers,
        List<Honor> honors,
        List<Incident> incidents,
        List<Survey> surveys,
        List<PreviousFinding> previousFindings,
        List<Claim> claims) {

    /** A package without the last review's findings or self-rated claims. */
    public EvidencePackage(int schemaVersion, Unit unit, Period period, LocalDate inspectionDate,
            List<PlanDocument> plans, List<Activity> activities, Integer registeredVolunteers, List<Honor> honors,
            List<Incident> incidents, List<Survey> surveys) {
        this(schemaVersion, unit, period, inspectionDate, plans, activities, registeredVolunteers, honors, incidents,
                surveys, null, null);
    }

    public EvidencePackage {
        previousFindings = previousFindings == null ? List.of() : List.copyOf(previousFindings);
        claims = claims == null ? List.of() : List.copyOf(claims);
        plans = plans == null ? List.of() : List.copyOf(plans);
        activities = activities == null ? List.of() : List.copyOf(activities);
        honors = honors == null ? List.of() : List.copyOf(honors);
        incidents = incidents == null ? List.of() : List.copyOf(incidents);
        surveys = surveys == null ? List.of() : List.copyOf(surveys);
    }

    /** The planned inspection date, or the day after the period when none is given. */
    public LocalDate effectiveInspectionDate() {
        return inspectionDate != null ? inspectionDate : period.to().plusDays(1);
    }
}
