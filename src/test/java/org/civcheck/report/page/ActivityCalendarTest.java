package org.civcheck.report.page;

import static org.civcheck.report.page.PageFixtures.activity;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.civcheck.evidence.EvidencePackage;
import org.junit.jupiter.api.Test;

class ActivityCalendarTest {

    private static final LocalDate INSPECTION = LocalDate.of(2026, 1, 10);

    /** Three theory studies, four volunteer services (three in December), a festival, an unknown type, one out of period. */
    private static EvidencePackage year() {
        return PageFixtures.evidence(INSPECTION, List.of(
                activity("t1", "theory-study", LocalDate.of(2025, 1, 5)),
                activity("t2", "theory-study", LocalDate.of(2025, 1, 20)),
                activity("t3", "theory-study", LocalDate.of(2025, 3, 3)),
                activity("v1", "volunteer-service", LocalDate.of(2025, 1, 10)),
                activity("v2", "volunteer-service", LocalDate.of(2025, 12, 15)),
                activity("v3", "volunteer-service", LocalDate.of(2025, 12, 20)),
                activity("v4", "volunteer-service", LocalDate.of(2025, 12, 28)),
                activity("f1", "festival", LocalDate.of(2025, 6, 1)),
                activity("m1", "mystery", LocalDate.of(2025, 2, 2)),
                activity("old", "festival", LocalDate.of(2024, 12, 30))));
    }

    private static ActivityCalendar calendar() {
        return ActivityCalendar.of(year(), Vocabulary.of(PageFixtures.criteria()));
    }

    private static int[] counts(ActivityCalendar.Row row) {
        return row.cells().stream().mapToInt(ActivityCalendar.Cell::count).toArray();
    }

    private static int[] levels(ActivityCalendar.Row row) {
        return row.cells().stream().mapToInt(ActivityCalendar.Cell::level).toArray();
    }

    @Test
    void countsEachTypeByTheMonthItStarts() {
        ActivityCalendar c = calendar();

        assertEquals(12, c.months().size());
        ActivityCalendar.Group creation = c.groups().get(0);
        assertEquals("volunteer-service", creation.rows().get(0).id());
        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3}, counts(creation.rows().get(0)));
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, counts(creation.rows().get(1)));
        ActivityCalendar.Group routine = c.groups().get(1);
        assertArrayEquals(new int[] {2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, counts(routine.rows().get(0)));
    }

    @Test
    void subtotalsPerClassAndTheTotalAddUpTheCells() {
        ActivityCalendar c = calendar();

        assertArrayEquals(new int[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 3}, counts(c.groups().get(0).subtotal()));
        assertEquals(5, c.groups().get(0).subtotal().total());
        assertEquals("创建活动合计", c.groups().get(0).subtotal().name());
        assertArrayEquals(new int[] {3, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 3}, counts(c.total()));
        assertEquals(9, c.total().total());
        assertEquals(1, c.outsidePeriod());
    }

    @Test
    void theWatchedClassComesFirstAndUnknownTypesLast() {
        ActivityCalendar c = calendar();

        assertEquals(List.of("creation", "routine", ""), c.groups().stream().map(ActivityCalendar.Group::id).toList());
        assertEquals("未列入测评体系的类型", c.groups().get(2).name());
        assertEquals("mystery", c.groups().get(2).rows().get(0).name());
        assertEquals("志愿服务", c.groups().get(0).rows().get(0).name());
    }

    @Test
    void shadingIsAQuarterStepOfTheLargestCell() {
        ActivityCalendar c = calendar();

        // The largest type cell is 3: 1 → ceil(4/3) = 2, 2 → ceil(8/3) = 3, 3 → 4.
        assertArrayEquals(new int[] {2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4}, levels(c.groups().get(0).rows().get(0)));
        assertArrayEquals(new int[] {3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0}, levels(c.groups().get(1).rows().get(0)));
        assertEquals(0, ActivityCalendar.level(0, 3));
        assertEquals(1, ActivityCalendar.level(1, 12));
        assertEquals(4, ActivityCalendar.level(12, 12));
    }

    @Test
    void monthsWithoutWatchedActivityAreQuietEvenWithOtherWork() {
        ActivityCalendar c = calendar();

        List<Boolean> quiet = c.months().stream().map(ActivityCalendar.Month::quiet).toList();
        assertEquals(List.of(false, true, true, true, true, false, true, true, true, true, true, false), quiet);
        assertTrue(c.watchKnown());
    }

    @Test
    void withoutCriteriaOnlyMonthsWithNoActivityAtAllAreQuiet() {
        ActivityCalendar c = ActivityCalendar.of(year(), Vocabulary.none());

        List<Boolean> quiet = c.months().stream().map(ActivityCalendar.Month::quiet).toList();
        assertEquals(List.of(false, false, false, true, true, false, true, true, true, true, true, false), quiet);
        assertFalse(c.watchKnown());
        assertNull(c.window());
        assertEquals(1, c.groups().size());
        assertEquals("theory-study", c.groups().get(0).rows().get(2).name()); // ids, sorted
    }

    @Test
    void theInspectionWindowCoversTheSixWeeksUpToTheInspectionDate() {
        ActivityCalendar c = calendar();

        assertEquals(new ActivityCalendar.Window("2025年11月30日", "2026年1月10日", 6), c.window());
        ActivityCalendar.Month november = c.months().get(10);
        assertEquals(96.7, november.windowStartPct()); // from day 30 of 30
        assertEquals(3.3, november.windowWidthPct()); // one day of 30
        ActivityCalendar.Month december = c.months().get(11);
        assertEquals(0.0, december.windowStartPct());
        assertEquals(100.0, december.windowWidthPct());
        assertFalse(c.months().get(9).inWindow());
    }

    @Test
    void aBandInsideOneMonthStartsAtItsFirstDay() {
        double[] band = ActivityCalendar.band(YearMonth.of(2025, 2), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 2, 21));

        assertArrayEquals(new double[] {25.0, 50.0}, band); // days 8–21 of 28
    }

    @Test
    void onlyTheFirstMonthAndJanuariesCarryTheYear() {
        ActivityCalendar c = calendar();

        assertEquals("2025年", c.months().get(0).year());
        assertEquals("1月", c.months().get(0).label());
        assertNull(c.months().get(1).year());
    }

    @Test
    void withoutAPackageTheCalendarSaysItIsUnavailable() {
        ActivityCalendar c = ActivityCalendar.of(null, Vocabulary.of(PageFixtures.criteria()));

        assertFalse(c.available());
        assertTrue(c.months().isEmpty());
    }
}
