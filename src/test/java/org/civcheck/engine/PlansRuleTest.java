package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.intParam;
import static org.civcheck.engine.Fixtures.param;
import static org.civcheck.engine.Fixtures.stepped;
import static org.civcheck.engine.Fixtures.textParam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Check kinds "document" (年度创建计划 by its deadline on annual-plan; 长效制度 counted on
 * long-term-systems) and "coordinator" (专人负责创建工作).
 */
class PlansRuleTest {

    private static final String PLAN = "annual-plan";
    private static final String SYSTEMS = "long-term-systems";
    private static final String COORDINATOR = "coordinator";

    private final String planKind = textParam(PLAN, "documentKind");
    private final MonthDay deadline = MonthDay.parse("--" + textParam(PLAN, "deadline"));
    private final String deadlineText = deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日";
    private final LocalDate due2025 = deadline.atYear(2025);
    private final int leadDays = intParam(PLAN, "leadDays");
    private final String systemKind = textParam(SYSTEMS, "documentKind");
    private final int minSystems = intParam(SYSTEMS, "min");

    // --- the annual plan and its deadline -------------------------------------------------

    @Test
    void aPlanIssuedOnTheDeadlineIsMet() {
        Assessment a = assess(PackageBuilder.unit().plan("plan-2025", planKind, due2025.toString()));
        Assessment.IndicatorScore s = indicator(a, PLAN);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("年度创建计划均在" + deadlineText + "前制定"), s.findings());
        assertEquals(List.of("plan-2025"), s.evidence());
        assertTrue(gapsOf(a, PLAN).isEmpty());
    }

    @Test
    void aPlanIssuedTheDayAfterTheDeadlineIsABlockingMechanismGapGivingItsDate() {
        LocalDate late = due2025.plusDays(1);
        Assessment a = assess(PackageBuilder.unit().plan("plan-2025", planKind, late.toString()));
        Assessment.IndicatorScore s = indicator(a, PLAN);
        assertEquals("unmet", s.status());
        assertEquals(0.0, s.score());
        Assessment.Gap gap = gapOf(a, PLAN);
        assertEquals("mechanism", gap.problem());
        assertTrue(gap.blocking());
        assertEquals("2025年年度创建计划于" + late.getYear() + "年" + late.getMonthValue() + "月" + late.getDayOfMonth() + "日才印发，晚于" + deadlineText + "，缺乏统筹安排和提前谋划", gap.message());
        assertEquals(List.of("plan-2025"), gap.evidence());
        assertEquals(s.max(), gap.pointsAtStake());
    }

    @Test
    void noPlanIsUnmetAndSaysNoneWasSeen() {
        Assessment a = assess(PackageBuilder.unit().plan("sys-1", systemKind, "2025-01-05"));
        assertEquals("unmet", indicator(a, PLAN).status());
        assertEquals("未见2025年年度创建计划，缺乏统筹安排和提前谋划", gapOf(a, PLAN).message());
    }

    @Test
    void aPlanIssuedInThePreviousDecemberWithinTheLeadDaysCounts() {
        LocalDate december = LocalDate.of(2025, 1, 1).minusDays(Math.min(leadDays, 20));
        Assessment a = assess(PackageBuilder.unit().plan("plan-2025", planKind, december.toString()));
        assertEquals("met", indicator(a, PLAN).status());
    }

    @Test
    void aPlanIssuedExactlyLeadDaysBeforeTheYearCounts() {
        LocalDate earliest = LocalDate.of(2025, 1, 1).minusDays(leadDays);
        assertEquals("met", indicator(assess(PackageBuilder.unit().plan("plan-2025", planKind, earliest.toString())), PLAN).status());
    }

    @Test
    void aPlanIssuedOneDayBeforeTheLeadDaysDoesNotCount() {
        LocalDate tooEarly = LocalDate.of(2025, 1, 1).minusDays(leadDays + 1);
        Assessment a = assess(PackageBuilder.unit().plan("plan-old", planKind, tooEarly.toString()));
        assertEquals("unmet", indicator(a, PLAN).status());
        assertEquals("未见2025年年度创建计划，缺乏统筹安排和提前谋划", gapOf(a, PLAN).message());
    }

    @Test
    void aTwoYearPeriodWithOneTimelyPlanIsPartialAndNamesTheYearWithout() {
        PackageBuilder p = PackageBuilder.unit().period("2024-01-01", "2025-12-31").plan("plan-2025", planKind, due2025.toString());
        Assessment a = assess(p);
        Assessment.IndicatorScore s = indicator(a, PLAN);
        assertEquals("partial", s.status());
        assertEquals(stepped(PLAN, 0.5), s.score());
        assertEquals("未见2024年年度创建计划，缺乏统筹安排和提前谋划", gapOf(a, PLAN).message());
    }

    @Test
    void aDecemberPlanForTheNextYearIsNotReportedAsALatePlanForItsOwnYear() {
        LocalDate december = LocalDate.of(2025, 1, 1).minusDays(Math.min(leadDays, 20));
        PackageBuilder p = PackageBuilder.unit().period("2024-01-01", "2025-12-31").plan("plan-2025", planKind, december.toString());
        Assessment a = assess(p);
        assertEquals("partial", indicator(a, PLAN).status());
        assertEquals("未见2024年年度创建计划，缺乏统筹安排和提前谋划", gapOf(a, PLAN).message());
    }

    // --- long-term systems, counted --------------------------------------------------------

    @Test
    void systemsAtTheMinimumAreMetNamingThem() {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 1; i <= minSystems; i++) {
            p.plan("sys-" + i, systemKind, LocalDate.of(2025, 1, i).toString());
        }
        Assessment a = assess(p);
        Assessment.IndicatorScore s = indicator(a, SYSTEMS);
        assertEquals("met", s.status());
        assertEquals(List.of("已制定长效制度" + minSystems + "份，达到要求（≥" + minSystems + "份）"), s.findings());
        assertEquals(minSystems, s.evidence().size());
    }

    @Test
    void oneSystemFewerIsPartialAndAMechanismGap() {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 1; i < minSystems; i++) {
            p.plan("sys-" + i, systemKind, LocalDate.of(2025, 1, i).toString());
        }
        Assessment a = assess(p);
        Assessment.IndicatorScore s = indicator(a, SYSTEMS);
        assertEquals(stepped(SYSTEMS, (minSystems - 1.0) / minSystems), s.score());
        Assessment.Gap gap = gapOf(a, SYSTEMS);
        assertEquals("mechanism", gap.problem());
        assertEquals("长效制度仅" + (minSystems - 1) + "份，要求≥" + minSystems + "份", gap.message());
    }

    @Test
    void noSystemIsUnmet() {
        Assessment a = assess(PackageBuilder.unit().plan("plan-2025", planKind, due2025.toString()));
        assertEquals("unmet", indicator(a, SYSTEMS).status());
        assertEquals("未制定长效制度，要求≥" + minSystems + "份", gapOf(a, SYSTEMS).message());
    }

    // --- the coordinator ------------------------------------------------------------------

    @Test
    void aDedicatedCoordinatorIsMet() {
        Assessment a = assess(PackageBuilder.unit().coordinator("张三", true));
        Assessment.IndicatorScore s = indicator(a, COORDINATOR);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("创建工作由张三专职负责"), s.findings());
        assertTrue(gapsOf(a, COORDINATOR).isEmpty());
    }

    @Test
    void aPartTimeCoordinatorEarnsThePartTimeShareAndIsAParticipationGap() {
        Assessment a = assess(PackageBuilder.unit().coordinator("李四", false));
        Assessment.IndicatorScore s = indicator(a, COORDINATOR);
        assertEquals("partial", s.status());
        assertEquals(stepped(COORDINATOR, param(COORDINATOR, "partTimeShare")), s.score());
        Assessment.Gap gap = gapOf(a, COORDINATOR);
        assertEquals("participation", gap.problem());
        assertEquals("创建联络员李四为兼职，同时承担业务工作，难以专心开展创建", gap.message());
        assertEquals(Fixtures.indicator(COORDINATOR).remedy(), gap.remedy());
    }

    @Test
    void noCoordinatorIsUnmet() {
        Assessment a = assess(PackageBuilder.unit().coordinator(null, false));
        assertEquals("unmet", indicator(a, COORDINATOR).status());
        assertEquals(0.0, indicator(a, COORDINATOR).score());
        assertEquals("未明确创建工作联络员（负责人）", gapOf(a, COORDINATOR).message());
    }
}
