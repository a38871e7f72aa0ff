package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.intParam;
import static org.civcheck.engine.Fixtures.textParam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks made on a day before the period's end: one met/behind pair per way a requirement scales
 * (prorated by the time passed, a fixed deadline, the period's end), an indicator's own override of
 * its kind's, records after the day ignored, the default day, and the to-do list's words.
 */
class ProgressCheckTest {

    private static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);

    private static Assessment asOf(PackageBuilder pkg, LocalDate day) {
        return Fixtures.assessor().assessAsOf(pkg.build(), List.of(), false, day);
    }

    private static Progress.IndicatorProgress pace(Assessment a, String indicator) {
        return a.progress().indicators().stream().filter(i -> i.indicator().equals(indicator)).findFirst()
                .orElseThrow(() -> new AssertionError("no progress of " + indicator));
    }

    private static List<String> todo(Assessment a, String indicator) {
        return a.progress().todo().stream().filter(t -> t.indicator().equals(indicator)).map(Progress.Todo::text)
                .toList();
    }

    // --- prorated: a count held to the share of the year passed --------------------------------

    @Test
    void halfTheYearsTheoryStudyByTheEndOfJuneIsOnPace() {
        int perYear = intParam("theory-study", "min");
        PackageBuilder pkg = PackageBuilder.unit();
        for (int i = 0; i < perYear / 2; i++) {
            pkg.activity("theory-study", String.format("2025-%02d-%02d", i % 6 + 1, 5 + i / 6));
        }
        Progress.IndicatorProgress p = pace(asOf(pkg, JUNE_30), "theory-study");
        assertEquals("prorated", p.due());
        assertEquals("按时间进度", p.dueName());
        assertEquals(Progress.ON_TRACK, p.status());
        assertEquals("按进度", p.statusName());
        assertEquals(perYear / 2.0, p.required());
        assertEquals(perYear / 2.0, p.done());
        assertTrue(p.finding().contains("达到要求"), p.finding());
    }

    @Test
    void twoStudiesByTheEndOfJuneAreBehindWithTheShortfallDueInJuly() {
        int perYear = intParam("theory-study", "min");
        Assessment a = asOf(PackageBuilder.unit().activity("theory-study", "2025-03-10")
                .activity("theory-study", "2025-06-10"), JUNE_30);
        Progress.IndicatorProgress p = pace(a, "theory-study");
        assertEquals(Progress.BEHIND, p.status());
        assertEquals("滞后", p.statusName());
        assertEquals(perYear / 2.0, p.required());
        assertEquals(2.0, p.done());
        assertEquals(4.0, p.projected(), 0.1);
        int julyDue = (int) Math.ceil(perYear * 7 / 12.0);
        assertEquals("7月还需开展理论学习" + (julyDue - 2) + "次", todo(a, "theory-study").get(0));
        assertTrue(todo(a, "theory-study").contains("12月31日前还需开展理论学习" + (perYear - 2) + "次"),
                () -> todo(a, "theory-study").toString());
    }

    // --- deadline: due on its day, not before -------------------------------------------------

    @Test
    void noPlanBeforeItsDeadlineIsNotYetDueWithTheDeadlineAsItsToDo() {
        MonthDay deadline = MonthDay.parse("--" + textParam("annual-plan", "deadline"));
        LocalDate before = deadline.atYear(2025).minusDays(30);
        Assessment a = asOf(PackageBuilder.unit().activity("theory-study", before.toString()), before);
        Progress.IndicatorProgress p = pace(a, "annual-plan");
        assertEquals("deadline", p.due());
        assertEquals(deadline.atYear(2025), p.dueDate());
        assertEquals(Progress.NOT_YET_DUE, p.status());
        assertEquals("未到期", p.statusName());
        assertEquals(List.of(deadline.getMonthValue() + "月" + deadline.getDayOfMonth() + "日前印发年度创建计划"),
                todo(a, "annual-plan"));
    }

    @Test
    void noPlanAfterItsDeadlineIsBehindAndAPlanInTimeIsOnTrack() {
        String kind = textParam("annual-plan", "documentKind");
        Progress.IndicatorProgress missing = pace(asOf(PackageBuilder.unit(), JUNE_30), "annual-plan");
        assertEquals(Progress.BEHIND, missing.status());
        assertEquals("滞后", missing.statusName());
        Progress.IndicatorProgress issued = pace(asOf(PackageBuilder.unit().plan("p", kind, "2025-02-10"), JUNE_30),
                "annual-plan");
        assertEquals(Progress.ON_TRACK, issued.status());
        assertEquals("按进度", issued.statusName());
    }

    // --- end of period: not due until the period ends ------------------------------------------

    @Test
    void noSurveyInJuneIsNotYetDueAndASurveyAlreadyDoneIsOnTrack() {
        Assessment none = asOf(PackageBuilder.unit(), JUNE_30);
        Progress.IndicatorProgress p = pace(none, "public-satisfaction");
        assertEquals("end-of-period", p.due());
        assertEquals("期末完成", p.dueName());
        assertEquals(Progress.NOT_YET_DUE, p.status());
        assertEquals("应于2025年12月31日前完成，目前尚未完成", p.finding());
        assertTrue(todo(none, "public-satisfaction").get(0).matches("12月31日前开展.*满意度测评"),
                () -> todo(none, "public-satisfaction").toString());
        Assessment done = asOf(PackageBuilder.unit().survey("public", 100, 99, "2025-06-01"), JUNE_30);
        assertEquals(Progress.ON_TRACK, pace(done, "public-satisfaction").status());
        assertTrue(todo(done, "public-satisfaction").isEmpty());
    }

    @Test
    void anIndicatorsOwnDueOverridesItsKinds() {
        // civility-selection is an activity count (prorated) that the criteria hold to the year's end.
        assertEquals("end-of-period", Fixtures.indicator("civility-selection").due());
        Progress.IndicatorProgress p = pace(asOf(PackageBuilder.unit(), JUNE_30), "civility-selection");
        assertEquals("end-of-period", p.due());
        assertEquals(Progress.NOT_YET_DUE, p.status());
    }

    // --- the day, and what it leaves out --------------------------------------------------------

    @Test
    void recordsAfterTheDayAreLeftOutAndCounted() {
        Assessment a = asOf(PackageBuilder.unit().activity("theory-study", "2025-03-10")
                .activity("theory-study", "2025-08-10").activity("theory-study", "2025-09-10"), JUNE_30);
        assertEquals(JUNE_30, a.asOf());
        assertEquals(2, a.progress().ignored());
        assertTrue(Fixtures.indicator(a, "theory-study").findings().get(0).contains("仅1次"),
                () -> Fixtures.indicator(a, "theory-study").findings().toString());
    }

    @Test
    void withoutADayALedgerStoppingInMayIsCheckedAsOfItsLastRecord() {
        Assessment a = asOf(PackageBuilder.unit().activity("theory-study", "2025-05-10"), null);
        assertEquals(LocalDate.of(2025, 5, 10), a.asOf());
        assertTrue(a.progress().asOfNote().contains("按台账中最后一条记录的日期（2025年5月10日）"), a.progress().asOfNote());
        Assessment whole = asOf(PackageBuilder.unit().activity("theory-study", "2025-12-20"), null);
        assertNull(whole.asOf());
        assertNull(whole.progress());
    }

    @Test
    void aDayBeforeThePeriodIsRefusedInChinese() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> asOf(PackageBuilder.unit(), LocalDate.of(2024, 12, 31)));
        assertEquals("检查日期2024年12月31日早于评估期的开始日2025年1月1日，请填写评估期内的日期", e.getMessage());
    }
}
