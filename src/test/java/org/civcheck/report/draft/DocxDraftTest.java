package org.civcheck.report.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

class DocxDraftTest {

    private static final DraftFixtures.Checked SEED = DraftFixtures.example("seed-district-office.json");

    @Test
    void docxOpensWithPoiAndHoldsTheMarkdownsTextParagraphByParagraph() throws Exception {
        String markdown = ReportDrafts.markdown(SEED.assessment(), SEED.pkg(), DraftFixtures.assessor().criteria(),
                DraftFixtures.CRITERIA);
        byte[] bytes = ReportDrafts.docx(SEED.assessment(), SEED.pkg(), DraftFixtures.assessor().criteria(),
                DraftFixtures.CRITERIA);
        List<String> markdownText = Arrays.stream(markdown.split("\n")).filter(l -> !l.isBlank())
                .map(l -> l.replaceFirst("^#+ ", "")).toList();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            assertEquals(markdownText, doc.getParagraphs().stream().map(XWPFParagraph::getText).toList());
        }
    }

    @Test
    void headingsCarryTheHeadingStylesIn黑体AndBodyTheBodyStyleIn仿宋() throws Exception {
        ReportDraft draft = SEED.draft();
        byte[] bytes = DocxDraft.render(draft);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            for (XWPFParagraph p : doc.getParagraphs()) {
                String text = p.getText();
                String expected = text.equals(draft.title()) ? DocxDraft.TITLE
                        : draft.parts().stream().anyMatch(part -> part.title().equals(text)) ? DocxDraft.PART
                        : draft.parts().stream().flatMap(part -> part.sections().stream())
                                .anyMatch(s -> text.equals(s.heading())) ? DocxDraft.SECTION : DocxDraft.BODY;
                assertEquals(expected, p.getStyle(), text);
                assertTrue(p.getRuns().stream().allMatch(r -> r.getFontFamily() == null && r.getFontSize() < 0),
                        "formatting comes from the style only: " + text);
                assertTrue(!text.startsWith(" ") && !text.startsWith("　"), "no hand-placed indent: " + text);
            }
            assertEquals("黑体", font(doc, DocxDraft.TITLE));
            assertEquals("黑体", font(doc, DocxDraft.PART));
            assertEquals("黑体", font(doc, DocxDraft.SECTION));
            assertEquals("仿宋", font(doc, DocxDraft.BODY));
            assertEquals("自查报告一级标题", doc.getStyles().getStyle(DocxDraft.PART).getName());
        }
    }

    private static String font(XWPFDocument doc, String styleId) {
        return doc.getStyles().getStyle(styleId).getCTStyle().getRPr().getRFontsArray(0).getEastAsia();
    }
}
