package org.civcheck.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Soft problems of a package that passed every fault check: they are reported, and the
 * package is still read. Unknown fields come from {@link PackageStream}, zip files from
 * {@link AttachmentFiles}. Works on the bound package, whose dates are already parsed.
 */
final class PackageWarnings {

    private PackageWarnings() {}

    /** The warnings of a fault-free package's known fields. */
    static List<InputProblem> check(EvidencePackage pkg) {
        List<InputProblem> warnings = new ArrayList<>();
        activitiesOutsidePeriod(pkg, warnings);
        staffTotals(pkg.unit(), warnings);
        return warnings;
    }

    /**
     * A plain JSON package names its 台账 files but carries none: they count as present, and the
     * unit is told that nothing checked them, once for the whole package.
     */
    static List<InputProblem> unverifiedAttachments(EvidencePackage pkg) {
        int count = 0;
        for (Activity a : pkg.activities()) {
            count += a.attachments().size();
        }
        if (count == 0) {
            return List.of();
        }
        return List.of(new InputProblem("$.activities",
                "这是单独的 JSON 证据包，列出的" + count + "份台账材料没有随包提交，均按已具备计算，缺漏查不出来；"
                        + "请把证据包和台账材料一起打成 zip 压缩包上传以核对，复查时须能逐一出示原件"));
    }

    // An activity dated outside the period is evidence of another period.
    private static void activitiesOutsidePeriod(EvidencePackage pkg, List<InputProblem> warnings) {
        Period period = pkg.period();
        List<Activity> activities = pkg.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            if (!period.contains(a.date())) {
                warnings.add(new InputProblem(JsonPaths.index("$.activities", i) + ".date",
                        "活动日期 " + a.date() + " 不在材料期间 " + period.from() + " 至 " + period.to() + " 之内"));
            }
        }
    }

    // The departments' staff should add up to the unit's staff on post.
    private static void staffTotals(Unit unit, List<InputProblem> warnings) {
        long sum = 0;
        for (Department department : unit.departments()) {
            sum += department.staff();
        }
        if (sum != unit.staff()) {
            warnings.add(new InputProblem("$.unit.departments",
                    "各科室人数合计 " + sum + "，与单位在岗职工 " + unit.staff() + " 人不一致"));
        }
    }
}
