package org.civcheck.cli;

import static org.civcheck.cli.CheckCommandTest.civcheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** criteria diff: what a change of criteria does to the examples' results, before it goes live. */
class DiffCommandTest {

    @Test
    void theCitysHigherStudyMinimumMovesTheLibrarysTheoryStudy() {
        CheckCommandTest.Run run = civcheck("criteria", "diff", "criteria/provincial", "criteria/city-example");
        assertEquals(1, run.exit(), run.out() + run.err());
        String library = section(run.out(), "well-run-library.json · ××市图书馆");
        assertTrue(library.contains("  结论：可以通过（ready），未变"), library);
        assertTrue(library.matches("(?s).*    · 集中理论学习（theory-study）：达标 4/4 → 部分达标 [\\d.]+/4——理论学习仅\\d+次，要求≥36次\n.*"),
                library);
        assertTrue(library.contains("    · 职工满意度（staff-satisfaction）：达标 2/2 → 不适用 0/0——"), library);
        assertTrue(library.contains("  新出现的差距：集中理论学习（theory-study，−"), library);
        assertTrue(run.out().contains("汇总：5 个证据包中 5 个有变化"), run.out());
    }

    @Test
    void scoresAndMaximaAreShownBeforeAndAfter() {
        CheckCommandTest.Run run = civcheck("criteria", "diff", "criteria/provincial", "criteria/city-example",
                "examples/well-run-library.json");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*  得分：100 / 100 → [\\d.]+ / 99（−[\\d.]+）\n.*"), run.out());
        assertTrue(run.out().contains("汇总：1 个证据包中 1 个有变化：结论改变 0 个，得分升高 0 个、降低 1 个"), run.out());
    }

    @Test
    void identicalSetsMoveNothingAndExitZero() {
        CheckCommandTest.Run run = civcheck("criteria", "diff", "criteria/provincial", "criteria/provincial");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("well-run-library.json · ××市图书馆：没有变化（得分 100 / 100，可以通过（ready））"),
                run.out());
        assertTrue(run.out().contains("汇总：没有变化——5 个证据包在新旧测评体系下的得分、结论和各指标都相同。"), run.out());
    }

    @Test
    void aSetThatDoesNotLoadExitsTwo() {
        CheckCommandTest.Run run = civcheck("criteria", "diff", "criteria/provincial", "criteria/no-such-set");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("新测评体系 criteria/no-such-set（规则 rules）有误，未能比较（1 处）"), run.err());
        assertTrue(run.err().contains("不是一个目录"), run.err());
    }

    @Test
    void aPackageInTheWordsOfTheNationalSetIsReadInThemAndTheCitysStricterFestivalsShow() {
        CheckCommandTest.Run run = civcheck("criteria", "diff", "criteria/national-2012", "criteria/national-city-example",
                "examples/national-2012/county-hospital.json");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("围绕传统节日开展主题活动（our-festivals）：达标 6/6 → 部分达标 5/6"), run.out());
        assertTrue(run.out().contains("禁烟标识和无烟环境（no-smoking）：达标 2/2 → 不适用 0/0"), run.out());
    }

    @Test
    void aWorkbookAndAZipHoldingOneAreComparedAsTheirJsonAndZip(@TempDir Path dir) throws Exception {
        // The library's folder: its 台账 and the files of the example zip, packed as a liaison would.
        Path folder = Files.createDirectories(dir.resolve("library"));
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Path.of("examples/well-run-library.zip")))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.isDirectory() && !e.getName().equals("evidence.json")) {
                    Path file = folder.resolve(e.getName());
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
        Path book = folder.resolve("台账.xlsx");
        assertEquals(0, civcheck("export", "examples/well-run-library.json", "-o", book.toString()).exit());
        Path zip = dir.resolve("证据包.zip");
        assertEquals(0, civcheck("pack", folder.toString(), "-o", zip.toString()).exit());

        CheckCommandTest.Run run = civcheck("criteria", "diff", "criteria/provincial", "criteria/city-example",
                "examples/well-run-library.json", book.toString(), "examples/well-run-library.zip", zip.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        String fromJson = section(run.out(), "well-run-library.json · ××市图书馆");
        assertTrue(fromJson.contains("集中理论学习（theory-study）：达标 4/4 → 部分达标"), fromJson);
        assertEquals(body(fromJson), body(section(run.out(), "台账.xlsx · ××市图书馆")));
        assertEquals(body(section(run.out(), "well-run-library.zip · ××市图书馆")), body(section(run.out(), "证据包.zip · ××市图书馆")));
    }

    @Test
    void aWorkbooksFaultsAreNamedAtTheirCellsAndNothingIsCompared(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("台账.xlsx");
        assertEquals(0, civcheck("export", "examples/well-run-library.json", "-o", book.toString()).exit());
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(book)) {
            workbook = new XSSFWorkbook(in);
        }
        workbook.getSheet("活动台账").getRow(1).getCell(1).setCellValue("2025-02-30");
        try (OutputStream out = Files.newOutputStream(book)) {
            workbook.write(out);
        }
        workbook.close();

        CheckCommandTest.Run run = civcheck("criteria", "diff", "criteria/provincial", "criteria/city-example",
                book.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("证据包不符合格式要求（1 处）：" + book), run.err());
        assertTrue(run.err().contains("  活动台账!B2：日期“2025-02-30”不存在"), run.err());
        assertEquals("", run.out());
    }

    /** A package's section without its heading line (which names the file). */
    private static String body(String section) {
        return section.substring(section.indexOf('\n') + 1);
    }

    /** The lines of one package's section of the report, from its heading to the next blank line. */
    private static String section(String out, String heading) {
        int start = out.indexOf(heading + "\n");
        assertTrue(start >= 0, "no section " + heading + " in\n" + out);
        int end = out.indexOf("\n\n", start);
        return out.substring(start, end < 0 ? out.length() : end + 1);
    }
}
