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

class SemanticFaultsTest {

    private final ObjectNode pkg = example();

    private void assertRefused(InputProblem... faults) {
        assertRefused(read(pkg), faults);
    }

    private static void assertRefused(PackageReading reading, InputProblem... faults) {
        assertEquals(List.of(faults), reading.faults());
        assertNull(reading.evidence());
    }

    @Test
    void dayThatIsNotInTheCalendarIsRefused() {
        object(pkg, "/activities/1").put("date", "2025-02-30");

        assertRefused(new InputProblem("$.activities[1].date", "“2025-02-30”不是有效的日历日期"));
    }

    @Test
    void impossibleDatesAreFoundWhereverADateIs() {
        object(pkg, "/period").put("from", "2025-00-01");
        object(pkg, "/plans/0/attachments/0").put("date", "2025-04-31");
        object(pkg, "/surveys/0").put("date", "2025-13-01");

        assertRefused(
                new InputProblem("$.period.from", "“2025-00-01”不是有效的日历日期"),
                new InputProblem("$.plans[0].attachments[0].date", "“2025-04-31”不是有效的日历日期"),
                new InputProblem("$.surveys[0].date", "“2025-13-01”不是有效的日历日期"));
    }

    @Test
    void leapDayOfALeapYearIsAccepted() {
        object(pkg, "/period").put("from", "2024-01-01");
        object(pkg, "/activities/0").put("date", "2024-02-29");

        assertEquals(List.of(), read(pkg).faults());
    }

    @Test
    void periodEndingBeforeItStartsIsRefused() {
        object(pkg, "/period").put("to", "2024-12-31");

        assertRefused(new InputProblem("$.period.to", "结束日期 2024-12-31 早于开始日期 2025-01-01"));
    }

    @Test
    void periodLongerThanThreeYearsIsRefused() {
        object(pkg, "/period").put("from", "2022-01-01").put("to", "2025-01-02");

        assertRefused(new InputProblem("$.period.to", "期间 2022-01-01 至 2025-01-02 超过 3 年（一个复查周期）"));
    }

    @Test
    void periodOfExactlyThreeYearsIsAccepted() {
        object(pkg, "/period").put("from", "2022-12-31").put("to", "2025-12-31");

        assertEquals(List.of(), read(pkg).faults());
    }

    @Test
    void activityEndingBeforeItStartsIsRefused() {
        object(pkg, "/activities/0").put("endDate", "2025-03-05");

        assertRefused(new InputProblem("$.activities[0].endDate", "结束日期 2025-03-05 早于活动日期 2025-03-06"));
    }

    @Test
    void duplicateActivityIdIsRefusedAtTheSecondUse() {
        object(pkg, "/activities/3").put("id", "a-001");

        assertRefused(new InputProblem("$.activities[3].id", "活动编号“a-001”重复，已用于 $.activities[0]"));
    }

    @Test
    void duplicatePlanIncidentAndDepartmentIdsAreRefused() {
        array(pkg, "/plans").add(object(pkg, "/plans/0").deepCopy());
        array(pkg, "/incidents").add(object(pkg, "/incidents/0").deepCopy());
        array(pkg, "/unit/departments").add(object(pkg, "/unit/departments/2").deepCopy().put("staff", 0));

        assertRefused(
                new InputProblem("$.unit.departments[3].id", "科室编号“pab”重复，已用于 $.unit.departments[2]"),
                new InputProblem("$.plans[1].id", "计划文档编号“doc-1”重复，已用于 $.plans[0]"),
                new InputProblem("$.incidents[1].id", "事件编号“inc-1”重复，已用于 $.incidents[0]"));
    }

    @Test
    void attendanceOfAnUnknownDepartmentIsRefused() {
        object(pkg, "/activities/1/attendance").put("xcb", 2);

        assertRefused(new InputProblem("$.activities[1].attendance.xcb",
                "“xcb”不是任何科室的编号（科室编号有：dzb、sqb、pab）"));
    }

    @Test
    void attachmentPathWithParentSegmentIsRefused() {
        object(pkg, "/activities/0/attachments/1").put("file", "../x.pdf");

        assertRefused(new InputProblem("$.activities[0].attachments[1].file",
                "文件路径“../x.pdf”不能含“..”段（不得指向材料包以外）"));
    }

    @Test
    void absoluteBackslashAndDriveLetterAttachmentPathsAreRefused() {
        object(pkg, "/activities/0/attachments/0").put("file", "/etc/passwd");
        object(pkg, "/activities/0/attachments/1").put("file", "study\\0306.jpg");
        object(pkg, "/activities/1/attachments/0").put("file", "C:/photos/0305.jpg");
        object(pkg, "/plans/0/attachments/0").put("file", "plans/../../secret.pdf");

        assertRefused(
                new InputProblem("$.plans[0].attachments[0].file", "文件路径“plans/../../secret.pdf”不能含“..”段（不得指向材料包以外）"),
                new InputProblem("$.activities[0].attachments[0].file", "文件路径“/etc/passwd”不能以 / 开头，应为材料包内的相对路径"),
                new InputProblem("$.activities[0].attachments[1].file", "文件路径“study\\0306.jpg”不能含反斜杠 \\，目录之间请用 /"),
                new InputProblem("$.activities[1].attachments[0].file", "文件路径“C:/photos/0305.jpg”不能带盘符，应为材料包内的相对路径"));
    }

    @Test
    void moreSatisfiedThanRespondentsIsRefused() {
        object(pkg, "/surveys/0").put("satisfied", 151);

        assertRefused(new InputProblem("$.surveys[0].satisfied", "满意人数 151 多于参与测评人数 150"));
    }

    @Test
    void moreActivitiesThanTheLimitAreRefused() {
        ReadLimits fewActivities = new ReadLimits(1 << 20, 10, 1 << 20, 100, 3, 64, 1000);

        PackageReading reading = new EvidencePackageReader(fewActivities).read(TestPackages.bytes(pkg), "p.json");

        assertRefused(reading, new InputProblem("$.activities", "活动共 4 条，超过上限 3 条"));
    }

    @Test
    void faultsBeyondOneHundredAreCounted() {
        for (int i = 0; i < 150; i++) {
            array(pkg, "/activities").add(object(pkg, "/activities/3").deepCopy().put("date", "2025-02-30"));
        }

        List<InputProblem> faults = read(pkg).faults();

        assertEquals(101, faults.size());
        assertEquals(new InputProblem("$.activities[4].date", "“2025-02-30”不是有效的日历日期"), faults.get(0));
        assertEquals(new InputProblem("$", "另有 200 处问题未列出"), faults.get(100));
    }
}
