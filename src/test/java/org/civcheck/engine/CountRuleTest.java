package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.intParam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Check kind "activity-count", on the theory-study indicator (理论学习, "min" a year). */
class CountRuleTest {

    private final int min = intParam("theory-study", "min");

    @Test
    void countAtTheMinimumIsMetWithFullPoints() {
        Assessment a = assess(PackageBuilder.unit().activities("theory-study", min));
        Assessment.IndicatorScore s = indicator(a, "theory-study");
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("理论学习共" + min + "次，达到要求（≥" + min + "次）"), s.findings());
        assertTrue(gapsOf(a, "theory-study").isEmpty());
    }

    @Test
    void oneBelowTheMinimumIsPartialAndAMechanismGap() {
        Assessment a = assess(PackageBuilder.unit().activities("theory-study", min - 1));
        Assessment.IndicatorScore s = indicator(a, "theory-study");
        assertEquals("partial", s.status());
        assertTrue(s.score() > 0 && s.score() < s.max(), "partial credit: " + s.score());
        Assessment.Gap gap = gapsOf(a, "theory-study").get(0);
        assertEquals("mechanism", gap.problem());
        assertEquals("理论学习仅" + (min - 1) + "次，要求≥" + min + "次", gap.message());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
        assertEquals(min - 1, gap.evidence().size());
    }

    @Test
    void noActivityIsUnmetAndSaysNoneWasHeld() {
        Assessment a = assess(PackageBuilder.unit());
        Assessment.IndicatorScore s = indicator(a, "theory-study");
        assertEquals("unmet", s.status());
        assertEquals(0.0, s.score());
        assertEquals("未开展理论学习，要求≥" + min + "次", gapsOf(a, "theory-study").get(0).message());
    }

    @Test
    void activitiesOutsideThePeriodDoNotCount() {
        PackageBuilder p = PackageBuilder.unit().activities("theory-study", min - 1).activity("theory-study", "2024-12-20");
        assertEquals("partial", indicator(assess(p), "theory-study").status());
    }

    @Test
    void aTwoYearPeriodNeedsTwiceTheCount() {
        PackageBuilder p = PackageBuilder.unit().period("2024-01-01", "2025-12-31").activities("theory-study", min);
        Assessment.Gap gap = gapsOf(assess(p), "theory-study").get(0);
        assertEquals("理论学习仅" + min + "次，要求≥" + 2 * min + "次", gap.message());
    }
}
