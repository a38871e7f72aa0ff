package org.civcheck.criteria;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of the veto list (一票否决) as published: incidents of these types, at or above
 * {@code minSeverity}, involving people of {@code roles} (any role when empty), that together
 * count at least {@code minCount} people (员工3人以上), within the look-back: {@code lookbackYears}
 * or {@code lookbackMonths} before the inspection, since a fixed date ({@code since}), or within
 * the title period ({@code withinPeriod}, 届期内: from the package's period start). Exactly one
 * look-back is given; the others are 0, null or false.
 */
public record VetoRule(String id, String name, List<String> incidentTypes, String minSeverity, int lookbackYears,
        int lookbackMonths, LocalDate since, boolean withinPeriod, List<String> roles, int minCount) {

    public VetoRule {
        incidentTypes = List.copyOf(incidentTypes);
        roles = List.copyOf(roles);
    }

    /** A veto on any one incident within some years (the form of the first veto lists). */
    public VetoRule(String id, String name, List<String> incidentTypes, String minSeverity, int lookbackYears) {
        this(id, name, incidentTypes, minSeverity, lookbackYears, 0, null, false, List.of(), 1);
    }

    /** The first day the veto looks at, for a package with this period start and inspection date. */
    public LocalDate from(LocalDate periodFrom, LocalDate inspection) {
        if (since != null) {
            return since;
        }
        if (withinPeriod) {
            return periodFrom;
        }
        return lookbackMonths > 0 ? inspection.minusMonths(lookbackMonths) : inspection.minusYears(lookbackYears);
    }
}
