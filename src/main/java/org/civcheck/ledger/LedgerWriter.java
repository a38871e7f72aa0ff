package org.civcheck.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civcheck.evidence.Attachment;
import org.civcheck.evidence.Department;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.Word;
import org.civcheck.evidence.WordField;

/**
 * Writes the 台账 workbook the layout declares: the blank template for a criteria set
 * ({@link #template}), or a package's records in it ({@link #export}). Words are written as their
 * Chinese names, dates as real Excel dates; word columns get drop-downs of the set's names (kept
 * on a hidden sheet 选项), number columns whole-number or decimal checks; headers are frozen and
 * repeated on every printed page.
 */
public final class LedgerWriter {

    /** The hidden sheet holding the drop-down lists. */
    static final String CHOICES = "选项";
    /** Rows of a table sheet the drop-downs and number checks cover. */
    static final int VALIDATED_ROWS = 5000;

    private final LedgerLayout layout;
    private XSSFWorkbook book;
    private CellStyle header;
    private CellStyle date;
    private CellStyle wrap;
    private CellStyle title;
    /** The drop-down lists in the order the columns first use them: the same workbook from the same package. */
    private final Map<WordField, String> lists = new LinkedHashMap<>();

    private LedgerWriter(LedgerLayout layout) {
        this.layout = layout;
    }

    /** A blank workbook for a criteria set whose words are {@code vocabulary}. */
    public static byte[] template(PackageVocabulary vocabulary) {
        return new LedgerWriter(LedgerLayout.of(vocabulary)).write(null);
    }

    /** The workbook of {@code pkg}, whose words {@code vocabulary} names in Chinese. */
    public static byte[] export(EvidencePackage pkg, PackageVocabulary vocabulary) {
        return new LedgerWriter(LedgerLayout.of(vocabulary)).write(pkg);
    }

