package org.civcheck.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civcheck.bench.SyntheticPackages;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.Test;

/**
 * The 复查表 of a unit with 10,000 activities: an indicator rests on thousands of them, more than an
 * Excel cell can hold (32,767 characters). Each cell stays readable — the first numbers and how
 * many — and the full list is on the workbook's second sheet; the CSV is as short.
 */
class LargeTableTest {

    /** What a cell of the 复查表 may hold: a 说明 of 500 characters, or a few ids and their count. */
    private static final int READABLE = 600;

    @Test
    void tenThousandActivitiesGiveReadableCellsAndTheFullListApart() throws Exception {
        AssessorLoading loading = AssessorLoading.load(Path.of("criteria/provincial"), Path.of("rules"));
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults())
                .read(SyntheticPackages.json(10_000), "package.json");
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        Assessment a = loading.assessor().assess(reading.evidence(), reading.warnings());
        int longest = a.indicators().stream().mapToInt(i -> String.join("、", i.evidence()).length()).max().orElse(0);
        assertTrue(longest > 32_767, "an indicator's numbers together overflow an Excel cell: " + longest);

        byte[] xlsx = ReviewTables.xlsx(a, loading.assessor().criteria());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet table = wb.getSheet(XlsxTable.SHEET);
            for (Row row : table) {
                for (Cell cell : row) {
                    String text = cell.toString();
                    assertTrue(text.length() <= READABLE, "cell " + cell.getAddress() + " holds " + text.length());
                }
            }
            Map<String, List<String>> listed = new LinkedHashMap<>();
            for (Row row : wb.getSheet(ReviewTable.EVIDENCE_LIST)) {
                if (row.getRowNum() > 0) {
                    listed.computeIfAbsent(row.getCell(1).getStringCellValue(), k -> new ArrayList<>())
                            .addAll(List.of(row.getCell(3).getStringCellValue().split("、")));
                }
            }
            for (Assessment.IndicatorScore i : a.indicators()) {
                assertEquals(i.evidence(), listed.getOrDefault(i.name(), List.of()), "all numbers of " + i.name());
            }
            Assessment.IndicatorScore most = a.indicators().stream()
                    .max(java.util.Comparator.comparingInt(i -> i.evidence().size())).orElseThrow();
            String cell = findCell(table, most.name(), 6);
            assertTrue(cell.startsWith(most.evidence().get(0) + "、") && cell.endsWith(" 等" + most.evidence().size() + "项"),
                    cell);
        }

        String csv = new String(ReviewTables.csv(a, loading.assessor().criteria()), StandardCharsets.UTF_8);
        for (List<String> record : CsvTableTest.parse(csv.substring(1))) {
            for (String field : record) {
                assertTrue(field.length() <= READABLE, "a CSV field of " + field.length() + " characters");
            }
        }
    }

    private static String findCell(XSSFSheet sheet, String indicator, int column) {
        for (Row row : sheet) {
            if (row.getCell(1) != null && indicator.equals(row.getCell(1).toString())) {
                return row.getCell(column).getStringCellValue();
            }
        }
        throw new AssertionError(indicator + " has no row");
    }
}
