package org.civcheck.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.authoring.CriteriaTests;
import org.civcheck.authoring.TestRun;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.engine.CriteriaLinter;
import org.civcheck.engine.LintFinding;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.StoredAssessment;
import org.civcheck.web.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule author adds a check kind in one DRL file and nothing else — no Java — and lint, the
 * explain view, the results page and the criteria tests all show it by the Chinese words its
 * metadata declares.
 */
class KindInDrlAloneTest {

    /** The new kind: how often the 宣传栏 was renewed, declared once in the rule's metadata. */
    private static final String DRL = """
            package rules;

            import org.civcheck.engine.facts.*;
            import java.util.List;

            global Texts texts;

            rule "notice-board: the board was renewed often enough"
                @kind("notice-board") @title("宣传栏更新") @due("prorated")
                @params("types, minUpdates")
                @types("更新宣传栏的活动 | [activityTypes]")
                @minUpdates("最少更新次数 | count | 次")
            when
                $c : Check(kind == "notice-board", $types : types)
                $ix : ActivityIndex()
                $acts : Activities() from $ix.ofTypes($types)
            then
                int n = $acts.size();
                int min = $c.count("minUpdates");
                insert(new Measure($c.id(), "updates", Math.min(1.0, (double) n / min), n >= min,
                        String.format("宣传栏更新%d次，要求≥%d次", n, min), List.of()));
            end
            """;

    @TempDir
    Path dir;

    private Path rules;
    private Path criteria;

    @BeforeEach
    void copyTheProjectsRulesAndSetWithTheNewKind() throws IOException {
        rules = copy(Path.of("rules"), dir.resolve("rules"));
        Files.writeString(rules.resolve("notice-board.drl"), DRL);
        criteria = copy(Path.of("criteria/provincial"), dir.resolve("provincial"));
        Path indicators = criteria.resolve("indicators.yaml");
        String yaml = Files.readString(indicators);
        String before = "        check: activity-count\n        params: { types: [publicity, online-civility], min: 4 }";
        assertTrue(yaml.contains(before));
        Files.writeString(indicators, yaml.replace(before,
                "        check: notice-board\n        params: { types: [publicity, online-civility], minUpdates: 4 }"));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    @Test
    void lintKnowsTheKindAndNamesItsParameterInChineseWhenAValueIsWrong() throws IOException {
        List<LintFinding> clean = new CriteriaLinter().lint(criteria, rules);
        assertTrue(clean.stream().noneMatch(f -> f.message().contains("notice-board")), clean.toString());

        Path indicators = criteria.resolve("indicators.yaml");
        Files.writeString(indicators, Files.readString(indicators).replace("minUpdates: 4", "minUpdates: 2.5"));
        List<LintFinding> wrong = new CriteriaLinter().lint(criteria, rules);

        int line = lineOf(indicators, "minUpdates: 2.5");
        assertEquals(List.of("indicators.yaml:" + line + " 参数 minUpdates（最少更新次数）应为不小于 0 的整数，实际为“2.5”"),
                wrong.stream().filter(f -> f.severity() == LintFinding.Severity.ERROR)
                        .map(f -> f.file() + ":" + f.line() + " " + f.message()).toList());
    }

    @Test
    void theExplainViewAndThePageShowTheKindAndItsParametersInChinese() {
        AssessorLoading loading = AssessorLoading.load(criteria, rules);
        assertTrue(loading.isLoaded(), loading.problems().toString());
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults())
                .read(Path.of("examples/well-run-library.json"));
        Assessment a = loading.assessor().assess(reading.evidence(), reading.warnings(), true);

        var words = Vocabulary.of(loading.assessor().criteria());
        DecisionTrace trace = DecisionTrace.of(a, words, EvidenceIndex.of(reading.evidence(), words)).get("publicity");
        assertEquals("宣传栏更新", trace.checkName());
        assertEquals(List.of(new DecisionTrace.Threshold("types", "更新宣传栏的活动", "信息宣传、网络文明传播", null),
                new DecisionTrace.Threshold("minUpdates", "最少更新次数", "4次", null)), trace.thresholds());

        String html = new Pages(loading.assessor()::criteria).assessment(new StoredAssessment(new AssessmentSummary("x1",
                "u", "单位", OffsetDateTime.of(2026, 1, 5, 2, 0, 0, 0, ZoneOffset.UTC), a.verdict(), a.score(),
                a.maxScore(), "test", "1"), "sha", 100, "application/json", "p.json", "abc", "{}"),
                a, reading.evidence(), List.of(), null);
        assertTrue(html.contains("<dd>宣传栏更新</dd>"), "the kind's name on the page");
        assertTrue(html.contains("<dt>最少更新次数</dt><dd>4次</dd>"), "the parameter's label and unit on the page");
        assertTrue(!html.contains("<dt>minUpdates</dt>"));
    }

    @Test
    void aCriteriaTestCaseOfTheNewKindRunsAndCoversItsRule() throws IOException {
        Path cases = Files.createDirectories(dir.resolve("cases"));
        Files.writeString(cases.resolve("notice-board.yaml"), """
                cases:
                  - name: 宣传栏更新不足4次：信息宣传未达标
                    base: ../../../examples/well-run-library.json
                    changes:
                      - removeWhere: { path: $.activities, match: { type: publicity } }
                      - removeWhere: { path: $.activities, match: { type: online-civility } }
                    expect:
                      indicators:
                        publicity: unmet
                      gaps:
                        - indicator: publicity
                          contains: 宣传栏更新0次，要求≥4次
                """.replace("../../../examples", Path.of("examples").toAbsolutePath().toString()), StandardCharsets.UTF_8);
        CriteriaTests.Loading loading = CriteriaTests.load(criteria, rules, cases);
        assertTrue(loading.isLoaded(), loading.problems().toString());
        TestRun run = loading.tests().run();
        assertTrue(run.allPassed(), org.civcheck.authoring.TestReport.render(run, 0));
        assertTrue(!run.rulesNeverFired().contains("notice-board: the board was renewed often enough"));
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }
}
