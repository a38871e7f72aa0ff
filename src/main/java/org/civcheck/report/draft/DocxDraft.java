package org.civcheck.report.draft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A draft as a Word document (.docx) laid out as a 公文 after GB/T 9704: A4 with the standard's
 * margins, the title in 小标宋 二号, body in 仿宋_GB2312 三号 at a fixed 28 pt line, part headings in
 * 黑体 and section headings in 楷体, the 落款 right-aligned four characters in, page numbers
 * "— 1 —" in 宋体 四号 at the outer edge, and the appendix on a page of its own. All formatting is in
 * paragraph styles defined in the document; the document's font table names, for each font an
 * office PC may lack, the one to use instead (仿宋_GB2312 → 仿宋 → FangSong …).
 */
public final class DocxDraft {

    /** Style ids, as Word shows them in the style list. */
    public static final String TITLE = "DraftTitle";
    public static final String ADDRESSEE = "DraftAddressee";
    public static final String PART = "DraftPart";
    public static final String SECTION = "DraftSection";
    public static final String BODY = "DraftBody";
    public static final String CLOSING = "DraftClosing";
    public static final String NOTE = "DraftAppendixNote";
    public static final String SIGNATURE = "DraftSignature";
    public static final String DATE = "DraftDate";
    public static final String APPENDIX_LABEL = "DraftAppendixLabel";
    public static final String TABLE_HEAD = "DraftTableHead";
    public static final String TABLE_TEXT = "DraftTableText";
    public static final String PAGE_NUMBER = "DraftPageNumber";

    /** The fonts of a 公文 and, for each, the font to use where it is missing. */
    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String PART_FONT = "黑体";
    static final String SECTION_FONT = "楷体_GB2312";
    static final String NUMBER_FONT = "宋体";
    static final List<List<String>> FALLBACKS = List.of(
            List.of(TITLE_FONT, "宋体"), List.of("宋体", "SimSun"),
            List.of(BODY_FONT, "仿宋"), List.of("仿宋", "FangSong"),
            List.of(PART_FONT, "SimHei"),
            List.of(SECTION_FONT, "楷体"), List.of("楷体", "KaiTi"));

    /** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt. */
    static final int ERHAO = 44;
    static final int SANHAO = 32;
    static final int SIHAO = 28;
    /** The fixed line: 28 pt (in twentieths of a point), 22 lines to the A4 type area; 20 pt in tables. */
    static final int LINE = 560;
    static final int TABLE_LINE = 400;

    /** A4 and the margins of GB/T 9704, in twentieths of a point (1 mm ≈ 56.7). */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    static final int MARGIN_TOP = 2098;    // 37 mm
    static final int MARGIN_BOTTOM = 1984; // 35 mm
    static final int MARGIN_LEFT = 1588;   // 28 mm
    static final int MARGIN_RIGHT = 1474;  // 26 mm
    static final int TYPE_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    static final int FOOTER = 1134;        // 20 mm from the edge: the page number 7 mm under the type area

    private static final String FONT_TABLE_TYPE =
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
    private static final String FONT_TABLE_REL =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DocxDraft() {}

    /** The .docx file's bytes. */
    public static byte[] render(ReportDraft draft) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            styles(doc.createStyles());
            page(doc);
            fontTable(doc);
            properties(doc, draft);

