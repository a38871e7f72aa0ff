package org.civcheck.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RemarksTest {

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void findingsBecomeSentences() {
        assertEquals("甲达标；乙不足。", Remarks.of(List.of("甲达标。", " 乙不足；", ""), 500));
        assertEquals("", Remarks.of(List.of(), 500));
    }

    @Test
    void aTextWithinTheLimitIsKept() {
        String exactly = "字".repeat(499) + "。";
        assertEquals(exactly, Remarks.limit(exactly, 500));
    }

    @Test
    void cutsAfterTheLastSentenceEndThatFits() {
        String text = "一".repeat(300) + "。" + "二".repeat(150) + "！" + "三".repeat(100) + "。";
        String cut = Remarks.limit(text, 500);
        assertEquals("一".repeat(300) + "。" + "二".repeat(150) + "！……", cut);
    }

    @Test
    void ignoresSentenceEndsInsideBrackets() {
        String text = "一".repeat(100) + "。" + "（" + "二".repeat(200) + "；" + "三".repeat(300) + "）";
        assertEquals("一".repeat(100) + "。……", Remarks.limit(text, 500));
    }

    @Test
    void fallsBackToAClauseBreakThenToAWholeCharacter() {
        String clauses = "一".repeat(400) + "，" + "二".repeat(200);
        assertEquals("一".repeat(400) + "，……", Remarks.limit(clauses, 500));

        // 600 supplementary-plane characters (two chars each in UTF-16), no break at all.
        String wide = "𠀀".repeat(600);
        String cut = Remarks.limit(wide, 500);
        assertEquals(500, codePoints(cut));
        assertEquals("𠀀".repeat(498) + "……", cut);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 3)));
        assertTrue(cut.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= 0xFFFF));
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        String wide = "𠀀".repeat(400) + "。"; // 801 UTF-16 units, 401 code points
        assertEquals(wide, Remarks.limit(wide, 500));
    }
}
