package org.civcheck.cli;

import static org.civcheck.cli.CheckCommandTest.civcheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** criteria lint, as a rule author uses it before a change goes live. */
class LintCommandTest {

    @Test
    void theDefaultCriteriaAndRulesAreClean() {
        CheckCommandTest.Run run = civcheck("criteria", "lint", "criteria/provincial");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("没有发现问题"), run.out());
    }

    @Test
    void aMisspeltParameterIsAWarningWithExitOneAndASuggestion(@TempDir Path dir) throws IOException {
        Path criteria = copyWith(dir, "params: { types: [leadership-meeting], min: 2 }",
                "params: { types: [leadership-meeting], min: 2, organisers: [self] }");
        CheckCommandTest.Run run = civcheck("criteria", "lint", criteria.toString());
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().matches("(?s).*indicators\\.yaml:\\d+: 警告：指标“leadership-study”的参数 organisers "
                + "没有任何“activity-count”规则使用，可能拼写有误 → 是否应为 organizers？.*"), run.out());
    }

    @Test
    void everyFaultIsListedAtOnceWithItsLine(@TempDir Path dir) throws IOException {
        Path criteria = copyWith(dir, "params: { types: [theory-study], min: 24 }", "params: { types: [theory-study], mni: 24 }");
        Path indicators = criteria.resolve("indicators.yaml");
        String text = Files.readString(indicators).replace("check: signature", "check: signatrue");
        Files.writeString(indicators, text);
        int studyLine = lineOf(text, "- id: theory-study");
        int signatureLine = lineOf(text, "- id: signature-activity");

        CheckCommandTest.Run run = civcheck("criteria", "lint", criteria.toString());

        assertEquals(2, run.exit(), run.out());
        assertTrue(run.out().contains("indicators.yaml:" + studyLine
                + ": 错误：指标“theory-study”缺少检查类型“activity-count”必需的参数 min"), run.out());
        assertTrue(run.out().contains("indicators.yaml:" + signatureLine
                + ": 错误：指标“signature-activity”的检查类型“signatrue”没有任何规则实现 → 是否应为 signature？"), run.out());
        assertTrue(run.out().contains("共 2 个错误"), run.out());
    }

    @Test
    void aRuleThatDoesNotCompileIsAnErrorWithItsFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path count = rules.resolve("count.drl");
        Files.writeString(count, Files.readString(count).replace("then\n", "thenn\n"));
        CheckCommandTest.Run run = civcheck("criteria", "lint", "criteria/provincial", "--rules", rules.toString());
        assertEquals(2, run.exit(), run.out());
        assertTrue(run.out().matches("(?s).*count\\.drl:\\d+: 错误：.*"), run.out());
    }

    private static Path copyWith(Path dir, String from, String to) throws IOException {
        Path criteria = dir.resolve("provincial");
        Files.createDirectories(criteria);
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.toList()) {
                Files.copy(f, criteria.resolve(f.getFileName()));
            }
        }
        Path indicators = criteria.resolve("indicators.yaml");
        String text = Files.readString(indicators);
        assertTrue(text.contains(from), "the default criteria contain " + from);
        Files.writeString(indicators, text.replace(from, to));
        return criteria;
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
