package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.array;
import static org.civcheck.evidence.TestPackages.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packages of many activities: read whole, and their faults and warnings still named exactly. */
class BigPackageTest {

    private static final int ACTIVITIES = 20_000;

    private static ObjectNode big() {
        ObjectNode pkg = example();
        ArrayNode activities = array(pkg, "/activities");
        ObjectNode model = (ObjectNode) activities.get(0);
        activities.removeAll();
        for (int i = 0; i < ACTIVITIES; i++) {
            activities.add(model.deepCopy().put("id", String.format("a-%06d", i)));
        }
        return pkg;
    }

    @Test
    void defaultLimitsLeaveRoomForOneHundredThousandActivities() {
        assertEquals(100L * 1024 * 1024, ReadLimits.defaults().maxPackageBytes());
    }

    @Test
    void manyActivitiesAreReadWhole() {
        PackageReading reading = TestPackages.read(big());

        assertTrue(reading.isAccepted(), reading.faults().toString());
        assertEquals(List.of(), TestPackages.otherWarnings(reading));
        assertEquals(ACTIVITIES, reading.evidence().activities().size());
        assertEquals("a-019999", reading.evidence().activities().get(ACTIVITIES - 1).id());
    }

    @Test
    void faultsAndWarningsDeepInAManyActivityPackageNameTheirPaths() {
        ObjectNode pkg = big();
        TestPackages.object(pkg, "/activities/12345/attachments/1").put("date", "2025-02-29");
        TestPackages.object(pkg, "/activities/19999").put("id", "a-000007");

        assertEquals(List.of(
                new InputProblem("$.activities[12345].attachments[1].date", "“2025-02-29”不是有效的日历日期"),
                new InputProblem("$.activities[19999].id", "活动编号“a-000007”重复，已用于 $.activities[7]")),
                TestPackages.read(pkg).faults());

        TestPackages.object(pkg, "/activities/12345/attachments/1").put("date", "2025-03-06");
        TestPackages.object(pkg, "/activities/19999").put("id", "a-019999").put("note", "x");
        TestPackages.object(pkg, "/activities/15000").put("date", "2026-01-01");

        assertEquals(List.of(
                new InputProblem("$.activities[19999].note", "未知字段，已忽略"),
                new InputProblem("$.activities[15000].date", "活动日期 2026-01-01 不在材料期间 2025-01-01 至 2025-12-31 之内")),
                TestPackages.otherWarnings(TestPackages.read(pkg)));
    }
}
