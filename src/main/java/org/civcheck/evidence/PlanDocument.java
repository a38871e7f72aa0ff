package org.civcheck.evidence;

import java.time.LocalDate;
import java.util.List;

/** A plan, system, responsibility split or summary ({@code kind}), dated when issued. */
public record PlanDocument(String id, String kind, String title, LocalDate date, List<Attachment> attachments) {

    public PlanDocument {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
