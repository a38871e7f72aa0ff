package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The faults a schema cannot see: impossible dates, periods and date ranges the wrong way
 * round, repeated ids, attendance of unknown departments, attachment paths that leave the
 * package, more satisfied than asked. Runs on a schema-valid package.
 */
final class SemanticChecks {

    /** The contract's longest period: one 复查 cycle. */
    static final int MAX_PERIOD_YEARS = 3;

    private final ContractWalk.Result walk;
    private final JsonNode root;
    private final List<InputProblem> faults = new ArrayList<>();

    private SemanticChecks(ContractWalk.Result walk) {
        this.walk = walk;
        this.root = walk.known();
    }

    /** Every semantic fault of a walked, schema-valid package, in document order per check. */
    static List<InputProblem> check(ContractWalk.Result walk) {
        SemanticChecks checks = new SemanticChecks(walk);
        checks.calendarDates();
        checks.period();
        checks.activityDateRanges();
        checks.uniqueIds();
        checks.attendanceKeys();
        checks.attachmentFiles();
        checks.surveyCounts();
        return List.copyOf(checks.faults);
    }

    /** The date of a schema-valid, calendar-checked date node; null when it is no calendar day. */
    static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // Every yyyy-MM-dd string must be a day of the calendar (no 2025-02-30).
    private void calendarDates() {
        for (ContractWalk.Located located : walk.nodesOf(ContractWalk.DATE)) {
            if (date(located.node()) == null) {
                faults.add(new InputProblem(located.path(),
                        InputTexts.quote(located.node().asText()) + "不是有效的日历日期"));
            }
        }
    }

    // The period runs forward and spans at most one 复查 cycle.
    private void period() {
        LocalDate from = date(root.path("period").path("from"));
        LocalDate to = date(root.path("period").path("to"));
        if (from == null || to == null) {
            return;
        }
        if (to.isBefore(from)) {
            faults.add(new InputProblem("$.period.to", "结束日期 " + to + " 早于开始日期 " + from));
        } else if (to.isAfter(from.plusYears(MAX_PERIOD_YEARS))) {
            faults.add(new InputProblem("$.period.to",
                    "期间 " + from + " 至 " + to + " 超过 " + MAX_PERIOD_YEARS + " 年（一个复查周期）"));
        }
    }

    // A several-day activity ends on or after its first day.
    private void activityDateRanges() {
        JsonNode activities = root.path("activities");
        for (int i = 0; i < activities.size(); i++) {
            LocalDate start = date(activities.get(i).path("date"));
            LocalDate end = date(activities.get(i).path("endDate"));
            if (start != null && end != null && end.isBefore(start)) {
                faults.add(new InputProblem(JsonPaths.index("$.activities", i) + ".endDate",
                        "结束日期 " + end + " 早于活动日期 " + start));
            }
        }
    }

    // Ids are unique within their list; the second use is the fault.
    private void uniqueIds() {
        uniqueIds(root.path("unit").path("departments"), "$.unit.departments", "科室编号");
        uniqueIds(root.path("activities"), "$.activities", "活动编号");
        uniqueIds(root.path("plans"), "$.plans", "计划文档编号");
        uniqueIds(root.path("incidents"), "$.incidents", "事件编号");
    }

    private void uniqueIds(JsonNode items, String listPath, String what) {
        Map<String, String> firstUse = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).path("id").asText();
            String itemPath = JsonPaths.index(listPath, i);
            String earlier = firstUse.putIfAbsent(id, itemPath);
            if (earlier != null) {
                faults.add(new InputProblem(itemPath + ".id",
                        what + InputTexts.quote(id) + "重复，已用于 " + earlier));
            }
        }
    }

    // Attendance is counted per department, so every key names one.
    private void attendanceKeys() {
        Set<String> departments = new LinkedHashSet<>();
        root.path("unit").path("departments").forEach(d -> departments.add(d.path("id").asText()));
        JsonNode activities = root.path("activities");
        for (int i = 0; i < activities.size(); i++) {
            String attendancePath = JsonPaths.index("$.activities", i) + ".attendance";
            for (Map.Entry<String, JsonNode> count : activities.get(i).path("attendance").properties()) {
                String key = count.getKey();
                if (!departments.contains(key)) {
                    faults.add(new InputProblem(JsonPaths.field(attendancePath, key),
                            InputTexts.quote(key) + "不是任何科室的编号（科室编号有：" + String.join("、", departments) + "）"));
                }
            }
        }
    }

    // An attachment names a file inside the package, never outside it.
    private void attachmentFiles() {
        for (ContractWalk.Located attachment : walk.nodesOf(ContractWalk.ATTACHMENT)) {
            String problem = RelativePaths.attachmentProblem(attachment.node().path("file").asText());
            if (problem != null) {
                faults.add(new InputProblem(attachment.path() + ".file", problem));
            }
        }
    }

    // No more people satisfied than asked.
    private void surveyCounts() {
        JsonNode surveys = root.path("surveys");
        for (int i = 0; i < surveys.size(); i++) {
            int respondents = surveys.get(i).path("respondents").asInt();
            int satisfied = surveys.get(i).path("satisfied").asInt();
            if (satisfied > respondents) {
                faults.add(new InputProblem(JsonPaths.index("$.surveys", i) + ".satisfied",
                        "满意人数 " + satisfied + " 多于参与测评人数 " + respondents));
            }
        }
    }
}
