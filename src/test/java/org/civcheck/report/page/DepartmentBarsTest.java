package org.civcheck.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessment.DepartmentParticipation;
import org.junit.jupiter.api.Test;

class DepartmentBarsTest {

    private static Assessment withParticipation() {
        Assessment base = PageFixtures.result(70, List.of());
        String rule = "department-participation";
        List<DepartmentParticipation> rates = List.of(
                new DepartmentParticipation("a", "甲科", 10, 0.3337, rule),
                new DepartmentParticipation("b", "乙科", 6, 0.0, rule),
                new DepartmentParticipation("c", "丙科", 8, 0.25, rule),
                new DepartmentParticipation("d", "丁科", 4, 1.2, rule));
        return new Assessment(base.unit(), base.criteria(), base.score(), base.maxScore(), base.passScore(),
                base.verdict(), base.verdictReason(), base.period(), base.inspectionDate(), base.categories(),
                base.indicators(), base.vetoes(), base.gaps(), base.problems(), rates, base.warnings(), null);
    }

    @Test
    void barsRunHighestRateFirstWithTheRateAsWidth() {
        DepartmentBars bars = DepartmentBars.of(withParticipation(), Vocabulary.of(PageFixtures.criteria()));

        assertEquals(List.of("丁科", "甲科", "丙科", "乙科"), bars.bars().stream().map(DepartmentBars.Bar::name).toList());
        assertEquals(List.of(100.0, 33.4, 25.0, 0.0), bars.bars().stream().map(DepartmentBars.Bar::widthPct).toList());
        assertEquals(List.of("120%", "33%", "25%", "0%"), bars.bars().stream().map(DepartmentBars.Bar::rate).toList());
    }

    @Test
    void departmentsUnderTheCriteriaMinimumAreLowAndThoseAtZeroAbsent() {
        DepartmentBars bars = DepartmentBars.of(withParticipation(), Vocabulary.of(PageFixtures.criteria()));

        assertTrue(bars.hasThreshold());
        assertEquals(30.0, bars.thresholdPct());
        assertEquals("30%", bars.threshold());
        assertEquals(List.of(false, false, true, true), bars.bars().stream().map(DepartmentBars.Bar::low).toList());
        assertEquals(List.of(false, false, false, true), bars.bars().stream().map(DepartmentBars.Bar::absent).toList());
        assertEquals(2, bars.lowCount());
        assertEquals(1, bars.absentCount());
    }

    @Test
    void withoutCriteriaOnlyAbsentDepartmentsAreLow() {
        DepartmentBars bars = DepartmentBars.of(withParticipation(), Vocabulary.none());

        assertFalse(bars.hasThreshold());
        assertEquals(1, bars.lowCount());
        assertTrue(bars.bars().get(3).low());
    }

    @Test
    void aResultWithoutParticipationHasNoBars() {
        DepartmentBars bars = DepartmentBars.of(PageFixtures.result(70, List.of()), Vocabulary.none());

        assertTrue(bars.bars().isEmpty());
    }
}
