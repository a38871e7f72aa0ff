package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The silent mistakes a rule author made in criteria YAML, each now named by lint with its file
 * and line: one test per mistake, on a copy of the provincial set changed in that one place.
 */
class AuthorMistakesLintTest {

    private static final String PLAN = "params: { documentKind: annual-plan, min: 1, deadline: \"03-31\", leadDays: 90, "
            + "lateFinding: 缺乏统筹安排和提前谋划 }";
    private static final String SYSTEMS = "params: { documentKind: system, min: 2 }";
    private static final String STUDY = "params: { types: [theory-study], min: 24 }";

    @TempDir
    static Path dir;

    private static int copies;

    @BeforeAll
    static void theProvincialSetLintsClean() throws IOException {
        List<LintFinding> findings = new CriteriaLinter().lint(Path.of("criteria/provincial"), Path.of("rules"));
        assertEquals(List.of(), findings.stream().map(LintFinding::toString).toList());
    }

    /** Lints a copy of the provincial set with {@code from} replaced by {@code to} in indicators.yaml. */
    private static List<String> lint(String from, String to) throws IOException {
        Path set = dir.resolve("set" + copies++);
        Files.createDirectories(set);
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, set.resolve(f.getFileName()));
            }
        }
        Path indicators = set.resolve("indicators.yaml");
        String yaml = Files.readString(indicators);
        assertTrue(yaml.contains(from), from);
        Files.writeString(indicators, yaml.replace(from, to));
        return new CriteriaLinter().lint(set, Path.of("rules")).stream()
                .map(f -> f.severity() + " " + f.file() + ":" + f.line() + " " + f.message()).toList();
    }

    private static int line(String text) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("criteria/provincial/indicators.yaml"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorNotTheLastValueSilently() throws IOException {
        assertEquals(List.of("ERROR indicators.yaml:" + line(STUDY) + " YAML 语法错误：同一映射中键“min”出现了两次（后一个会悄悄覆盖前一个），请删去其中一个"),
                lint(STUDY, "params: { types: [theory-study], min: 24, min: 2 }"));
    }

    @Test
    void aListWhereOneDocumentKindIsExpectedIsAnError() throws IOException {
        assertEquals(List.of("ERROR indicators.yaml:" + line(SYSTEMS)
                        + " 参数 documentKind（文件种类）应为一个值，不是列表：每个指标只能写一种，需要几种时请分设几个指标"),
                lint(SYSTEMS, "params: { documentKind: [system, summary], min: 2 }"));
    }

    @Test
    void requiringTheCatchAllOtherIsAWarning() throws IOException {
        List<String> findings = lint(SYSTEMS, "params: { documentKind: other, min: 2 }");
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("WARNING indicators.yaml:" + (line(SYSTEMS) - 5)
                + " 指标“long-term-systems”的参数 documentKind（文件种类）只要求“other”"), findings.get(0));
    }

    @Test
    void wrongTypesAreErrorsOnTheirLine() throws IOException {
        assertEquals(List.of("ERROR indicators.yaml:" + line(STUDY) + " 参数 min（最少次数）应为不小于 0 的整数，实际为“两次”"),
                lint(STUDY, "params: { types: [theory-study], min: 两次 }"));
        String share = "params: { minRegisteredShare: 0.6 }";
        assertEquals(List.of("ERROR indicators.yaml:" + line(share)
                        + " 参数 minRegisteredShare（注册志愿者占职工不低于）应为 0 到 1 之间的小数（0.3 即 30%），实际为“60”"),
                lint(share, "params: { minRegisteredShare: 60 }"));
        assertEquals(List.of("ERROR indicators.yaml:" + line(PLAN) + " 参数 deadline（印发期限）应为“月-日”，如 \"03-31\"，实际为“3月底”"),
                lint(PLAN, PLAN.replace("\"03-31\"", "3月底")));
    }

    @Test
    void pointsBelowTheScoreStepAreAWarning() throws IOException {
        List<String> findings = lint("        points: 2\n        method: 材料审核\n        check: activity-count\n"
                + "        params: { types: [integrity-education], min: 4 }", "        points: 0.4\n        method: 材料审核\n"
                + "        check: activity-count\n        params: { types: [integrity-education], min: 4 }");
        assertTrue(findings.contains("WARNING indicators.yaml:" + (line("id: integrity-education"))
                + " 指标“integrity-education”的分值 0.4 小于计分步长 0.5：未全部达标时只能得 0 分，没有部分得分"), findings.toString());
    }

    @Test
    void negativePointsAreAnErrorPointingToDeductionsAndTheSetIsNotScored() throws IOException {
        String integrity = "        points: 2\n        method: 材料审核\n        check: activity-count\n"
                + "        params: { types: [integrity-education], min: 4 }";
        List<String> findings = lint(integrity, integrity.replace("points: 2", "points: -2"));
        String message = "指标“integrity-education”的分值为 -2，指标分值不能为负数：扣分写在 adjustments.yaml 的 deductions 中"
                + "（按次扣分、分档、封顶，扣分也写正数），不要写成负分的指标";
        assertTrue(findings.contains("ERROR indicators.yaml:" + (line("id: integrity-education") + 2) + " " + message),
                findings.toString());
        // Before, such a set was scored: the indicator "met" at −2 and the gap list read "−0分".
        AssessorLoading loading = AssessorLoading.load(dir.resolve("set" + (copies - 1)), Path.of("rules"));
        assertFalse(loading.isLoaded());
        assertTrue(loading.problems().stream().anyMatch(p -> p.message().equals(message)), loading.problems().toString());
    }

    @Test
    void aMissingSummaryIsNotReportedInTheAnnualPlansWords() throws IOException {
        lint(SYSTEMS, "params: { documentKind: summary, min: 1, deadline: \"12-31\", leadDays: 0 }");
        Path set = dir.resolve("set" + (copies - 1));
        AssessorLoading loading = AssessorLoading.load(set, Path.of("rules"));
        assertTrue(loading.isLoaded(), loading.problems().toString());
        var reading = new org.civcheck.evidence.EvidencePackageReader(org.civcheck.evidence.ReadLimits.defaults())
                .read(Path.of("examples/well-run-library.json"));
        Assessment a = loading.assessor().assess(reading.evidence(), reading.warnings());
        Assessment.Gap gap = a.gaps().stream().filter(g -> g.indicator().equals("long-term-systems")).findFirst().orElseThrow();
        assertEquals("未见2025年工作总结", gap.message());
    }

    @Test
    void aLateSummaryIsNotReportedInTheAnnualPlansWords() throws IOException {
        lint(SYSTEMS, "params: { documentKind: summary, min: 1, deadline: \"12-20\", leadDays: 0 }");
        Path set = dir.resolve("set" + (copies - 1));
        AssessorLoading loading = AssessorLoading.load(set, Path.of("rules"));
        assertTrue(loading.isLoaded(), loading.problems().toString());
        var p = new org.civcheck.evidence.EvidencePackageReader(org.civcheck.evidence.ReadLimits.defaults())
                .read(Path.of("examples/well-run-library.json")).evidence();
        List<org.civcheck.evidence.PlanDocument> plans = new java.util.ArrayList<>(p.plans());
        plans.add(new org.civcheck.evidence.PlanDocument("doc-late", "summary", "2025年创建工作总结",
                java.time.LocalDate.parse("2025-12-28"), List.of(), List.of()));
        var late = new org.civcheck.evidence.EvidencePackage(p.schemaVersion(), p.unit(), p.period(), p.inspectionDate(),
                plans, p.activities(), p.registeredVolunteers(), p.honors(), p.incidents(), p.surveys(),
                p.previousFindings(), p.claims());
        Assessment a = loading.assessor().assess(late, List.of());
        Assessment.Gap gap = a.gaps().stream().filter(g -> g.indicator().equals("long-term-systems")).findFirst().orElseThrow();
        assertEquals("2025年工作总结于2025年12月28日才印发，晚于12月20日", gap.message());
        assertFalse(gap.message().contains("统筹安排") || gap.message().contains("年度创建计划"),
                "the annual plan's words: " + gap.message());
    }
}
