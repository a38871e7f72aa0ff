package org.civcheck.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan, system, responsibility split or summary ({@code kind}), dated when issued; its {@code tags}
 * are the unit's own labels (关爱职工), which a criteria set's document check may ask for.
 */
public record PlanDocument(String id, String kind, String title, LocalDate date, List<Attachment> attachments,
        List<String> tags) {

    public PlanDocument {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A document without tags. */
    public PlanDocument(String id, String kind, String title, LocalDate date, List<Attachment> attachments) {
        this(id, kind, title, date, attachments, List.of());
    }
}
