package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The what-if lines are sentences.yaml's words with every placeholder filled in. */
class SentencesTest {

    @Test
    void aClosedGapSaysWhatItRecoversAndWhetherTheVerdictMoves() {
        assertEquals("补齐这一项可挽回3分，得分86.5，结论变为“可以通过”", Sentences.gapClosed(3, 86.5, "at-risk", "ready"));
        assertEquals("补齐这一项可挽回1.5分，得分70，结论仍为“难以通过”", Sentences.gapClosed(1.5, 70, "not-ready", "not-ready"));
    }

    @Test
    void aVetoSaysItLeavesTheScoreButDecidesTheVerdict() {
        assertEquals("该事项不影响得分，但结论为“" + Verdicts.chinese("vetoed") + "”", Sentences.vetoStands("vetoed"));
    }
}
