package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.listParam;
import static org.civcheck.engine.Fixtures.param;
import static org.civcheck.engine.Fixtures.pct;
import static org.civcheck.engine.Fixtures.stepped;
import static org.civcheck.engine.PackageBuilder.act;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.civcheck.evidence.Department;
import org.junit.jupiter.api.Test;

/**
 * Check kinds "department-participation" (各科室参与创建: each department's average attendance
 * rate) and "staff-participation" (职工参与率: the average activity's share of all staff).
 */
class ParticipationRuleTest {

    private static final String DEPARTMENTS = "department-participation";
    private static final String STAFF = "staff-participation";
    /** Departments of a hundred, so that any whole-percent rate is a whole number of people. */
    private static final int SIZE = 100;

    private final double minDepartmentRate = param(DEPARTMENTS, "minDepartmentRate");
    private final int atMinimum = (int) Math.ceil(minDepartmentRate * SIZE - 1e-9);
    private final double minAverageRate = param(STAFF, "minAverageRate");
    private final String creation = listParam(DEPARTMENTS, "types").get(0);

    // --- department-participation ---------------------------------------------------------

    @Test
    void everyDepartmentAtTheMinimumRateIsMet() {
        Assessment a = assess(hundreds()
                .with(act(creation, "2025-03-10").attendance(attending(atMinimum, atMinimum, atMinimum)))
                .with(act(creation, "2025-06-10").attendance(attending(atMinimum, atMinimum, atMinimum))));
        Assessment.IndicatorScore s = indicator(a, DEPARTMENTS);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("3个科室在2项活动中的平均参与率均达到" + pct(minDepartmentRate) + "以上"), s.findings());
        assertTrue(gapsOf(a, DEPARTMENTS).isEmpty());
    }

    @Test
    void aDepartmentJustBelowTheMinimumRateIsNamedWithItsRate() {
        Assessment a = assess(hundreds()
                .with(act(creation, "2025-03-10").attendance(attending(atMinimum, atMinimum, atMinimum - 1)))
                .with(act(creation, "2025-06-10").attendance(attending(atMinimum, atMinimum, atMinimum - 1))));
        Assessment.IndicatorScore s = indicator(a, DEPARTMENTS);
        assertEquals("partial", s.status());
        assertEquals(stepped(DEPARTMENTS, 2.0 / 3), s.score());
        Assessment.Gap gap = gapOf(a, DEPARTMENTS);
        assertEquals("participation", gap.problem());
        assertEquals("3个科室中1个参与程度不高：后勤科（" + pct((atMinimum - 1.0) / SIZE) + "），平均参与率低于" + pct(minDepartmentRate),
                gap.message());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
    }

    @Test
    void departmentsThatNeverTakePartAreNamedInTheirOrderAtNothing() {
        Assessment a = assess(hundreds().with(act(creation, "2025-03-10").attendance(Map.of("zhk", SIZE))));
        Assessment.IndicatorScore s = indicator(a, DEPARTMENTS);
        assertEquals(stepped(DEPARTMENTS, 1.0 / 3), s.score());
        assertEquals("3个科室中2个参与程度不高：业务科（0%）、后勤科（0%），平均参与率低于" + pct(minDepartmentRate),
                gapOf(a, DEPARTMENTS).message());
    }

    @Test
    void aDepartmentsRateIsItsAverageOverTheActivities() {
        Assessment a = assess(hundreds()
                .with(act(creation, "2025-03-10").attendance(attending(atMinimum, atMinimum, 2 * atMinimum)))
                .with(act(creation, "2025-06-10").attendance(attending(atMinimum, atMinimum, 0))));
        assertEquals("met", indicator(a, DEPARTMENTS).status());
    }

    @Test
    void activitiesRecordingNoAttendanceAreLeftOutOfTheAverage() {
        Assessment a = assess(hundreds()
                .with(act(creation, "2025-03-10").attendance(attending(atMinimum, atMinimum, atMinimum)))
                .with(act(creation, "2025-06-10").participants(3)));
        Assessment.IndicatorScore s = indicator(a, DEPARTMENTS);
        assertEquals("met", s.status());
        assertEquals(List.of("3个科室在1项活动中的平均参与率均达到" + pct(minDepartmentRate) + "以上"), s.findings());
    }

    @Test
    void noAttendanceRecordedByDepartmentIsUnmet() {
        Assessment a = assess(hundreds()
                .with(act(creation, "2025-03-10").participants(SIZE))
                .with(act(creation, "2025-06-10").participants(SIZE)));
        Assessment.IndicatorScore s = indicator(a, DEPARTMENTS);
        assertEquals("unmet", s.status());
        assertEquals(0.0, s.score());
        assertEquals("创建活动均未按科室记录参与人数，无法核实各科室参与情况", gapOf(a, DEPARTMENTS).message());
    }

    // --- staff-participation --------------------------------------------------------------

    @Test
    void anAverageShareAtTheMinimumIsMet() {
        PackageBuilder p = PackageBuilder.unit();
        int people = (int) Math.ceil(minAverageRate * p.staff() - 1e-9);
        p.with(act(creation, "2025-03-10").participants(people)).with(act(creation, "2025-06-10").participants(people));
        Assessment a = assess(p);
        Assessment.IndicatorScore s = indicator(a, STAFF);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("2项创建活动平均每项" + people + "人参加，占职工总数" + p.staff() + "人的" + pct((double) people / p.staff())
                + "，达到要求≥" + pct(minAverageRate)), s.findings());
        assertTrue(gapsOf(a, STAFF).isEmpty());
    }

    @Test
    void anAverageShareOnePersonBelowTheMinimumIsAPartialParticipationGap() {
        PackageBuilder p = PackageBuilder.unit();
        int people = (int) Math.ceil(minAverageRate * p.staff() - 1e-9) - 1;
        p.with(act(creation, "2025-03-10").participants(people)).with(act(creation, "2025-06-10").participants(people));
        Assessment a = assess(p);
        Assessment.IndicatorScore s = indicator(a, STAFF);
        double rate = (double) people / p.staff();
        assertEquals("partial", s.status());
        assertEquals(stepped(STAFF, rate / minAverageRate), s.score());
        Assessment.Gap gap = gapOf(a, STAFF);
        assertEquals("participation", gap.problem());
        assertEquals("2项创建活动平均每项" + people + "人参加，占职工总数" + p.staff() + "人的" + pct(rate) + "，参与面不广，要求≥"
                + pct(minAverageRate), gap.message());
    }

    @Test
    void routineActivitiesDoNotCountForStaffParticipation() {
        Assessment a = assess(PackageBuilder.unit().activity("theory-study", "2025-03-10"));
        assertEquals("unmet", indicator(a, STAFF).status());
        assertEquals("评估期内没有开展创建活动", gapOf(a, STAFF).message());
    }

    /** A unit of three departments of {@link #SIZE} each. */
    private static PackageBuilder hundreds() {
        return PackageBuilder.unit().departments(new Department("zhk", "综合科", SIZE), new Department("ywk", "业务科", SIZE),
                new Department("hqk", "后勤科", SIZE));
    }

    private static Map<String, Integer> attending(int zhk, int ywk, int hqk) {
        return Map.of("zhk", zhk, "ywk", ywk, "hqk", hqk);
    }
}
