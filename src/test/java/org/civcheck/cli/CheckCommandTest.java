package org.civcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a coordinator uses it: reports, exit codes, and clear errors. */
class CheckCommandTest {

    /** What one run of the command line gave. */
    record Run(int exit, String out, String err) {}

    static Run civcheck(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Set<String> gapClasses(Run run) throws IOException {
        JsonNode result = new ObjectMapper().readTree(run.out());
        Set<String> classes = new TreeSet<>();
        result.get("gaps").forEach(g -> classes.add(g.get("problem").asText()));
        return classes;
    }

    @Test
    void aWellRunUnitIsReadyAndExitsZero() {
        Run run = civcheck("check", "examples/well-run-library.json");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("结论：可以通过\n"), run.out());
        assertTrue(run.out().contains("差距清单：无"), run.out());
    }

    @Test
    void theZipOfTheSameUnitGivesTheSameVerdict() {
        Run run = civcheck("check", "examples/well-run-library.zip");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("结论：可以通过\n"), run.out());
    }

    @Test
    void theSeedOfficeShowsTheThreeProblemsOfItsReport() throws IOException {
        Run run = civcheck("check", "examples/seed-district-office.json", "--format", "json");
        assertEquals(1, run.exit(), run.err());
        Set<String> classes = gapClasses(run);
        assertTrue(classes.containsAll(Set.of("mechanism", "participation", "diversity")), classes.toString());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertEquals("not-ready", result.get("verdict").asText());
    }

    @Test
    void theSeedOfficeTextReportGroupsGapsUnderTheReportsHeadings() {
        Run run = civcheck("check", "examples/seed-district-office.json");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("【创建参与度还不够充分】5 项"), run.out());
        assertTrue(run.out().contains("【创建形式还不够多样】8 项"), run.out());
        assertTrue(run.out().contains("长效机制不够健全】6 项"), run.out());
        assertTrue(run.out().contains("评估期：2025年1月1日至2025年12月31日  复查日期：2026年1月20日"), run.out());
        assertFalse(Pattern.compile("not-ready|participation|diversity|mechanism|qw-office|\\d{4}-\\d{2}-\\d{2}|\\$[.\\[]")
                .matcher(run.out()).find(), "no code word, id, ISO date or JSON path: " + run.out());
        assertTrue(run.out().indexOf("结论：") < run.out().indexOf("差距清单"), "the verdict comes before the gaps");
    }

    @Test
    void theTerminalReportNamesTheEvidenceByDateAndTitleNeverById() {
        Run rushed = civcheck("check", "examples/rushed-before-inspection.json");
        assertTrue(rushed.out().contains("依据：3月5日“学雷锋志愿服务”、12月1日“志愿服务”"), rushed.out());
        Run vetoed = civcheck("check", "examples/vetoed-water-bureau.json");
        assertTrue(vetoed.out().contains("依据：9月3日“一名副局长因严重违纪被立案审查”"), vetoed.out());
        Pattern id = Pattern.compile("\\b(act|doc|inc)-\\d+");
        for (String example : List.of("seed-district-office", "rushed-before-inspection", "vetoed-water-bureau",
                "well-run-library")) {
            for (String[] asOf : List.<String[]>of(new String[0], new String[] {"--as-of", "2025-06-30"})) {
                List<String> args = new java.util.ArrayList<>(List.of("check", "examples/" + example + ".json"));
                args.addAll(List.of(asOf));
                Run run = civcheck(args.toArray(String[]::new));
                assertFalse(id.matcher(run.out()).find(), example + " " + List.of(asOf) + ": " + run.out());
            }
        }
    }

    @Test
    void aSeriousDisciplineCaseVetoesAnOtherwiseGoodUnit() throws IOException {
        Run run = civcheck("check", "examples/vetoed-water-bureau.json", "--format", "json");
        assertEquals(1, run.exit());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertEquals("vetoed", result.get("verdict").asText());
        assertTrue(result.get("score").asDouble() >= result.get("passScore").asDouble(), "vetoed whatever the score");
        assertEquals("inc-1", result.get("vetoes").get(0).get("evidence").get(0).asText());
        assertEquals("conduct", result.get("gaps").get(0).get("problem").asText());
    }

    @Test
    void aYearRushedIntoTheWeeksBeforeTheInspectionIsAMechanismProblem() throws IOException {
        Run run = civcheck("check", "examples/rushed-before-inspection.json", "--format", "json");
        assertEquals(1, run.exit());
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertTrue(Set.of("not-ready", "at-risk").contains(result.get("verdict").asText()));
        JsonNode regular = null;
        for (JsonNode g : result.get("gaps")) {
            if (g.get("indicator").asText().equals("regular-work")) {
                regular = g;
            }
        }
        assertTrue(regular != null, "the regular-work gap is listed");
        assertEquals("mechanism", regular.get("problem").asText());
        assertTrue(regular.get("message").asText().contains("在迎检前6周内开展"), regular.get("message").asText());
    }

    @Test
    void theJsonResultCarriesTheContractFields() throws IOException {
        Run run = civcheck("check", "examples/seed-district-office.json", "--format", "json");
        JsonNode result = new ObjectMapper().readTree(run.out());
        for (String field : new String[] {"unit", "criteria", "score", "maxScore", "passScore", "verdict", "categories",
                "indicators", "vetoes", "gaps", "warnings"}) {
            assertTrue(result.has(field), "result has " + field);
        }
        assertEquals(64, result.get("criteria").get("sha256").asText().length());
        assertEquals(100.0, result.get("maxScore").asDouble());
        double previous = Double.MAX_VALUE;
        for (JsonNode g : result.get("gaps")) {
            assertTrue(g.get("pointsAtStake").asDouble() <= previous, "gaps sorted by points at stake");
            previous = g.get("pointsAtStake").asDouble();
            assertTrue(!g.get("remedy").asText().isBlank(), "every gap has a remedy");
        }
    }

    @Test
    void aBadPackageExitsTwoNamingTheJsonPathAndPrintsNoReport(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("examples/well-run-library.json"))
                .replaceFirst("\"date\": \"2025-01-08\"", "\"date\": \"2025-02-30\"");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text);
        Run run = civcheck("check", bad.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("$.activities[0].date"), run.err());
        assertEquals("", run.out());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "checking writes nothing beside the package");
        }
    }

    @Test
    void checkWritesTheReviewTableBesideTheReport(@TempDir Path dir) throws IOException {
        Path table = dir.resolve("复查表.csv");
        Run run = civcheck("check", "examples/seed-district-office.json", "--table", table.toString());
        assertEquals(1, run.exit(), run.err());
        String csv = Files.readString(table, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF文明单位复查表（自评）· ××区委办公室"), csv.substring(0, 30));
        assertTrue(csv.contains("\r\n测评项目,测评内容,分值"), "the column titles follow the header lines");
        assertTrue(run.err().contains("复查表已写入"), run.err());
    }

    @Test
    void checkWritesTheReportDraftAsMarkdown(@TempDir Path dir) throws IOException {
        Path draft = dir.resolve("自查报告.md");
        Run run = civcheck("check", "examples/seed-district-office.json", "--draft", draft.toString());
        assertEquals(1, run.exit(), run.err());
        String text = Files.readString(draft, StandardCharsets.UTF_8);
        assertTrue(text.contains("二、创建工作中存在的主要问题"), text);
        assertTrue(text.contains("创建形式还不够多样"), text);
    }

    @Test
    void aTableWithAnUnknownExtensionIsAUsageErrorWithExitTwo(@TempDir Path dir) {
        Run run = civcheck("check", "examples/seed-district-office.json", "--table", dir.resolve("t.pdf").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(".xlsx 或 .csv"), run.err());
    }

    @Test
    void aMissingPackageFileExitsTwo() {
        Run run = civcheck("check", "examples/no-such-package.json");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("找不到证据包文件"), run.err());
    }

    @Test
    void anUnknownFormatIsAUsageErrorWithExitTwo() {
        Run run = civcheck("check", "examples/well-run-library.json", "--format", "xml");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("用法错误"), run.err());
    }

    @Test
    void aRuleThatDoesNotCompileExitsTwoNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = copy(Path.of("rules"), dir.resolve("rules"));
        Path count = rules.resolve("count.drl");
        Files.writeString(count, Files.readString(count).replace("insert(new Measure(", "insert(new Measur("));
        Run run = civcheck("check", "examples/well-run-library.json", "--rules", rules.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().matches("(?s).*count\\.drl:\\d+: .*"), run.err());
    }

    @Test
    void criteriaWhosePointsDoNotAddUpExitTwoNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path criteria = copy(Path.of("criteria/provincial"), dir.resolve("provincial"));
        Path indicators = criteria.resolve("indicators.yaml");
        Files.writeString(indicators, Files.readString(indicators).replaceFirst("max: 14", "max: 15"));
        Run run = civcheck("check", "examples/well-run-library.json", "--criteria", criteria.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("indicators.yaml:"), run.err());
        assertTrue(run.err().contains("满分为 15，但其指标分值合计为 14"), run.err());
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.write(to.resolve(f.getFileName().toString()),
                        Files.readString(f, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
            }
        }
        return to;
    }
}
