package org.civcheck.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoreHistoryTest {

    // The plot spans x 40–536 (496 wide) and y 16–168 (152 high); 0 points at the bottom, 100 at the top.

    private static ScoreHistory.Entry entry(String id, int month, double score, String verdict) {
        return new ScoreHistory.Entry(id, OffsetDateTime.of(2026, month, 1, 0, 0, 0, 0, ZoneOffset.UTC), score, 100,
                verdict);
    }

    private static ScoreHistory threeChecks() {
        // Newest first, as the store lists them.
        return ScoreHistory.of(List.of(entry("c", 3, 90, "ready"), entry("b", 2, 70, "not-ready"),
                entry("a", 1, 50, "not-ready")), "b", 85);
    }

    @Test
    void pointsRunOldestToNewestEvenlySpaced() {
        ScoreHistory h = threeChecks();

        assertEquals(List.of("a", "b", "c"), h.points().stream().map(ScoreHistory.Point::id).toList());
        assertEquals(List.of(40.0, 288.0, 536.0), h.points().stream().map(ScoreHistory.Point::x).toList());
        assertEquals(List.of(92.0, 61.6, 31.2), h.points().stream().map(ScoreHistory.Point::y).toList());
        assertEquals("40,92 288,61.6 536,31.2", h.polyline());
    }

    @Test
    void thePassLineCrossesAtItsScore() {
        ScoreHistory h = threeChecks();

        assertEquals(38.8, h.passY()); // 16 + 152 × 0.15
        assertEquals(42.8, h.passLabelY());
        assertEquals(34.0, h.axisLabelX());
        assertEquals(168.0, h.plotBottom());
        assertEquals("100", h.maxScore());
    }

    @Test
    void theCurrentAssessmentIsMarkedAndEveryPointLinksToItsPage() {
        ScoreHistory h = threeChecks();

        assertEquals(List.of(false, true, false), h.points().stream().map(ScoreHistory.Point::current).toList());
        assertEquals(7.0, h.points().get(1).radius());
        assertEquals("/assessments/b", h.points().get(1).href());
        assertEquals("2月1日", h.points().get(1).date()); // 08:00 in China Standard Time
        assertEquals("难以通过", h.points().get(1).verdictName());
        assertTrue(h.hasLine());
    }

    @Test
    void oneAssessmentIsAPointInTheMiddleAndNoLine() {
        ScoreHistory h = ScoreHistory.of(List.of(entry("a", 1, 59, "not-ready")), "a", 85);

        assertFalse(h.hasLine());
        assertEquals(288.0, h.points().get(0).x());
    }

    @Test
    void manyAssessmentsLabelEveryThirdDateAndTheLast() {
        List<ScoreHistory.Entry> twenty = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> twenty.add(new ScoreHistory.Entry("e" + i,
                OffsetDateTime.of(2026, 1, 1 + i, 0, 0, 0, 0, ZoneOffset.UTC), 50 + i, 100, "not-ready")));

        ScoreHistory h = ScoreHistory.of(twenty, "e19", 85);

        List<Integer> labelled = IntStream.range(0, 20).filter(i -> h.points().get(i).labelled()).boxed().toList();
        assertEquals(List.of(0, 3, 6, 9, 12, 15, 19), labelled);
    }
}
