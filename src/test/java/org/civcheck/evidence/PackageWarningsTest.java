package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.civcheck.evidence.TestPackages.object;
import static org.civcheck.evidence.TestPackages.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageWarningsTest {

    private final ObjectNode pkg = example();

    private PackageReading accepted() {
        PackageReading reading = read(pkg);
        assertEquals(List.of(), reading.faults());
        return reading;
    }

    @Test
    void unknownFieldsAnywhereAreWarnedAboutAndIgnored() {
        pkg.put("generator", "excel-macro");
        object(pkg, "/unit").put("备注", "试点单位");
        object(pkg, "/activities/2").putObject("location").put("room", "3楼");
        object(pkg, "/plans/0/attachments/0").put("pages", 12);
        object(pkg, "/volunteers").put("active", 9);

        assertEquals(List.of(
                new InputProblem("$.unit.备注", "未知字段，已忽略"),
                new InputProblem("$.plans[0].attachments[0].pages", "未知字段，已忽略"),
                new InputProblem("$.activities[2].location", "未知字段，已忽略"),
                new InputProblem("$.volunteers.active", "未知字段，已忽略"),
                new InputProblem("$.generator", "未知字段，已忽略")), TestPackages.otherWarnings(accepted()));
    }

    @Test
    void unknownFieldWithAnOddNameGetsABracketedPath() {
        pkg.put("my field's", 1);

        assertEquals(List.of(new InputProblem("$['my field\\'s']", "未知字段，已忽略")), TestPackages.otherWarnings(accepted()));
    }

    @Test
    void unknownFieldsNamedLikeRecordComponentsDoNotReachTheRecords() {
        pkg.put("registeredVolunteers", 99);
        object(pkg, "/activities/3/attachments/0").put("present", false);

        EvidencePackage evidence = accepted().evidence();

        assertEquals(15, evidence.registeredVolunteers());
        assertTrue(evidence.activities().get(3).attachments().get(0).present());
    }

    @Test
    void activityDatedOutsideThePeriodIsAWarning() {
        object(pkg, "/activities/1").put("date", "2024-12-30");

        PackageReading reading = accepted();

        assertEquals(List.of(new InputProblem("$.activities[1].date",
                "活动日期 2024-12-30 不在材料期间 2025-01-01 至 2025-12-31 之内")), TestPackages.otherWarnings(reading));
        assertEquals(4, reading.evidence().activities().size());
    }

    @Test
    void departmentStaffNotAddingUpToUnitStaffIsAWarning() {
        object(pkg, "/unit/departments/2").put("staff", 6);

        assertEquals(List.of(new InputProblem("$.unit.departments",
                "各科室人数合计 23，与单位在岗职工 24 人不一致")), TestPackages.otherWarnings(accepted()));
    }

    @Test
    void warningsBeyondOneHundredAreCounted() {
        for (int i = 0; i < 120; i++) {
            pkg.put("extra" + i, i);
        }

        List<InputProblem> warnings = accepted().warnings();

        assertEquals(101, warnings.size());
        assertEquals(new InputProblem("$", "另有 21 处问题未列出"), warnings.get(100));
        assertTrue(warnings.get(0).message().startsWith("这是单独的 JSON 证据包"), "the whole-package warning first");
    }

    @Test
    void aPlainJsonPackageSaysItsAttachmentsWereNotVerified() {
        assertEquals(List.of(new InputProblem("$.activities", "这是单独的 JSON 证据包，列出的5份台账材料没有随包提交，"
                + "均按已具备计算，缺漏查不出来；请把证据包和台账材料一起打成 zip 压缩包上传以核对，复查时须能逐一出示原件")),
                accepted().warnings());
    }

    @Test
    void aPackageWithoutAttachmentsHasNothingToVerify() {
        for (JsonNode activity : pkg.path("activities")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) activity).remove("attachments");
        }
        assertEquals(List.of(), accepted().warnings());
    }
}
