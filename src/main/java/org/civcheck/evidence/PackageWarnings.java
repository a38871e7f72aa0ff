package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft problems of a package that passed every fault check: they are reported, and the
 * package is still read. Unknown fields come from {@link ContractWalk}, zip files from
 * {@link AttachmentFiles}.
 */
final class PackageWarnings {

    private PackageWarnings() {}

    /** The warnings of a fault-free package's known fields. */
    static List<InputProblem> check(JsonNode root) {
        List<InputProblem> warnings = new ArrayList<>();
        activitiesOutsidePeriod(root, warnings);
        staffTotals(root, warnings);
        return warnings;
    }

    // An activity dated outside the period is evidence of another period.
    private static void activitiesOutsidePeriod(JsonNode root, List<InputProblem> warnings) {
        Period period = new Period(
                SemanticChecks.date(root.path("period").path("from")),
                SemanticChecks.date(root.path("period").path("to")));
        JsonNode activities = root.path("activities");
        for (int i = 0; i < activities.size(); i++) {
            LocalDate date = SemanticChecks.date(activities.get(i).path("date"));
            if (!period.contains(date)) {
                warnings.add(new InputProblem(JsonPaths.index("$.activities", i) + ".date",
                        "活动日期 " + date + " 不在材料期间 " + period.from() + " 至 " + period.to() + " 之内"));
            }
        }
    }

    // The departments' staff should add up to the unit's staff on post.
    private static void staffTotals(JsonNode root, List<InputProblem> warnings) {
        JsonNode unit = root.path("unit");
        long sum = 0;
        for (JsonNode department : unit.path("departments")) {
            sum += department.path("staff").asLong();
        }
        long staff = unit.path("staff").asLong();
        if (sum != staff) {
            warnings.add(new InputProblem("$.unit.departments",
                    "各科室人数合计 " + sum + "，与单位在岗职工 " + staff + " 人（$.unit.staff）不一致"));
        }
    }
}
