package org.civcheck.report.draft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * A draft as a Word document (.docx). All layout is in paragraph styles defined in the document:
 * headings in 黑体 ({@link #TITLE}, {@link #PART}, {@link #SECTION}), body text in 仿宋 with a
 * two-character first-line indent ({@link #BODY}); no run carries formatting of its own.
 */
public final class DocxDraft {

    /** Style ids, as Word shows them in the style list. */
    public static final String TITLE = "DraftTitle";
    public static final String PART = "DraftPart";
    public static final String SECTION = "DraftSection";
    public static final String BODY = "DraftBody";

    private static final String HEADING_FONT = "黑体";
    private static final String BODY_FONT = "仿宋";

    private DocxDraft() {}

    /** The .docx file's bytes. */
    public static byte[] render(ReportDraft draft) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFStyles styles = doc.createStyles();
            // 二号 title, 三号 headings and body (half-points), as official documents use.
            styles.addStyle(style(styles, TITLE, "自查报告标题", HEADING_FONT, 44, -1, true));
            styles.addStyle(style(styles, PART, "自查报告一级标题", HEADING_FONT, 32, 0, false));
            styles.addStyle(style(styles, SECTION, "自查报告二级标题", HEADING_FONT, 32, 1, false));
            styles.addStyle(style(styles, BODY, "自查报告正文", BODY_FONT, 32, -1, false));
            paragraph(doc, TITLE, draft.title());
            paragraph(doc, BODY, draft.intro());
            for (ReportDraft.Part part : draft.parts()) {
                paragraph(doc, PART, part.title());
                for (ReportDraft.Section section : part.sections()) {
                    if (section.heading() != null) {
                        paragraph(doc, SECTION, section.heading());
                    }
                    section.paragraphs().forEach(p -> paragraph(doc, BODY, p));
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a .docx to memory failed.", e);
        }
    }

    private static void paragraph(XWPFDocument doc, String style, String text) {
        var p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
    }

    /**
     * A paragraph style: {@code font} for Chinese and Latin text at {@code halfPoints}; an outline level
     * (0 = 一级) for headings, -1 for none; centred for the title, else indented two characters.
     */
    private static XWPFStyle style(XWPFStyles styles, String id, String name, String font, int halfPoints,
            int outlineLevel, boolean centred) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        ppr.addNewSpacing().setLine(BigInteger.valueOf(560)); // 28 pt fixed-ish line, as 公文 use
        if (centred) {
            ppr.addNewJc().setVal(STJc.CENTER);
        } else {
            ppr.addNewInd().setFirstLineChars(BigInteger.valueOf(200)); // two characters, as 公文 indent
        }
        if (outlineLevel >= 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
            ppr.addNewKeepNext();
        }
        CTRPr rpr = ct.addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        return new XWPFStyle(ct, styles);
    }
}
