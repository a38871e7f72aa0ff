package org.civcheck.engine.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one number and percentage format that findings, reports, drafts and pages share. */
class TextsTest {

    @Test
    void numbersShowOneDecimalAndNoTrailingZero() {
        assertEquals("3", Texts.num(3.0));
        assertEquals("2.5", Texts.num(2.5));
        assertEquals("2.5", Texts.num(2.46));
        assertEquals("12.3", Texts.num(12.34));
        assertEquals("0", Texts.num(0.04));
    }

    @Test
    void aNumberThatRoundsToAWholeOneHasNoDecimal() {
        assertEquals("3", Texts.num(2.96));
        assertEquals("100", Texts.num(99.99));
    }

    @Test
    void sharesAreWholePercentages() {
        assertEquals("46%", Texts.pct(0.456));
        assertEquals("100%", Texts.pct(1.0));
        assertEquals("0%", Texts.pct(0.004));
    }

    @Test
    void monthsSayTheirYearWhenThePeriodCoversMoreThanOne() {
        Texts oneYear = new Texts(java.util.Map.of(), false);
        Texts twoYears = new Texts(java.util.Map.of(), true);
        java.util.List<String> months = java.util.List.of("2025-05", "2025-03");
        assertEquals("3月、5月", oneYear.monthList(months));
        assertEquals("2025年3月、2025年5月", twoYears.monthList(months));
        assertEquals("2025年7月至2025年9月", twoYears.monthRun(java.util.List.of("2025-07", "2025-08", "2025-09")));
        assertEquals("7月至9月", oneYear.monthRun(java.util.List.of("2025-07", "2025-08", "2025-09")));
    }
}
