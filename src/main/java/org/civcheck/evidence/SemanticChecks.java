package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The faults a schema cannot see: impossible dates, periods and date ranges the wrong way
 * round, repeated ids, attendance of unknown departments, attachment paths that leave the
 * package, more satisfied than asked. Runs on a schema-valid package.
 */
final class SemanticChecks {

    /** The contract's longest period: one 复查 cycle. */
    static final int MAX_PERIOD_YEARS = 3;

    /**
     * The nodes {@link ContractWalk} should keep for these checks: the suspects, picked while the
     * walk is at them (dates that are no calendar day, attachments whose file leaves the
     * package), so that a good package keeps none. The checks look again at every node they are
     * given, so they are just as right when given more ({@link ContractWalk#EVERY}).
     */
    static final Map<String, Predicate<JsonNode>> SUSPECTS = Map.of(
            ContractWalk.DATE, node -> !node.isTextual() || !IsoDates.isCalendarDate(node.textValue()),
            ContractWalk.ATTACHMENT, node -> fileProblem(node) != null);

    private final ContractWalk.Result walk;
    private final JsonNode root;
    private final List<InputProblem> faults = new ArrayList<>();

    private SemanticChecks(ContractWalk.Result walk) {
        this.walk = walk;
        this.root = walk.root();
    }

    /** Every semantic fault of a walked, schema-valid package, in document order per check. */
    static List<InputProblem> check(ContractWalk.Result walk) {
        SemanticChecks checks = new SemanticChecks(walk);
        checks.calendarDates();
        checks.period();
        checks.activities();
        checks.attachmentFiles();
        checks.surveyCounts();
        return List.copyOf(checks.faults);
    }

    /** The date of a schema-valid, calendar-checked date node; null when it is no calendar day. */
    static LocalDate date(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        return IsoDates.parse(node.textValue());
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

    // Three checks of every activity, made in one pass over them (a package may hold 100,000)
    // and reported check by check: date ranges; ids, list by list; attendance.
    private void activities() {
        JsonNode activities = root.path("activities");
        Set<String> departments = new LinkedHashSet<>();
        root.path("unit").path("departments").forEach(d -> departments.add(d.path("id").asText()));
        List<InputProblem> dateRanges = new ArrayList<>();
        UniqueIds activityIds = new UniqueIds("$.activities", "活动编号", activities.size());
        List<InputProblem> attendance = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            JsonNode activity = activities.get(i);
            dateRange(activity, i, dateRanges);
            activityIds.add(activity, i);
            attendanceKeys(activity, i, departments, attendance);
        }
        faults.addAll(dateRanges);
        uniqueIds(root.path("unit").path("departments"), "$.unit.departments", "科室编号");
        faults.addAll(activityIds.faults);
        uniqueIds(root.path("plans"), "$.plans", "计划文档编号");
        uniqueIds(root.path("incidents"), "$.incidents", "事件编号");
        faults.addAll(attendance);
    }

    // A several-day activity ends on or after its first day.
    private static void dateRange(JsonNode activity, int index, List<InputProblem> faults) {
        JsonNode endDate = activity.get("endDate");
        if (endDate == null) {
            return;
        }
        LocalDate start = date(activity.path("date"));
        LocalDate end = date(endDate);
        if (start != null && end != null && end.isBefore(start)) {
            faults.add(new InputProblem(JsonPaths.index("$.activities", index) + ".endDate",
                    "结束日期 " + end + " 早于活动日期 " + start));
        }
    }

    // Attendance is counted per department, so every key names one.
    private static void attendanceKeys(JsonNode activity, int index, Set<String> departments, List<InputProblem> faults) {
        if (activity.get("attendance") instanceof ObjectNode attendance) {
            attendance.forEachEntry((key, count) -> {
                if (!departments.contains(key)) {
                    String attendancePath = JsonPaths.index("$.activities", index) + ".attendance";
                    faults.add(new InputProblem(JsonPaths.field(attendancePath, key),
                            InputTexts.quote(key) + "不是任何科室的编号（科室编号有：" + String.join("、", departments) + "）"));
                }
            });
        }
    }

    private void uniqueIds(JsonNode items, String listPath, String what) {
        UniqueIds ids = new UniqueIds(listPath, what, items.size());
        for (int i = 0; i < items.size(); i++) {
            ids.add(items.get(i), i);
        }
        faults.addAll(ids.faults);
    }

    /** Ids are unique within their list: each is remembered at its first use, the second use is the fault. */
    private static final class UniqueIds {
        private final String listPath;
        private final String what;
        private final Map<String, Integer> firstUse;
        private final List<InputProblem> faults = new ArrayList<>();

        UniqueIds(String listPath, String what, int size) {
            this.listPath = listPath;
            this.what = what;
            this.firstUse = new HashMap<>(Math.max(16, size * 2));
        }

        void add(JsonNode item, int index) {
            String id = item.path("id").asText();
            Integer earlier = firstUse.putIfAbsent(id, index);
            if (earlier != null) {
                faults.add(new InputProblem(JsonPaths.index(listPath, index) + ".id",
                        what + InputTexts.quote(id) + "重复，已用于 " + JsonPaths.index(listPath, earlier)));
            }
        }
    }

    // An attachment names a file inside the package, never outside it.
    private void attachmentFiles() {
        for (ContractWalk.Located attachment : walk.nodesOf(ContractWalk.ATTACHMENT)) {
            String problem = fileProblem(attachment.node());
            if (problem != null) {
                faults.add(new InputProblem(attachment.path() + ".file", problem));
            }
        }
    }

    private static String fileProblem(JsonNode attachment) {
        return RelativePaths.attachmentProblem(attachment.path("file").asText());
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
