package org.civcheck.evidence;

import java.time.LocalDate;

/**
 * A negative event; the input of veto (一票否决), conduct and deduction checks.
 *
 * @param role who was involved, a word of the criteria's {@code roles} (班子成员, 职工), or null
 * @param count how many people (or occurrences) the one record stands for; 1 when not given (or 0)
 */
public record Incident(String id, String type, LocalDate date, String severity, String description, boolean resolved,
        String role, int count) {

    public Incident {
        count = Math.max(1, count); // not given: one
    }

    /** An incident of one person of no stated role. */
    public Incident(String id, String type, LocalDate date, String severity, String description, boolean resolved) {
        this(id, type, date, severity, description, resolved, null, 1);
    }
}
