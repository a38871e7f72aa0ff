package org.civcheck.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryChartTest {

    // The plot is 640 − 176 − 80 = 384 units wide; the largest maximum (18) fills it, so one
    // point is 384 ÷ 18 = 21.33 units.

    @Test
    void tracksAreAsLongAsTheCategoryMaximumAndFillsAsLongAsTheScore() {
        CategoryChart chart = CategoryChart.of(PageFixtures.result(30, List.of()));

        CategoryChart.Bar organization = chart.bars().get(0);
        assertEquals(298.7, organization.trackWidth()); // 14 × 21.33
        assertEquals(64.0, organization.fillWidth()); // 3 × 21.33
        CategoryChart.Bar ideology = chart.bars().get(1);
        assertEquals(384.0, ideology.trackWidth());
        assertEquals(384.0, ideology.fillWidth());
        CategoryChart.Bar participation = chart.bars().get(2);
        assertEquals(256.0, participation.trackWidth());
        assertEquals(192.0, participation.fillWidth());
    }

    @Test
    void passTickSitsAtThePassLinesShareOfEachTrack() {
        CategoryChart chart = CategoryChart.of(PageFixtures.result(30, List.of()));

        assertEquals("85%", chart.passShare());
        assertEquals(429.9, chart.bars().get(0).passX()); // 176 + 298.67 × 0.85
        assertEquals(502.4, chart.bars().get(1).passX()); // 176 + 384 × 0.85
    }

    @Test
    void rowsStackThirtySixUnitsApartWithTheBarCentred() {
        CategoryChart chart = CategoryChart.of(PageFixtures.result(30, List.of()));

        assertEquals(120.0, chart.height()); // 6 + 3 × 36 + 6
        CategoryChart.Bar first = chart.bars().get(0);
        assertEquals(6.0, first.y());
        assertEquals(15.0, first.barY());
        assertEquals(29.0, first.textY());
        assertEquals(11.0, first.tickTop());
        assertEquals(37.0, first.tickBottom());
        assertEquals(482.7, first.valueX()); // after the track's end, 8 units on
        assertEquals(87.0, chart.bars().get(2).barY());
    }

    @Test
    void statusComparesEachCategoryWithThePassLinesShare() {
        CategoryChart chart = CategoryChart.of(PageFixtures.result(30, List.of()));

        assertEquals("poor", chart.bars().get(0).status()); // 3 / 14 = 21%, under half of 85%
        assertEquals("ok", chart.bars().get(1).status()); // 18 / 18
        assertEquals("short", chart.bars().get(2).status()); // 9 / 12 = 75%
        assertEquals("11", chart.bars().get(0).lost());
        assertEquals("3", chart.bars().get(0).score());
        assertEquals("14", chart.bars().get(0).max());
    }
}
