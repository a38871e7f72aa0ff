package org.civcheck.evidence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Something the unit did. {@code organizer} is one of {@code self}, {@code civilization-office},
 * {@code superior}, {@code partner} ({@code self} when the package leaves it out).
 */
public record Activity(
        String id,
        String type,
        String title,
        LocalDate date,
        LocalDate endDate,
        String organizer,
        Map<String, Integer> attendance,
        Integer participants,
        Double volunteerHours,
        Double amount,
        List<String> tags,
        List<Attachment> attachments) {

    public Activity {
        organizer = organizer == null ? "self" : organizer;
        attendance = attendance == null ? Map.of()
                : attendance instanceof AttendanceCounts counts ? counts // immutable already, and compact
                : Map.copyOf(attendance);
        tags = tags == null ? List.of() : List.copyOf(tags);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** People who took part: {@code participants} when given, else the sum of {@code attendance}. */
    public int effectiveParticipants() {
        if (participants != null) {
            return participants;
        }
        if (attendance instanceof AttendanceCounts counts) {
            return counts.total();
        }
        int sum = 0;
        for (int n : attendance.values()) {
            sum += n;
        }
        return sum;
    }
}
