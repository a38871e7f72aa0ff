package org.civcheck.evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The faults a schema cannot see: impossible dates, periods and date ranges the wrong way
 * round, repeated ids, attendance of unknown departments, attachment paths that leave the
 * package, more satisfied than asked. Runs on a schema-valid package once it is read into its
 * records; what only the JSON text shows (the dates that name no day, and attachment paths,
 * with their places; attendance, in document order) {@link PackageStream} found on the way.
 */
final class SemanticChecks {

    /** The contract's longest period: one 复查 cycle. */
    static final int MAX_PERIOD_YEARS = 3;

    private final EvidencePackage pkg;
    private final List<InputProblem> faults = new ArrayList<>();

    private SemanticChecks(EvidencePackage pkg) {
        this.pkg = pkg;
    }

    /** Every semantic fault of a schema-valid package read by {@code stream}, in document order per check. */
    static List<InputProblem> check(EvidencePackage pkg, PackageStream stream) {
        SemanticChecks checks = new SemanticChecks(pkg);
        // Every yyyy-MM-dd string must be a day of the calendar (no 2025-02-30).
        checks.faults.addAll(stream.calendarFaults());
        checks.period();
        checks.activities();
        checks.uniqueIds(pkg.unit().departments(), Department::id, "$.unit.departments", "科室编号");
        checks.uniqueIds(pkg.activities(), Activity::id, "$.activities", "活动编号");
        checks.uniqueIds(pkg.plans(), PlanDocument::id, "$.plans", "计划文档编号");
        checks.uniqueIds(pkg.incidents(), Incident::id, "$.incidents", "事件编号");
        // Attendance is counted per department, so every key names one.
        checks.faults.addAll(stream.attendanceFaults());
        // An attachment names a file inside the package, never outside it.
        checks.faults.addAll(stream.fileFaults());
        checks.surveyCounts();
        // Texts hold no control characters (NUL, escapes, bidirectional overrides).
        checks.faults.addAll(ControlCharacters.check(pkg));
        return List.copyOf(checks.faults);
    }

    // The period runs forward and spans at most one 复查 cycle.
    private void period() {
        LocalDate from = pkg.period().from();
        LocalDate to = pkg.period().to();
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
    private void activities() {
        List<Activity> activities = pkg.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity activity = activities.get(i);
            LocalDate start = activity.date();
            LocalDate end = activity.endDate();
            if (start != null && end != null && end.isBefore(start)) {
                faults.add(new InputProblem(JsonPaths.index("$.activities", i) + ".endDate",
                        "结束日期 " + end + " 早于活动日期 " + start));
            }
        }
    }

    /** Ids are unique within their list: each is remembered at its first use, the second use is the fault. */
    private <T> void uniqueIds(List<T> items, Function<T, String> id, String listPath, String what) {
        Map<String, Integer> firstUse = new HashMap<>(Math.max(16, items.size() * 2));
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            Integer earlier = firstUse.putIfAbsent(value, i);
            if (earlier != null) {
                faults.add(new InputProblem(JsonPaths.index(listPath, i) + ".id",
                        what + InputTexts.quote(value) + "重复，已用于 " + JsonPaths.index(listPath, earlier)));
            }
        }
    }

    // No more people satisfied than asked.
    private void surveyCounts() {
        List<Survey> surveys = pkg.surveys();
        for (int i = 0; i < surveys.size(); i++) {
            Survey survey = surveys.get(i);
            if (survey.satisfied() > survey.respondents()) {
                faults.add(new InputProblem(JsonPaths.index("$.surveys", i) + ".satisfied",
                        "满意人数 " + survey.satisfied() + " 多于参与测评人数 " + survey.respondents()));
            }
        }
    }
}
