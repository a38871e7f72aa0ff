package org.civcheck.engine.facts;

import java.time.LocalDate;
import java.util.Set;

/**
 * A line of the veto list, with its look-back window turned into dates: incidents dated from
 * {@code since} up to the inspection count.
 */
public record VetoRuleFact(String id, String name, Set<String> incidentTypes, String minSeverity,
        int minSeverityRank, int lookbackYears, LocalDate since) {}
