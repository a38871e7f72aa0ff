package org.civcheck.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.Claim;
import org.civcheck.evidence.Department;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.Honor;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.PreviousFinding;
import org.civcheck.evidence.Survey;
import org.civcheck.evidence.Unit;

/**
 * A package's records as the values of the layout's fields ({@code date}, {@code unit.name}):
 * what the writer puts in each cell. Values are LocalDate, Number, Boolean, String, lists of
 * tags and attachments, or the attendance map; words are still codes.
 */
final class RecordValues {

    private RecordValues() {}

    /** The rows of {@code sheet}: one map per record, one map in all for the form sheet. */
    static List<Map<String, Object>> rows(LedgerSheet sheet, EvidencePackage p) {
        return switch (sheet.list()) {
            case "unit" -> List.of(unit(p));
            case "unit.departments" -> map(p.unit().departments(), RecordValues::department);
            case "plans" -> map(p.plans(), RecordValues::plan);
            case "activities" -> map(p.activities(), RecordValues::activity);
            case "incidents" -> map(p.incidents(), RecordValues::incident);
            case "surveys" -> map(p.surveys(), RecordValues::survey);
            case "honors" -> map(p.honors(), RecordValues::honor);
            case "previousFindings" -> map(p.previousFindings(), RecordValues::previousFinding);
            case "claims" -> map(p.claims(), RecordValues::claim);
            default -> throw new IllegalArgumentException("No records for the list " + sheet.list() + ".");
        };
    }

    private static Map<String, Object> unit(EvidencePackage p) {
        Unit u = p.unit();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("unit.id", u.id());
        v.put("unit.name", u.name());
        v.put("unit.level", u.level());
        v.put("unit.titleSince", u.titleSince());
        v.put("unit.staff", u.staff());
        v.put("unit.partyMembers", u.partyMembers());
        if (u.coordinator() != null) {
            v.put("unit.coordinator.name", u.coordinator().name());
            v.put("unit.coordinator.dedicated", u.coordinator().dedicated());
        }
        v.put("period.from", p.period().from());
        v.put("period.to", p.period().to());
        v.put("inspectionDate", p.inspectionDate());
        v.put("volunteers.registered", p.registeredVolunteers());
        return v;
    }

    private static Map<String, Object> department(Department d) {
        return values("id", d.id(), "name", d.name(), "staff", d.staff());
    }

    private static Map<String, Object> plan(PlanDocument d) {
        Map<String, Object> v = values("id", d.id(), "kind", d.kind(), "title", d.title(), "date", d.date());
        v.put("tags", d.tags());
        v.put("attachments", d.attachments());
        return v;
    }

    private static Map<String, Object> activity(Activity a) {
        Map<String, Object> v = values("id", a.id(), "date", a.date(), "endDate", a.endDate(), "title", a.title(),
                "type", a.type(), "organizer", a.organizer(), "participants", a.participants(),
                "attendance", a.attendance(), "volunteerHours", a.volunteerHours(), "amount", a.amount());
        v.put("tags", a.tags());
        v.put("attachments", a.attachments());
        return v;
    }

    private static Map<String, Object> incident(Incident i) {
        return values("id", i.id(), "date", i.date(), "type", i.type(), "severity", i.severity(),
                "description", i.description(), "resolved", i.resolved(), "role", i.role(), "count", i.count());
    }

    private static Map<String, Object> previousFinding(PreviousFinding f) {
        return values("id", f.id(), "finding", f.finding(), "rectified", f.rectified(), "rectifiedOn", f.rectifiedOn(),
                "files", f.files());
    }

    private static Map<String, Object> claim(Claim c) {
        return values("indicator", c.indicator(), "score", c.score(), "note", c.note(), "files", c.files());
    }

    private static Map<String, Object> survey(Survey s) {
        return values("kind", s.kind(), "date", s.date(), "respondents", s.respondents(), "satisfied", s.satisfied());
    }

    private static Map<String, Object> honor(Honor h) {
        return values("title", h.title(), "level", h.level(), "date", h.date());
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        return v;
    }

    private static <T> List<Map<String, Object>> map(List<T> items, java.util.function.Function<T, Map<String, Object>> f) {
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        items.forEach(i -> rows.add(f.apply(i)));
        return rows;
    }
}