            paragraph(doc, TITLE, draft.title());
            paragraph(doc, ADDRESSEE, draft.addressee());
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
            paragraph(doc, CLOSING, draft.closing());
            paragraph(doc, NOTE, draft.appendixNote());
            paragraph(doc, SIGNATURE, draft.signature().unit());
            paragraph(doc, DATE, draft.signature().date());
            appendix(doc, draft.appendix());
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a .docx to memory failed.", e);
        }
    }

    private static XWPFParagraph paragraph(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
        return p;
    }

    private static void appendix(XWPFDocument doc, ReportDraft.Appendix appendix) {
        paragraph(doc, APPENDIX_LABEL, appendix.label());
        paragraph(doc, TITLE, appendix.title());
        XWPFTable table = doc.createTable(appendix.rows().size() + 1, appendix.columns().size());
        table.setWidth(String.valueOf(TYPE_WIDTH));
        var tblPr = table.getCTTbl().getTblPr();
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        // 序号, 测评内容, 自查情况, 失分, 佐证材料 across the type area: the finding gets the most room,
        // the material (up to five dated titles) the next most.
        int[] widths = {600, 1500, TYPE_WIDTH - 5300, 700, 2500};
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
                : table.getCTTbl().addNewTblGrid();
        for (int c = 0; c < appendix.columns().size(); c++) {
            var col = c < grid.sizeOfGridColArray() ? grid.getGridColArray(c) : grid.addNewGridCol();
            col.setW(BigInteger.valueOf(widths[Math.min(c, widths.length - 1)]));
            for (XWPFTableRow row : table.getRows()) {
                var tcPr = row.getCell(c).getCTTc().isSetTcPr() ? row.getCell(c).getCTTc().getTcPr()
                        : row.getCell(c).getCTTc().addNewTcPr();
                var w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
                w.setType(STTblWidth.DXA);
                w.setW(BigInteger.valueOf(widths[Math.min(c, widths.length - 1)]));
            }
        }
        fillRow(table.getRow(0), appendix.columns(), TABLE_HEAD);
        table.getRow(0).setRepeatHeader(true);
        for (int r = 0; r < appendix.rows().size(); r++) {
            fillRow(table.getRow(r + 1), appendix.rows().get(r), TABLE_TEXT);
            table.getRow(r + 1).setCantSplitRow(true);
        }
    }

    private static void fillRow(XWPFTableRow row, List<String> cells, String style) {
        for (int c = 0; c < cells.size(); c++) {
            XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
            p.setStyle(style);
            p.createRun().setText(cells.get(c));
        }
    }

    /** A4 portrait, the standard's margins, and page numbers at the outer edge (odd right, even left). */
    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(FOOTER));
        margins.setGutter(BigInteger.ZERO);
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), STJc.RIGHT);
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), STJc.LEFT);
    }

    /** "— n —" with the page field, one character in from the outer edge. */
    private static void pageNumber(XWPFFooter footer, STJc.Enum side) {
        XWPFParagraph p = footer.createParagraph();
        p.setStyle(PAGE_NUMBER);
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        ppr.addNewJc().setVal(side);
        var ind = ppr.addNewInd();
        BigInteger oneCharacter = BigInteger.valueOf(SIHAO * 10L);
        if (side == STJc.RIGHT) {
            ind.setRightChars(BigInteger.valueOf(100));
            ind.setRight(oneCharacter);
        } else {
            ind.setLeftChars(BigInteger.valueOf(100));
            ind.setLeft(oneCharacter);
        }
        p.createRun().setText("— ");
        CTSimpleField field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        field.addNewR().addNewT().setStringValue("1");
        var after = p.getCTP().addNewR().addNewT();
        after.setStringValue(" —");
        after.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
    }

    /** The author is the unit (not the library that wrote the file); the title is the report's. */
    private static void properties(XWPFDocument doc, ReportDraft draft) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setCreator(draft.signature().unit());
        core.setLastModifiedByUser(draft.signature().unit());
        core.setTitle(draft.title());
        doc.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("civcheck");
    }

    /** word/fontTable.xml: each font of the styles with the font Word and WPS use where it is missing. */
    private static void fontTable(XWPFDocument doc) {
        try {
            Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
            Element fonts = xml.createElementNS(W, "w:fonts");
            xml.appendChild(fonts);
            for (List<String> pair : FALLBACKS) {
                Element font = xml.createElementNS(W, "w:font");
                font.setAttributeNS(W, "w:name", pair.get(0));
                Element alt = xml.createElementNS(W, "w:altName");
                alt.setAttributeNS(W, "w:val", pair.get(1));
                font.appendChild(alt);
                Element charset = xml.createElementNS(W, "w:charset");
                charset.setAttributeNS(W, "w:val", "86"); // GB2312
                font.appendChild(charset);
                Element family = xml.createElementNS(W, "w:family");
                family.setAttributeNS(W, "w:val", "modern");
                font.appendChild(family);
                Element pitch = xml.createElementNS(W, "w:pitch");
                pitch.setAttributeNS(W, "w:val", "fixed");
                font.appendChild(pitch);
                fonts.appendChild(font);
            }
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = doc.getPackage().createPart(name, FONT_TABLE_TYPE);
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, FONT_TABLE_REL);
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            try (OutputStream os = part.getOutputStream()) {
                transformer.transform(new DOMSource(xml), new StreamResult(os));
            }
        } catch (ParserConfigurationException | TransformerException | InvalidFormatException | IOException e) {
            throw new IllegalStateException("Writing the font table failed.", e);
        }
    }

    private static void styles(XWPFStyles styles) {
        styles.addStyle(style(styles, TITLE, "公文标题", TITLE_FONT, ERHAO, LINE * 5 / 4, Align.CENTRE, -1));
        styles.addStyle(style(styles, ADDRESSEE, "主送机关", BODY_FONT, SANHAO, LINE, Align.LEFT, -1));
        styles.addStyle(style(styles, PART, "一级标题", PART_FONT, SANHAO, LINE, Align.INDENT, 0));
        styles.addStyle(style(styles, SECTION, "二级标题", SECTION_FONT, SANHAO, LINE, Align.INDENT, 1));
        styles.addStyle(style(styles, BODY, "正文", BODY_FONT, SANHAO, LINE, Align.INDENT, -1));
        styles.addStyle(style(styles, CLOSING, "结束语", BODY_FONT, SANHAO, LINE, Align.INDENT, -1));
        styles.addStyle(style(styles, NOTE, "附件说明", BODY_FONT, SANHAO, LINE, Align.INDENT_AFTER_LINE, -1));
        styles.addStyle(style(styles, SIGNATURE, "落款", BODY_FONT, SANHAO, LINE, Align.RIGHT_FOUR, -1));
        styles.addStyle(style(styles, DATE, "成文日期", BODY_FONT, SANHAO, LINE, Align.RIGHT_FOUR, -1));
        styles.addStyle(style(styles, APPENDIX_LABEL, "附件标识", PART_FONT, SANHAO, LINE, Align.NEW_PAGE, -1));
        styles.addStyle(style(styles, TABLE_HEAD, "表头", PART_FONT, SIHAO, TABLE_LINE, Align.CENTRE, -1));
        styles.addStyle(style(styles, TABLE_TEXT, "表格正文", BODY_FONT, SIHAO, TABLE_LINE, Align.LEFT, -1));
        styles.addStyle(style(styles, PAGE_NUMBER, "页码", NUMBER_FONT, SIHAO, -1, Align.LEFT, -1));
    }

    private static final java.util.Set<String> KEPT_WITH_NEXT = java.util.Set.of(CLOSING, NOTE, SIGNATURE);

    /** How a style sits on the line. */
    private enum Align { CENTRE, LEFT, INDENT, INDENT_AFTER_LINE, RIGHT_FOUR, NEW_PAGE }

    /**
     * A paragraph style: {@code font} for Chinese and Latin text at {@code halfPoints}, an exact line of
     * {@code line} twentieths of a point (none when negative), an outline level for headings (-1 for none).
     */
    private static XWPFStyle style(XWPFStyles styles, String id, String name, String font, int halfPoints, int line,
            Align align, int outlineLevel) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.setType(STStyleType.PARAGRAPH);
        ct.addNewName().setVal(name);
        ct.addNewQFormat();
        CTPPrGeneral ppr = ct.addNewPPr();
        if (align == Align.NEW_PAGE) {
            ppr.addNewPageBreakBefore();
        }
        if (outlineLevel >= 0 || KEPT_WITH_NEXT.contains(id)) {
            ppr.addNewKeepNext(); // a heading, and the closing lines down to the 落款, never end a page alone
        }
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(align == Align.INDENT_AFTER_LINE ? LINE : 0));
        spacing.setAfter(BigInteger.valueOf(id.equals(TITLE) ? LINE : 0));
        if (line > 0) {
            spacing.setLine(BigInteger.valueOf(line));
            spacing.setLineRule(STLineSpacingRule.EXACT);
        }
        switch (align) {
            case CENTRE -> ppr.addNewJc().setVal(STJc.CENTER);
            case LEFT, NEW_PAGE -> ppr.addNewJc().setVal(STJc.LEFT);
            case INDENT, INDENT_AFTER_LINE -> {
                ppr.addNewJc().setVal(STJc.BOTH);
                var ind = ppr.addNewInd(); // two characters, in characters and (for LibreOffice) in twips
                ind.setFirstLineChars(BigInteger.valueOf(200));
                ind.setFirstLine(BigInteger.valueOf(2L * halfPoints * 10));
            }
            case RIGHT_FOUR -> {
                ppr.addNewJc().setVal(STJc.RIGHT);
                var ind = ppr.addNewInd(); // four characters
                ind.setRightChars(BigInteger.valueOf(400));
                ind.setRight(BigInteger.valueOf(4L * halfPoints * 10));
            }
        }
        if (outlineLevel >= 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        CTRPr rpr = ct.addNewRPr();
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setEastAsia(font);
        fonts.setAscii(font);
        fonts.setHAnsi(font);
        fonts.setCs(font);
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        return new XWPFStyle(ct, styles);
    }
}
