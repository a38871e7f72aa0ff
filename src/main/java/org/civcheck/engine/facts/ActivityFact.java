package org.civcheck.engine.facts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * One activity as the rules see it.
 *
 * @param activityClass the taxonomy class of its type ("routine", "creation"), null for an unknown type
 * @param month the calendar month it took place in, "2025-03"
 * @param daysBeforeInspection days from the activity to the inspection (negative after it)
 * @param kinds the kinds of 台账 material actually present for it
 * @param featured tagged {@code featured}: the unit's own signature activity
 */
public record ActivityFact(
        String id,
        String type,
        String title,
        String activityClass,
        String organizer,
        LocalDate date,
        String month,
        boolean inPeriod,
        long daysBeforeInspection,
        int participants,
        Map<String, Integer> attendance,
        double volunteerHours,
        boolean featured,
        Set<String> kinds) {

    /** People from department {@code departmentId}, 0 when none are recorded. */
    public int attendanceOf(String departmentId) {
        return attendance.getOrDefault(departmentId, 0);
    }

    public boolean hasAttendance() {
        return !attendance.isEmpty();
    }
}
