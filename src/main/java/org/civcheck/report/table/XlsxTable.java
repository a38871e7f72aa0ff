package org.civcheck.report.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 复查表 as an .xlsx workbook (POI XSSF): one sheet 复查表 with a title row merged across the
 * columns, three rows of header information (unit and period; criteria, score and verdict; the
 * verdict's reason), the column titles (frozen, and repeated on every printed page), then the
 * rows. 分值 and 自评得分 are numeric cells (blank for a not-applicable indicator); 佐证材料编号 and
 * 说明 wrap; subtotal and total rows are bold. Prints landscape on A4, one page wide.
 */
public final class XlsxTable {

    /** The sheet's name. */
    public static final String SHEET = "复查表";
    /** The index (0-based) of the column-title row; data rows follow it. */
    public static final int HEADER_ROW = 5;
    /** Points per line of wrapped 11-point text, and the most a row may be (Excel's limit is 409). */
    private static final float LINE_POINTS = 15f;
    private static final float MAX_ROW_POINTS = 409f;

    /** Column widths in characters (a CJK character counts about two). */
    private static final int[] WIDTHS = {20, 26, 7, 11, 9, 10, 28, 70};
    private static final int POINTS = 2;
    private static final int SCORE = 4;

    private XlsxTable() {}

    public static byte[] write(ReviewTable table) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles s = new Styles(wb);
            XSSFSheet sheet = wb.createSheet(SHEET);
            int last = ReviewTable.COLUMNS.size() - 1;
            for (int c = 0; c <= last; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }

            ReviewTable.Header h = table.header();
            Row title = sheet.createRow(0);
            title.setHeightInPoints(28);
            text(title, 0, h.title(), s.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            List<String> lines = h.lines();
            int totalWidth = java.util.Arrays.stream(WIDTHS).sum();
            for (int i = 0; i < lines.size(); i++) {
                info(sheet, i + 1, last, s, lines.get(i)).setHeightInPoints(height(lines.get(i), totalWidth));
            }

            Row head = sheet.createRow(HEADER_ROW);
            List<String> columns = ReviewTable.COLUMNS;
            for (int c = 0; c < columns.size(); c++) {
                text(head, c, columns.get(c), s.head);
            }
            sheet.createFreezePane(0, HEADER_ROW + 1);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, last));

            int r = HEADER_ROW + 1;
            for (ReviewTable.Row row : table.rows()) {
                boolean bold = row.kind() != ReviewTable.Kind.INDICATOR;
                Row x = sheet.createRow(r++);
                text(x, 0, row.category(), bold ? s.boldText : s.text);
                text(x, 1, row.indicator(), bold ? s.boldText : s.text);
                number(x, POINTS, row.points(), bold ? s.boldNumber : s.number);
                text(x, 3, row.method(), bold ? s.boldText : s.center);
                number(x, SCORE, row.score(), bold ? s.boldNumber : s.number);
                text(x, 5, row.statusName(), bold ? s.boldText : s.center);
                text(x, 6, row.evidenceText(), bold ? s.boldText : s.text);
                text(x, 7, row.remark(), bold ? s.boldText : s.text);
                x.setHeightInPoints(Math.max(height(row.indicator(), WIDTHS[1]),
                        Math.max(height(row.evidenceText(), WIDTHS[6]), height(row.remark(), WIDTHS[7]))));
            }
            evidenceSheet(wb, table, s);

            // Printed: the unit and the verdict at the head of every page, the page number at its foot.
            sheet.getHeader().setLeft(h.unitName());
            sheet.getHeader().setRight("结论：" + h.verdictName());
            sheet.getFooter().setCenter("第 &P 页，共 &N 页");

            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);

            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row info(XSSFSheet sheet, int r, int last, Styles s, String value) {
        Row row = sheet.createRow(r);
        text(row, 0, value, s.info);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
        return row;
    }

    /** Every material number, a hundred to a line, under the indicator it supports. */
    private static void evidenceSheet(XSSFWorkbook wb, ReviewTable table, Styles s) {
        XSSFSheet sheet = wb.createSheet(ReviewTable.EVIDENCE_LIST);
        int[] widths = {20, 26, 12, 90};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        Row head = sheet.createRow(0);
        List<String> columns = List.of("测评项目", "测评内容", "第几项", "佐证材料编号");
        for (int c = 0; c < columns.size(); c++) {
            text(head, c, columns.get(c), s.head);
        }
        sheet.createFreezePane(0, 1);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, 0, columns.size() - 1));
        int r = 1;
        for (List<String> line : table.evidenceLines()) {
            Row x = sheet.createRow(r++);
            for (int c = 0; c < line.size(); c++) {
                text(x, c, line.get(c), c == 2 ? s.center : s.text);
            }
            x.setHeightInPoints(height(line.get(3), widths[3]));
        }
        sheet.getHeader().setLeft(table.header().unitName());
        sheet.getHeader().setRight(ReviewTable.EVIDENCE_LIST);
        sheet.getFooter().setCenter("第 &P 页，共 &N 页");
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }

    /**
     * The height a wrapped cell of {@code widthChars} needs for {@code text}: its display width (a CJK
     * character counts two) over the column's, in lines of {@value #LINE_POINTS} points, at most Excel's limit.
     */
    static float height(String text, int widthChars) {
        if (text == null || text.isEmpty()) {
            return LINE_POINTS;
        }
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            int width = paragraph.codePoints().map(cp -> cp < 0x1100 ? 1 : 2).sum();
            lines += Math.max(1, (int) Math.ceil(width / (double) Math.max(1, widthChars - 1)));
        }
        return Math.min(MAX_ROW_POINTS, lines * LINE_POINTS + 4);
    }

    private static void text(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int c, Double value, CellStyle style) {
        Cell cell = row.createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    /** The workbook's cell styles. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle info;
        final CellStyle head;
        final CellStyle text;
        final CellStyle center;
        final CellStyle number;
        final CellStyle boldText;
        final CellStyle boldNumber;

        Styles(XSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 16);

            title = wb.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            info = wb.createCellStyle();
            info.setWrapText(true);
            info.setVerticalAlignment(VerticalAlignment.CENTER);

            head = bordered(wb);
            head.setFont(bold);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            text = bordered(wb);
            center = bordered(wb);
            center.setAlignment(HorizontalAlignment.CENTER);
            number = bordered(wb);
            number.setAlignment(HorizontalAlignment.CENTER);

            boldText = bordered(wb);
            boldText.setFont(bold);
            boldNumber = bordered(wb);
            boldNumber.setFont(bold);
            boldNumber.setAlignment(HorizontalAlignment.CENTER);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle style = wb.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setWrapText(true);
            return style;
        }
    }
}
