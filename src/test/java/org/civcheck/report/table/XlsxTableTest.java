package org.civcheck.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civcheck.engine.Assessment;
import org.junit.jupiter.api.Test;

class XlsxTableTest {

    @Test
    void theWorkbookOpensAndHoldsTheTable() throws IOException {
        SeedTable.Run run = SeedTable.provincial();
        Assessment a = run.assessment();
        ReviewTable table = ReviewTables.table(a, run.criteria());
        byte[] bytes = ReviewTables.xlsx(a, run.criteria());

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertEquals(2, wb.getNumberOfSheets());
            assertEquals(ReviewTable.EVIDENCE_LIST, wb.getSheetName(1));
            XSSFSheet sheet = wb.getSheet("复查表");
            assertNotNull(sheet);

            // Title merged across all eight columns; header information below it.
            assertEquals("文明单位复查表（自评）· ××区委办公室", sheet.getRow(0).getCell(0).getStringCellValue());
            assertTrue(sheet.getMergedRegions().contains(new CellRangeAddress(0, 0, 0, 7)));
            String who = sheet.getRow(1).getCell(0).getStringCellValue();
            assertTrue(who.contains("单位：××区委办公室　　评估期：2025年1月1日至2025年12月31日"), who);
            assertFalse(who.contains("qw-office"), "no unit id: " + who);
            assertEquals(ReviewTable.NOTE, sheet.getRow(4).getCell(0).getStringCellValue());
            assertEquals("××区委办公室", sheet.getHeader().getLeft());
            assertEquals("结论：难以通过", sheet.getHeader().getRight());
            assertTrue(sheet.getFooter().getCenter().contains("&P"), "page numbers");
            assertEquals(XlsxTable.HEADER_ROW, sheet.getRepeatingRows().getFirstRow(), "the column titles print on every page");
            assertEquals(XlsxTable.HEADER_ROW, sheet.getRepeatingRows().getLastRow());
            for (int n = 0; n < table.rows().size(); n++) {
                ReviewTable.Row row = table.rows().get(n);
                float needed = XlsxTable.height(row.remark(), 70);
                assertTrue(sheet.getRow(XlsxTable.HEADER_ROW + 1 + n).getHeightInPoints() >= needed,
                        "row tall enough for its 说明: " + row.indicator());
                assertTrue(row.remark().codePointCount(0, row.remark().length()) <= 500, row.indicator());
            }
            String outcome = sheet.getRow(2).getCell(0).getStringCellValue();
            assertTrue(outcome.contains("自评得分：59 / 100") && outcome.contains("合格线：85")
                    && outcome.contains("结论：难以通过"), outcome);

            // Column titles, frozen below them.
            XSSFRow head = sheet.getRow(XlsxTable.HEADER_ROW);
            for (int c = 0; c < ReviewTable.COLUMNS.size(); c++) {
                assertEquals(ReviewTable.COLUMNS.get(c), head.getCell(c).getStringCellValue());
            }
            assertEquals(XlsxTable.HEADER_ROW + 1, sheet.getPaneInformation().getHorizontalSplitTopRow());
            assertTrue(sheet.getPaneInformation().isFreezePane());
            assertTrue(sheet.getColumnWidth(7) > sheet.getColumnWidth(2) * 5);

            List<ReviewTable.Row> rows = table.rows();
            assertEquals(XlsxTable.HEADER_ROW + rows.size(), sheet.getLastRowNum());
            for (int n = 0; n < rows.size(); n++) {
                ReviewTable.Row row = rows.get(n);
                XSSFRow x = sheet.getRow(XlsxTable.HEADER_ROW + 1 + n);
                assertEquals(row.category(), x.getCell(0).getStringCellValue());
                assertEquals(row.indicator(), x.getCell(1).getStringCellValue());
                number(row.points(), x.getCell(2));
                assertEquals(row.method(), x.getCell(3).getStringCellValue());
                number(row.score(), x.getCell(4));
                assertEquals(row.statusName(), x.getCell(5).getStringCellValue());
                assertEquals(row.evidenceText(), x.getCell(6).getStringCellValue());
                assertEquals(row.remark(), x.getCell(7).getStringCellValue());
                assertTrue(x.getCell(7).getCellStyle().getWrapText());
                boolean bold = row.kind() != ReviewTable.Kind.INDICATOR;
                assertEquals(bold, wb.getFontAt(x.getCell(0).getCellStyle().getFontIndex()).getBold(), row.category());
                assertEquals(bold, wb.getFontAt(x.getCell(4).getCellStyle().getFontIndex()).getBold());
            }

            // The seed's first row and its total, read straight from the cells.
            XSSFRow first = sheet.getRow(XlsxTable.HEADER_ROW + 1);
            assertEquals("年初制定年度创建计划", first.getCell(1).getStringCellValue());
            assertEquals(3.0, first.getCell(2).getNumericCellValue());
            assertEquals(0.0, first.getCell(4).getNumericCellValue());
            assertEquals("未达标", first.getCell(5).getStringCellValue());
            XSSFRow total = sheet.getRow(sheet.getLastRowNum());
            assertEquals("合计", total.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, total.getCell(4).getCellType());
            assertEquals(59.0, total.getCell(4).getNumericCellValue());
            assertEquals(100.0, total.getCell(2).getNumericCellValue());
        }
    }

    @Test
    void aNotApplicableIndicatorHasBlankNumberCells() throws IOException {
        SeedTable.Run run = SeedTable.city();
        byte[] bytes = ReviewTables.xlsx(run.assessment(), run.criteria());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = wb.getSheet("复查表");
            boolean found = false;
            for (int r = XlsxTable.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                XSSFRow x = sheet.getRow(r);
                if (x.getCell(5).getStringCellValue().equals("不适用")) {
                    found = true;
                    assertEquals(CellType.BLANK, x.getCell(2).getCellType());
                    assertEquals(CellType.BLANK, x.getCell(4).getCellType());
                }
            }
            assertTrue(found);
        }
    }

    private static void number(Double expected, XSSFCell cell) {
        if (expected == null) {
            assertEquals(CellType.BLANK, cell.getCellType());
        } else {
            assertEquals(CellType.NUMERIC, cell.getCellType());
            assertEquals(expected, cell.getNumericCellValue(), 1e-9);
        }
        assertFalse(cell.getCellType() == CellType.STRING);
    }
}
