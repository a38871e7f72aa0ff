package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Binds a checked package to the records, field by field as the contract names them: an
 * unknown field is never read, so it can never reach a record component. The two places where
 * records and contract differ ({@code volunteers.registered} and {@code Attachment.present})
 * are filled in here.
 *
 * <p>Binding is what Jackson's record binding did before, in a fraction of its time: absent
 * optional values are null (or {@code false}, {@code 0} for primitives), whole numbers written
 * with a decimal point bind to integers, and integers to doubles. A field added to the contract
 * and its record needs a line here too: {@code FastPathTest} compares this binding with
 * Jackson's on many variants of the example package, and {@code ExamplePackageTest} checks
 * every field of the example.
 */
final class PackageBinder {

    private PackageBinder() {}

    /**
     * Binds a package that passed every check. Attachments in {@code missingAttachments} (by
     * identity) get {@code present == false}, all others {@code true}.
     */
    static EvidencePackage bind(JsonNode root, Set<JsonNode> missingAttachments) {
        try {
            return new Binding(missingAttachments).evidencePackage(root);
        } catch (RuntimeException e) {
            throw new IllegalStateException("A package that passed every check failed to bind: "
                    + "the schema and the records disagree.", e);
        }
    }

    /** One binding, with the attachments whose file is missing. */
    private record Binding(Set<JsonNode> missingAttachments) {

        EvidencePackage evidencePackage(JsonNode root) {
            JsonNode registered = root.path("volunteers").get("registered");
            return new EvidencePackage(
                    intValue(root, "schemaVersion"),
                    unit(root.get("unit")),
                    period(root.get("period")),
                    date(root, "inspectionDate"),
                    list(root, "plans", this::plan),
                    list(root, "activities", this::activity),
                    registered == null ? null : integer(registered),
                    list(root, "honors", this::honor),
                    list(root, "incidents", this::incident),
                    list(root, "surveys", this::survey));
        }

        private Unit unit(JsonNode unit) {
            JsonNode coordinator = unit.get("coordinator");
            return new Unit(
                    text(unit, "id"),
                    text(unit, "name"),
                    text(unit, "level"),
                    integer(unit, "titleSince"),
                    intValue(unit, "staff"),
                    integer(unit, "partyMembers"),
                    list(unit, "departments", this::department),
                    coordinator == null ? null
                            : new Unit.Coordinator(text(coordinator, "name"), booleanValue(coordinator, "dedicated")));
        }

        private Department department(JsonNode department) {
            return new Department(text(department, "id"), text(department, "name"), intValue(department, "staff"));
        }

        private Period period(JsonNode period) {
            return new Period(date(period, "from"), date(period, "to"));
        }

        private PlanDocument plan(JsonNode plan) {
            return new PlanDocument(text(plan, "id"), text(plan, "kind"), text(plan, "title"), date(plan, "date"),
                    list(plan, "attachments", this::attachment));
        }

        private Activity activity(JsonNode activity) {
            return new Activity(
                    text(activity, "id"),
                    text(activity, "type"),
                    text(activity, "title"),
                    date(activity, "date"),
                    date(activity, "endDate"),
                    text(activity, "organizer"),
                    attendance(activity.get("attendance")),
                    integer(activity, "participants"),
                    decimal(activity, "volunteerHours"),
                    decimal(activity, "amount"),
                    list(activity, "tags", PackageBinder::text),
                    list(activity, "attachments", this::attachment));
        }

        private Attachment attachment(JsonNode attachment) {
            boolean missing = !missingAttachments.isEmpty() && missingAttachments.contains(attachment);
            return new Attachment(text(attachment, "kind"), text(attachment, "file"), date(attachment, "date"), !missing);
        }

        private Honor honor(JsonNode honor) {
            return new Honor(text(honor, "title"), text(honor, "level"), date(honor, "date"));
        }

        private Incident incident(JsonNode incident) {
            return new Incident(text(incident, "id"), text(incident, "type"), date(incident, "date"),
                    text(incident, "severity"), text(incident, "description"), booleanValue(incident, "resolved"));
        }

        private Survey survey(JsonNode survey) {
            return new Survey(text(survey, "kind"), intValue(survey, "respondents"), intValue(survey, "satisfied"),
                    date(survey, "date"));
        }
    }

    /** Made immutable here, so that {@link Activity} need not copy it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Integer> attendance(JsonNode attendance) {
        if (attendance == null) {
            return null;
        }
        require(attendance.isObject(), attendance);
        Map.Entry<String, Integer>[] counts = new Map.Entry[attendance.size()];
        int[] next = {0};
        ((ObjectNode) attendance).forEachEntry((department, count) -> counts[next[0]++] = Map.entry(department, integer(count)));
        return Map.ofEntries(counts);
    }

    private static <T> List<T> list(JsonNode object, String field, Function<JsonNode, T> element) {
        JsonNode array = object.get(field);
        return array == null ? null : list(array, element);
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
        require(array.isArray(), array);
        List<T> elements = new ArrayList<>(array.size());
        for (JsonNode item : array) {
            elements.add(element.apply(item));
        }
        return elements;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null ? null : text(value);
    }

    private static String text(JsonNode value) {
        require(value.isTextual(), value);
        return value.textValue();
    }

    private static LocalDate date(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null ? null : date(value);
    }

    private static LocalDate date(JsonNode value) {
        LocalDate date = IsoDates.parse(text(value));
        require(date != null, value);
        return date;
    }

    private static Integer integer(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null ? null : integer(value);
    }

    /** A whole number, also when written as {@code 20.0}; the schema keeps it within int. */
    private static Integer integer(JsonNode value) {
        require(value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToInt(), value);
        return value.intValue();
    }

    private static int intValue(JsonNode object, String field) {
        Integer value = integer(object, field);
        return value == null ? 0 : value;
    }

    private static Double decimal(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return null;
        }
        require(value.isNumber(), value);
        return value.doubleValue();
    }

    private static boolean booleanValue(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null) {
            return false;
        }
        require(value.isBoolean(), value);
        return value.booleanValue();
    }

    private static void require(boolean bindable, JsonNode value) {
        if (!bindable) {
            throw new IllegalArgumentException("Cannot bind " + value + ".");
        }
    }
}
