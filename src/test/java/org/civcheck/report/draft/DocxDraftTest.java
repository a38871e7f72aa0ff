package org.civcheck.report.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

/** The .docx as an office opens it: a 公文 page, its fonts and lines, the 落款 and the appendix. */
class DocxDraftTest {

    private static final DraftFixtures.Checked SEED = DraftFixtures.example("seed-district-office.json");
    private static final ReportDraft DRAFT = SEED.draft();
    private static final byte[] DOCX = DocxDraft.render(DRAFT);

    @Test
    void theDocumentIsA4WithTheMarginsOfGbt9704() throws Exception {
        try (XWPFDocument doc = open()) {
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertEquals(11906, ((Number) sect.getPgSz().getW()).intValue(), "A4 width, 210 mm");
            assertEquals(16838, ((Number) sect.getPgSz().getH()).intValue(), "A4 height, 297 mm");
            assertEquals(37, mm(sect.getPgMar().getTop()), "top margin");
            assertEquals(35, mm(sect.getPgMar().getBottom()), "bottom margin");
            assertEquals(28, mm(sect.getPgMar().getLeft()), "left margin");
            assertEquals(26, mm(sect.getPgMar().getRight()), "right margin");
        }
    }

    @Test
    void bodyIs仿宋三号AndTitle小标宋二号OnAFixedLine() throws Exception {
        try (XWPFDocument doc = open()) {
            assertEquals("仿宋_GB2312", font(doc, DocxDraft.BODY));
            assertEquals(32, size(doc, DocxDraft.BODY), "三号 is 16 pt");
            assertEquals("方正小标宋简体", font(doc, DocxDraft.TITLE));
            assertEquals(44, size(doc, DocxDraft.TITLE), "二号 is 22 pt");
            assertEquals("黑体", font(doc, DocxDraft.PART));
            assertEquals("楷体_GB2312", font(doc, DocxDraft.SECTION));
            for (String style : List.of(DocxDraft.BODY, DocxDraft.PART, DocxDraft.SECTION, DocxDraft.SIGNATURE)) {
                CTPPrGeneral ppr = doc.getStyles().getStyle(style).getCTStyle().getPPr();
                int line = ((Number) ppr.getSpacing().getLine()).intValue();
                assertTrue(line >= 560 && line <= 580, style + ": 28–29 pt, was " + line / 20.0);
                assertEquals(STLineSpacingRule.EXACT, ppr.getSpacing().getLineRule(), style + " is a fixed line");
            }
            for (XWPFParagraph p : doc.getParagraphs()) {
                assertTrue(p.getRuns().stream().allMatch(r -> r.getFontFamily() == null && r.getFontSize() < 0),
                        "formatting comes from the style only: " + p.getText());
            }
        }
    }

    @Test
    void eachFontNamesTheOneToUseWhereItIsMissing() throws Exception {
        String fontTable = part("word/fontTable.xml");
        for (String[] pair : new String[][] {{"仿宋_GB2312", "仿宋"}, {"仿宋", "FangSong"}, {"方正小标宋简体", "宋体"},
                {"楷体_GB2312", "楷体"}, {"黑体", "SimHei"}}) {
            assertTrue(fontTable.matches("(?s).*<w:font w:name=\"" + pair[0] + "\"><w:altName w:val=\"" + pair[1] + "\"/>.*"),
                    pair[0] + " → " + pair[1] + " in " + fontTable);
        }
    }

    @Test
    void pagesAreNumberedAtTheFootAndTheAuthorIsTheUnit() throws Exception {
        try (XWPFDocument doc = open()) {
            assertFalse(doc.getFooterList().isEmpty());
            String footers = part("word/footer1.xml") + part("word/footer2.xml");
            assertTrue(footers.contains("PAGE"), footers);
            assertTrue(footers.contains("— "), footers);
            assertEquals("××区委办公室", doc.getProperties().getCoreProperties().getCreator());
            assertFalse(part("docProps/app.xml").contains("Apache POI"));
            assertFalse(part("docProps/core.xml").contains("Apache POI"));
        }
    }

    @Test
    void theTitleBlockBodySignatureAndAppendixComeInTheOrderOfAnOfficialDocument() throws Exception {
        try (XWPFDocument doc = open()) {
            List<XWPFParagraph> ps = doc.getParagraphs();
            assertEquals(DocxDraft.TITLE, ps.get(0).getStyle());
            assertEquals(DRAFT.title(), ps.get(0).getText());
            assertEquals(DocxDraft.ADDRESSEE, ps.get(1).getStyle());
            List<String> texts = ps.stream().map(XWPFParagraph::getText).toList();
            int unit = texts.lastIndexOf("××区委办公室");
            assertEquals(DocxDraft.SIGNATURE, ps.get(unit).getStyle());
            assertEquals(DocxDraft.DATE, ps.get(unit + 1).getStyle());
            assertTrue(texts.get(unit + 1).matches("\\d{4}年\\d{1,2}月\\d{1,2}日"), texts.get(unit + 1));
            assertEquals("附件：问题与佐证清单", texts.get(unit - 1));
            assertEquals("附件", texts.get(unit + 2));
            assertEquals(DocxDraft.APPENDIX_LABEL, ps.get(unit + 2).getStyle());
            assertEquals(1, doc.getTables().size());
            assertEquals(SEED.assessment().gaps().size() + 1, doc.getTables().get(0).getNumberOfRows());
            assertEquals("佐证材料", doc.getTables().get(0).getRow(0).getCell(4).getText());
        }
    }

    private static XWPFDocument open() throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(DOCX));
    }

    /** A part of the .docx as text. */
    static String part(String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(DOCX))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " is not in the .docx");
    }

    private static long mm(Object twips) {
        return Math.round(((Number) twips).doubleValue() / 56.6929);
    }

    private static String font(XWPFDocument doc, String styleId) {
        return doc.getStyles().getStyle(styleId).getCTStyle().getRPr().getRFontsArray(0).getEastAsia();
    }

    private static int size(XWPFDocument doc, String styleId) {
        return ((Number) doc.getStyles().getStyle(styleId).getCTStyle().getRPr().getSzArray(0).getVal()).intValue();
    }
}
