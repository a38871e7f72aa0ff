package org.civcheck.engine.facts;

import java.time.LocalDate;
import java.util.Set;

/**
 * A line of the veto list, with its look-back window turned into dates: incidents dated from
 * {@code since} up to the inspection count.
 */
public record VetoRuleFact(String id, String name, Set<String> incidentTypes, String minSeverity,
        int minSeverityRank, int lookbackYears, LocalDate since, int lookbackMonths, boolean fixedSince,
        boolean withinPeriod, Set<String> roles, int minCount) {

    /** Whether an incident involving {@code role} counts: any role does when the veto names none. */
    public boolean involves(String role) {
        return roles.isEmpty() || role != null && roles.contains(role);
    }
}
