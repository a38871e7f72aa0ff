package org.civcheck.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A blank 台账 workbook as a liaison fills it on the first day: the unit, one department and one
 * activity, typed into the cells under the headings (found by their words, not their places), dates
 * as the real dates Excel makes of "2025-03-14".
 */
public final class FilledTemplate {

    /** The unit's name written into the 单位 sheet. */
    public static final String UNIT_NAME = "××街道办事处";

    private FilledTemplate() {}

    /** {@code template} with the unit, one department (综合科, 12 people) and one activity (理论学习 on 2025-03-14). */
    public static byte[] withOneActivity(byte[] template) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            Map<String, Object> unit = new LinkedHashMap<>();
            unit.put("单位编号", "jd-office");
            unit.put("单位名称", UNIT_NAME);
            unit.put("文明单位级别", "市级");
            unit.put("在岗职工人数", 12);
            unit.put("材料期间开始", LocalDate.of(2025, 1, 1));
            unit.put("材料期间结束", LocalDate.of(2025, 12, 31));
            form(book.getSheet("单位"), unit, date);
            Map<String, Object> department = new LinkedHashMap<>();
            department.put("科室名称", "综合科");
            department.put("人数", 12);
            firstRow(book.getSheet("科室"), department, date);
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("日期", LocalDate.of(2025, 3, 14));
            activity.put("活动名称", "集中理论学习");
            activity.put("活动类型", "理论学习");
            activity.put("组织方", "本单位");
            activity.put("各科室参加人数", "综合科10");
            firstRow(book.getSheet("活动台账"), activity, date);
            book.write(out);
            return out.toByteArray();
        }
    }

    /** A form sheet: each value in column B, beside its label in column A. */
    private static void form(Sheet sheet, Map<String, Object> values, CellStyle date) {
        for (Row row : sheet) {
            Object value = values.get(label(row.getCell(0)));
            if (value != null) {
                put(row.getCell(1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK), value, date);
            }
        }
    }

    /** A table sheet: the values in row 2, each under its heading in row 1. */
    private static void firstRow(Sheet sheet, Map<String, Object> values, CellStyle date) {
        Row headings = sheet.getRow(0);
        Row row = sheet.getRow(1) != null ? sheet.getRow(1) : sheet.createRow(1);
        for (Cell heading : headings) {
            Object value = values.get(label(heading));
            if (value != null) {
                put(row.getCell(heading.getColumnIndex(), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK), value, date);
            }
        }
    }

    /** A heading without its mark of a required column: "日期*" → "日期". */
    private static String label(Cell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell).replace("*", "").trim();
    }

    private static void put(Cell cell, Object value, CellStyle date) {
        if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else if (value instanceof Integer n) {
            cell.setCellValue(n);
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
