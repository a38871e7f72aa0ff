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
    public static final int HEADER_ROW = 4;

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
            info(sheet, 1, last, s, String.format("单位：%s（%s）　　评估期：%s 至 %s　　复查日期：%s", h.unitName(),
                    h.unitId(), h.periodFrom(), h.periodTo(), h.inspectionDate()));
            info(sheet, 2, last, s, String.format("测评体系：%s（%s 版）　　自评得分：%s / %s　　合格线：%s　　结论：%s",
                    h.criteriaName(), h.criteriaVersion(), Numbers.text(h.score()), Numbers.text(h.maxScore()),
                    Numbers.text(h.passScore()), h.verdictName()));
            info(sheet, 3, last, s, "结论说明：" + h.verdictReason());

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
            }

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

    private static void info(XSSFSheet sheet, int r, int last, Styles s, String value) {
        Row row = sheet.createRow(r);
        text(row, 0, value, s.info);
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
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