    private byte[] write(EvidencePackage pkg) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book = wb;
            styles();
            Instructions.write(wb.createSheet(LedgerLayout.INSTRUCTIONS), layout, title, header, wrap);
            for (LedgerSheet sheet : layout.sheets()) {
                XSSFSheet s = wb.createSheet(sheet.name());
                if (sheet.form()) {
                    form(s, sheet, pkg == null ? Map.of() : RecordValues.rows(sheet, pkg).get(0), pkg);
                } else {
                    table(s, sheet, pkg == null ? List.of() : RecordValues.rows(sheet, pkg), pkg);
                }
            }
            choices();
            wb.setActiveSheet(pkg == null ? 0 : wb.getSheetIndex(LedgerLayout.ACTIVITIES));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("a workbook in memory cannot fail to write", e);
        }
    }

    private void styles() {
        Font bold = book.createFont();
        bold.setBold(true);
        header = book.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        wrap = book.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        Font big = book.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);
        title = book.createCellStyle();
        title.setFont(big);
    }

    /** A form sheet: header in column A, value in column B. */
    private void form(XSSFSheet s, LedgerSheet sheet, Map<String, Object> values, EvidencePackage pkg) {
        s.setColumnWidth(0, 18 * 256);
        s.setColumnWidth(1, 32 * 256);
        s.setColumnWidth(2, 60 * 256);
        Row top = s.createRow(0);
        cell(top, 0, "项目", header);
        cell(top, 1, "填写内容", header);
        cell(top, 2, "说明", header);
        for (int i = 0; i < sheet.columns().size(); i++) {
            Column c = sheet.columns().get(i);
            Row row = s.createRow(i + 1);
            cell(row, 0, c.title(), header);
            write(row.createCell(1), c, values.get(c.field()), pkg);
            cell(row, 2, c.hint(), wrap);
            validate(s, c, i + 1, i + 1, 1);
        }
        s.createFreezePane(0, 1);
        print(s, false);
    }

    /** A table sheet: headers in row 1, a record a row. */
    private void table(XSSFSheet s, LedgerSheet sheet, List<Map<String, Object>> rows, EvidencePackage pkg) {
        Row top = s.createRow(0);
        top.setHeightInPoints(32);
        for (int col = 0; col < sheet.columns().size(); col++) {
            Column c = sheet.columns().get(col);
            cell(top, col, c.title(), header);
            s.setColumnWidth(col, c.width() * 256);
            validate(s, c, 1, Math.max(VALIDATED_ROWS, rows.size()), col);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = s.createRow(r + 1);
            for (int col = 0; col < sheet.columns().size(); col++) {
                Column c = sheet.columns().get(col);
                write(row.createCell(col), c, rows.get(r).get(c.field()), pkg);
            }
        }
        s.createFreezePane(0, 1);
        s.setAutoFilter(new CellRangeAddress(0, Math.max(1, rows.size()), 0, sheet.columns().size() - 1));
        print(s, true);
    }

    private void print(XSSFSheet s, boolean landscape) {
        PrintSetup setup = s.getPrintSetup();
        setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
        setup.setLandscape(landscape);
        setup.setFitWidth((short) 1);
        setup.setFitHeight((short) 0);
        s.setFitToPage(true);
        s.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        s.setPrintGridlines(true);
    }

    /** Writes one value as the column says: words in Chinese, dates as dates, material as lines. */
    @SuppressWarnings("unchecked")
    private void write(Cell cell, Column c, Object value, EvidencePackage pkg) {
        switch (c.kind()) {
            case DATE -> {
                cell.setCellStyle(date);
                if (value instanceof LocalDate d) {
                    cell.setCellValue(d);
                }
            }
            case COUNT, QUANTITY -> {
                if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                }
            }
            case WORD -> {
                if (value != null) {
                    cell.setCellValue(layout.vocabulary().name(c.words(), value.toString()));
                }
            }
            case YES_NO -> {
                if (value instanceof Boolean b) {
                    cell.setCellValue(b ? "是" : "否");
                }
            }
            case FEATURED -> {
                if (value instanceof List<?> tags && tags.contains(CellValues.FEATURED_TAG)) {
                    cell.setCellValue("是");
                }
            }
            case TAGS -> {
                if (value instanceof List<?> tags) {
                    List<String> shown = new ArrayList<>();
                    tags.stream().map(Object::toString).filter(t -> !t.equals(CellValues.FEATURED_TAG)).forEach(shown::add);
                    if (!shown.isEmpty()) {
                        cell.setCellValue(String.join("、", shown));
                    }
                }
            }
            case DEPARTMENT_COUNTS -> {
                if (value instanceof Map<?, ?> attendance && !attendance.isEmpty()) {
                    cell.setCellValue(CellValues.attendance((Map<String, Integer>) attendance, departmentNames(pkg)));
                }
            }
            case FILES -> {
                if (value instanceof List<?> attachments) {
                    List<String> lines = new ArrayList<>();
                    for (Object o : attachments) {
                        Attachment a = (Attachment) o;
                        if (a.kind().equals(c.material())) {
                            lines.add(a.date() == null ? a.file() : a.file() + "（" + a.date() + "）");
                        }
                    }
                    if (!lines.isEmpty()) {
                        cell.setCellStyle(wrap);
                        cell.setCellValue(String.join("\n", lines));
                    }
                }
            }
            case FILE_NAMES -> {
                if (value instanceof List<?> files && !files.isEmpty()) {
                    cell.setCellStyle(wrap);
                    cell.setCellValue(String.join("\n", files.stream().map(Object::toString).toList()));
                }
            }
            case TEXT -> {
                if (value != null) {
                    cell.setCellValue(value.toString());
                }
            }
        }
    }

    private static Map<String, String> departmentNames(EvidencePackage pkg) {
        Map<String, String> names = new HashMap<>();
        if (pkg != null) {
            for (Department d : pkg.unit().departments()) {
                names.put(d.id(), d.name());
            }
        }
        return names;
    }

    /** The drop-down or number check of a column over rows {@code first..last} (0-based). */
    private void validate(XSSFSheet s, Column c, int first, int last, int col) {
        DataValidationHelper helper = s.getDataValidationHelper();
        DataValidationConstraint constraint = switch (c.kind()) {
            case WORD -> helper.createFormulaListConstraint(list(c.words()));
            case YES_NO, FEATURED -> helper.createExplicitListConstraint(new String[] {"是", "否"});
            case COUNT -> helper.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
            case QUANTITY -> helper.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
            case DATE -> helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "DATE(1990,1,1)", "DATE(2100,12,31)", null);
            default -> null;
        };
        if (constraint == null) {
            return;
        }
        DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(first, last, col, col));
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox("填写有误", switch (c.kind()) {
            case WORD, YES_NO, FEATURED -> "请从下拉列表中选择";
            case COUNT -> "请填写不小于0的整数";
            case QUANTITY -> "请填写不小于0的数";
            default -> "请填写日期，如 2025-03-14";
        });
        v.setSuppressDropDownArrow(c.kind() == CellKind.WORD || c.kind() == CellKind.YES_NO || c.kind() == CellKind.FEATURED);
        s.addValidationData(v);
    }

    /** The name of the range on the 选项 sheet holding the Chinese names of {@code field}'s words. */
    private String list(WordField field) {
        return lists.computeIfAbsent(field, f -> "选项_" + f.label());
    }

    /** The hidden sheet of the drop-down lists, one column per vocabulary used, and their names. */
    private void choices() {
        XSSFSheet s = book.createSheet(CHOICES);
        int col = 0;
        for (Map.Entry<WordField, String> e : lists.entrySet()) {
            List<Word> words = layout.vocabulary().words(e.getKey());
            Row top = row(s, 0);
            top.createCell(col).setCellValue(e.getKey().label());
            for (int i = 0; i < words.size(); i++) {
                row(s, i + 1).createCell(col).setCellValue(words.get(i).name());
            }
            Name name = book.createName();
            name.setNameName(e.getValue());
            String letter = CellReference.convertNumToColString(col);
            name.setRefersToFormula("'" + CHOICES + "'!$" + letter + "$2:$" + letter + "$" + Math.max(2, words.size() + 1));
            col++;
        }
        book.setSheetHidden(book.getSheetIndex(s), true);
    }

    private static Row row(XSSFSheet s, int index) {
        Row row = s.getRow(index);
        return row != null ? row : s.createRow(index);
    }

    private static void cell(Row row, int col, String text, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(text);
        cell.setCellStyle(style);
    }

}
