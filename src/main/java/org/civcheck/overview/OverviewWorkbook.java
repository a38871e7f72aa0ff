package org.civcheck.overview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civcheck.store.Overview;
import org.civcheck.store.OverviewRow;

/**
 * The overview as an .xlsx workbook: sheet 单位一览 (one row per unit of the selection, in the
 * page's order, with the page's words; scores and changes as numbers, so Excel can sort and sum
 * them) and sheet 共性问题 (the indicators and problem classes with gaps in most units). Written
 * streaming, a window of rows in memory, whatever the number of units.
 */
public final class OverviewWorkbook {

    public static final String UNITS_SHEET = "单位一览";
    public static final String GAPS_SHEET = "共性问题";
    public static final List<String> UNIT_COLUMNS = List.of("单位名称", "地区", "文明单位级别", "结论", "得分", "满分",
            "最近自查日期", "较上次变化", "年中进度");
    public static final List<String> GAP_COLUMNS = List.of("类别", "名称", "单位数", "占比");

    private OverviewWorkbook() {}

    /** The workbook of {@code rows} and the common gaps of {@code numbers} (its rows are not used). */
    public static byte[] write(String scope, List<OverviewRow> rows, Overview numbers) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle head = book.createCellStyle();
            head.setFont(bold);
            Sheet units = book.createSheet(UNITS_SHEET);
            header(units, UNIT_COLUMNS, head);
            int r = 1;
            for (OverviewRow row : rows) {
                Row line = units.createRow(r++);
                text(line, 0, row.unitName());
                text(line, 1, OverviewWords.region(row.regionId()));
                text(line, 2, OverviewWords.level(row.level()));
                text(line, 3, OverviewWords.verdict(row.verdict()));
                number(line, 4, row.score());
                number(line, 5, row.maxScore());
                text(line, 6, OverviewWords.checked(row));
                if (row.change() != null) {
                    number(line, 7, row.change());
                } else {
                    text(line, 7, OverviewWords.change(row));
                }
                text(line, 8, OverviewWords.progress(row));
            }
            widths(units, 36, 24, 16, 10, 8, 8, 16, 12, 30);
            units.createFreezePane(0, 1);

            Sheet gaps = book.createSheet(GAPS_SHEET);
            header(gaps, GAP_COLUMNS, head);
            long total = numbers.verdicts().values().stream().mapToLong(Long::longValue).sum();
            r = 1;
            for (Overview.CommonGap g : numbers.indicators()) {
                r = gap(gaps, r, "测评内容", g, total);
            }
            for (Overview.CommonGap g : numbers.problems()) {
                r = gap(gaps, r, "存在的主要问题", g, total);
            }
            Row note = gaps.createRow(r + 1);
            text(note, 0, "范围：" + scope + "，共 " + total + " 个单位；按各单位最近一次自查统计");
            widths(gaps, 16, 36, 10, 10);
            gaps.createFreezePane(0, 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            book.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int gap(Sheet sheet, int r, String kind, Overview.CommonGap g, long total) {
        Row line = sheet.createRow(r);
        text(line, 0, kind);
        text(line, 1, g.name());
        number(line, 2, (double) g.units());
        text(line, 3, total == 0 ? "0%" : org.civcheck.report.page.Formats.percent((double) g.units() / total));
        return r + 1;
    }

    private static void header(Sheet sheet, List<String> columns, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(columns.get(i));
            cell.setCellStyle(style);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void number(Row row, int column, Double value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void widths(Sheet sheet, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sheet.setColumnWidth(i, chars[i] * 256);
        }
    }
}
