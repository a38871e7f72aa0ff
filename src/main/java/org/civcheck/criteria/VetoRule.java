package org.civcheck.criteria;

import java.util.List;

/**
 * One line of the veto list (一票否决): incidents of these types, at or above
 * {@code minSeverity}, within {@code lookbackYears} before the inspection.
 */
public record VetoRule(String id, String name, List<String> incidentTypes, String minSeverity, int lookbackYears) {

    public VetoRule {
        incidentTypes = List.copyOf(incidentTypes);
    }
}
