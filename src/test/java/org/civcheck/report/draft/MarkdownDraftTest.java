package org.civcheck.report.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** report.md as a Markdown viewer shows it: a package's text is text, never markup or script. */
class MarkdownDraftTest {

    @Test
    void htmlAndMarkdownInPackageTextAreEscaped() {
        JsonNode json = DraftFixtures.example("well-run-library.json").json().deepCopy();
        ((ObjectNode) json.path("unit")).put("name", "[图书馆](javascript:alert(1))**局**");
        for (JsonNode a : json.path("activities")) {
            if (a.path("tags").toString().contains("featured")) {
                ((ObjectNode) a).put("title", "<script>alert(1)</script><img src=x onerror=alert(2)>");
            }
        }
        DraftFixtures.Checked checked = DraftFixtures.checked(json);
        String md = MarkdownDraft.render(checked.draft());
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the title is shown as text: " + md);
        assertFalse(md.contains("<script") || md.contains("<img"), md);
        assertFalse(md.matches("(?s).*(?<!\\\\)\\]\\(javascript.*"), "no link can be formed: " + md);
        assertTrue(md.contains("\\[图书馆\\](javascript:alert(1))\\*\\*局\\*\\*"), md);
    }

    @Test
    void escapeLeavesChineseTextAsItIs() {
        assertEquals("全年开展集中理论学习24次，做到月月有安排（2025年5月20日）", MarkdownDraft.escape(
                "全年开展集中理论学习24次，做到月月有安排（2025年5月20日）"));
        assertEquals("a &amp; b \\| c", MarkdownDraft.escape("a & b | c"));
    }

    @Test
    void theMarkdownEndsWithTheSignatureAndTheAppendixTable() {
        String md = MarkdownDraft.render(DraftFixtures.example("seed-district-office.json").draft());
        int signature = md.indexOf("××区委办公室  \n");
        assertTrue(signature > md.indexOf("特此报告。"), md);
        assertTrue(md.indexOf("| 序号 | 测评内容 | 自查情况 | 失分 | 佐证材料 |") > signature, md);
    }
}
