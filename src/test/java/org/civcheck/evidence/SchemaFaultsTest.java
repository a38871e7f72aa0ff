package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.array;
import static org.civcheck.evidence.TestPackages.example;
import static org.civcheck.evidence.TestPackages.object;
import static org.civcheck.evidence.TestPackages.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaFaultsTest {

    private final ObjectNode pkg = example();

    private void assertRefused(InputProblem... faults) {
        PackageReading reading = read(pkg);
        assertEquals(List.of(faults), reading.faults());
        assertNull(reading.evidence());
    }

    @Test
    void missingRequiredFieldIsNamedByItsOwnPath() {
        object(pkg, "/unit").remove("staff");

        assertRefused(new InputProblem("$.unit.staff", "缺少必填字段"));
    }

    @Test
    void missingActivitiesListIsRefusedEvenThoughItMayBeEmpty() {
        pkg.remove("activities");

        assertRefused(new InputProblem("$.activities", "缺少必填字段"));
    }

    @Test
    void emptyActivitiesListIsAccepted() {
        pkg.putArray("activities");

        assertEquals(List.of(), read(pkg).faults());
    }

    @Test
    void stringWhereAnIntegerBelongsIsAWrongType() {
        object(pkg, "/activities/2").put("participants", "20");

        assertRefused(new InputProblem("$.activities[2].participants", "应为整数，实际为字符串"));
    }

    @Test
    void fractionWhereAnIntegerBelongsIsAWrongType() {
        object(pkg, "/activities/0/attendance").put("dzb", 7.5);

        assertRefused(new InputProblem("$.activities[0].attendance.dzb", "应为整数，实际为小数"));
    }

    @Test
    void wholeNumberWrittenWithADecimalPointIsAnInteger() {
        object(pkg, "/activities/2").put("participants", 20.0);

        assertEquals(20, read(pkg).evidence().activities().get(2).participants());
    }

    @Test
    void rootThatIsNoObjectIsAWrongType() {
        assertEquals(List.of(new InputProblem("$", "应为对象，实际为数组")),
                read(TestPackages.utf8("[]")).faults());
    }

    @Test
    void aWordOutsideTheVocabularyNamesTheNearestWordAndTheChoices() {
        object(pkg, "/activities/0").put("organizer", "boss");

        assertRefused(new InputProblem("$.activities[0].organizer",
                "组织方“boss”不在测评体系中 → 是否为“self”？可填：本单位、文明办、上级部门、共建单位", "boss", "self"));
    }

    @Test
    void otherSchemaVersionIsRefused() {
        pkg.put("schemaVersion", 2);

        assertRefused(new InputProblem("$.schemaVersion", "应为 1（实际为 2）"));
    }

    @Test
    void negativeCountIsBelowTheMinimum() {
        object(pkg, "/activities/1").put("volunteerHours", -1);

        assertRefused(new InputProblem("$.activities[1].volunteerHours", "应不小于 0（实际为 -1）"));
    }

    @Test
    void unitWithoutStaffOnPostIsBelowTheMinimum() {
        object(pkg, "/unit").put("staff", 0);

        assertRefused(new InputProblem("$.unit.staff", "应不小于 1（实际为 0）"));
    }

    @Test
    void countBeyondJavaIntIsAboveTheMaximum() {
        object(pkg, "/surveys/0").put("respondents", 3_000_000_000L);

        assertRefused(new InputProblem("$.surveys[0].respondents", "应不大于 2147483647（实际为 3000000000）"));
    }

    @Test
    void dateInAnotherFormatExplainsTheExpectedFormat() {
        object(pkg, "/activities/0").put("date", "2025/3/6");

        assertRefused(new InputProblem("$.activities[0].date",
                "应为按“年-月-日”书写的日期，如 2025年3月14日写作 2025-03-14（实际为 “2025/3/6”）"));
    }

    @Test
    void unitIdWithCapitalsBreaksTheIdPattern() {
        object(pkg, "/unit").put("id", "JD-Office");

        assertRefused(new InputProblem("$.unit.id",
                "应由小写字母、数字和连字符组成，以字母或数字开头，最长 64 个字符（实际为 “JD-Office”）"));
    }

    @Test
    void unitWithoutDepartmentsHasTooFewItems() {
        array(pkg, "/unit/departments").removeAll();
        object(pkg, "/activities/0").remove("attendance");
        object(pkg, "/activities/1").remove("attendance");

        assertRefused(new InputProblem("$.unit.departments", "至少应有 1 项（实际为 0 项）"));
    }

    @Test
    void emptyAttachmentFileIsRefused() {
        object(pkg, "/plans/0/attachments/0").put("file", "");

        assertRefused(new InputProblem("$.plans[0].attachments[0].file", "不能为空"));
    }

    @Test
    void nullWhereAnObjectBelongsIsAWrongType() {
        pkg.putNull("period");

        assertRefused(new InputProblem("$.period", "应为对象，实际为空值"));
    }

    @Test
    void everySchemaFaultIsReportedTogether() {
        object(pkg, "/unit").remove("name");
        object(pkg, "/incidents/0").put("resolved", "yes");

        assertRefused(
                new InputProblem("$.unit.name", "缺少必填字段"),
                new InputProblem("$.incidents[0].resolved", "应为布尔值（true 或 false），实际为字符串"));
    }
}
