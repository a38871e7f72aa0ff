package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.intParam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Periods that do not start on 1 January: requirements follow the period's length, not the months it touches. */
class PeriodLengthTest {

    private final int min = intParam("theory-study", "min");

    @Test
    void aYearFromMidJanuaryAsksForOneYearsCount() {
        // The builder's activities start on 10 January, before this period: only the later ones count.
        PackageBuilder p = PackageBuilder.unit().period("2025-01-15", "2026-01-14").activities("theory-study", min - 1);
        String message = gapsOf(assess(p), "theory-study").get(0).message();
        assertTrue(message.endsWith("，要求≥" + min + "次"), message);
    }

    @Test
    void aYearFromJulyAsksOnlyForThePlanWhoseDeadlineFallsInIt() {
        PackageBuilder p = PackageBuilder.unit().period("2024-07-01", "2025-06-30").plan("plan-2025", "annual-plan", "2025-01-10");
        Assessment a = assess(p);
        assertEquals("met", indicator(a, "annual-plan").status(), indicator(a, "annual-plan").findings().toString());
    }

    @Test
    void aPeriodHoldingNoDeadlineAsksForAPlanIssuedForIt() {
        Assessment without = assess(PackageBuilder.unit().period("2025-04-01", "2025-12-31"));
        assertEquals("unmet", indicator(without, "annual-plan").status());
        Assessment with = assess(PackageBuilder.unit().period("2025-04-01", "2025-12-31").plan("p", "annual-plan", "2025-04-03"));
        assertEquals("met", indicator(with, "annual-plan").status());
    }
}
