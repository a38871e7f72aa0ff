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
}
