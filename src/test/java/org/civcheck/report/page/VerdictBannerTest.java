package org.civcheck.report.page;

import static org.civcheck.report.page.PageFixtures.gap;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.civcheck.engine.Assessment;
import org.junit.jupiter.api.Test;

class VerdictBannerTest {

    @Test
    void theGaugeFillsToTheScoreAndMarksThePassLine() {
        VerdictBanner v = VerdictBanner.of(PageFixtures.result(59, List.of(gap("a", "mechanism", 3),
                gap("b", "diversity", 2.5))));

        assertEquals("not-ready", v.verdict());
        assertEquals("难以通过", v.name());
        assertEquals("59", v.score());
        assertEquals(59.0, v.scorePct());
        assertEquals(85.0, v.passPct());
        assertEquals("低于合格线 26 分", v.distance());
        assertEquals(2, v.gapCount());
        assertEquals("5.5", v.recoverable());
    }

    @Test
    void aScoreAboveThePassLineSaysByHowMuch() {
        VerdictBanner v = VerdictBanner.of(PageFixtures.result(96.5, List.of()));

        assertEquals("可以通过", v.name());
        assertEquals("高出合格线 11.5 分", v.distance());
        assertEquals(96.5, v.scorePct());
    }

    @Test
    void aVetoesGapIsNotCountedAsRecoverable() {
        Assessment.Veto veto = new Assessment.Veto("serious", "发生严重违纪", "…", List.of());
        Assessment.Gap vetoGap = new Assessment.Gap("veto:serious", "一票否决", "conduct", "遵纪守法问题", 100, true, "…",
                "…", List.of());

        VerdictBanner v = VerdictBanner.of(PageFixtures.result(96, List.of(vetoGap, gap("d", "conduct", 4)),
                List.of(veto)));

        assertEquals("一票否决", v.name());
        assertEquals("4", v.recoverable());
        assertEquals(1, v.vetoCount());
        assertEquals(1, v.blockingGaps());
    }
}
