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

/** criteria test, as a rule author runs it: pass/fail per case with the difference, coverage, exit codes. */
class CriteriaTestCommandTest {

    private static final String LIBRARY = Path.of("examples/well-run-library.json").toAbsolutePath().toString();

    @Test
    void theDefaultCasesPassWithEveryIndicatorExercisedAndEveryRuleFired() {
        CheckCommandTest.Run run = civcheck("criteria", "test", "criteria/provincial", "--min-coverage", "100");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().matches("(?s).*\n全部\\d+个用例通过。\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\n  指标：(\\d+)/\\1个有用例检验其状态（100%）\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\n  规则：(\\d+)/\\1条在用例中触发过（另有1条豁免，不计入）\n.*"), run.out());
        assertTrue(run.out().contains("结论：通过。"), run.out());
    }

    @Test
    void aWrongExpectationPrintsTheExactDifferenceAndExitsOne(@TempDir Path dir) throws IOException {
        Path criteria = criteriaWithCases(dir, """
                cases:
                  - name: 年度计划5月才印发：结论为存在风险（预期故意写错）
                    base: %s
                    changes:
                      - set: $.plans[0].date
                        value: "2025-05-20"
                    expect:
                      verdict: ready
                      indicators: { annual-plan: partial }
                """.formatted(LIBRARY));
        CheckCommandTest.Run run = civcheck("criteria", "test", criteria.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("""
                ✗ 年度计划5月才印发：结论为存在风险（预期故意写错）
                    （%s:2）
                    · 结论：预期“可以通过（ready）”，实际“存在风险（at-risk）”——得分97达到合格线85，但关键指标仍有差距：年初制定年度创建计划
                    · 指标“年初制定年度创建计划”（annual-plan）：预期“部分达标（partial）”，实际“未达标（unmet）”（得0/3分）——2025年年度创建计划于2025年5月20日才印发，晚于3月31日，缺乏统筹安排和提前谋划
                """.formatted(criteria.resolve("tests/cases.yaml"))), run.out());
        assertTrue(run.out().contains("0个用例通过，1个未通过（共1个）。"), run.out());
        assertTrue(run.out().contains("结论：未通过。"), run.out());
    }

    @Test
    void coverageBelowMinCoverageExitsOneAndSaysBy(@TempDir Path dir) throws IOException {
        Path criteria = criteriaWithCases(dir, """
                cases:
                  - name: 示范图书馆年度计划按时印发
                    base: %s
                    expect:
                      indicators: { annual-plan: met }
                """.formatted(LIBRARY));
        CheckCommandTest.Run run = civcheck("criteria", "test", criteria.toString(), "--min-coverage", "50");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("全部1个用例通过。"), run.out());
        assertTrue(run.out().contains("  指标：1/34个有用例检验其状态（2.9%）"), run.out());
        assertTrue(run.out().contains("      “建立创建长效制度”（long-term-systems）"), run.out());
        assertTrue(run.out().contains("✗ 指标覆盖率2.9%，低于要求的50%（--min-coverage）。请为上面“未检验的指标”补写用例。"), run.out());
    }

    @Test
    void aCaseFileWithAnUnknownKeyExitsTwoNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path criteria = criteriaWithCases(dir, """
                cases:
                  - name: 示范图书馆
                    base: %s
                    expected:
                      verdict: ready
                """.formatted(LIBRARY));
        CheckCommandTest.Run run = civcheck("criteria", "test", criteria.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(criteria.resolve("tests/cases.yaml")
                + ":4: 未知字段“expected”，这里可用的字段：name、base、package、changes、expect"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aChangePathThatDoesNotExistExitsTwoWithWhatIsThereInstead(@TempDir Path dir) throws IOException {
        Path criteria = criteriaWithCases(dir, """
                cases:
                  - name: 删去第三份制度
                    base: %s
                    changes:
                      - remove: $.plans[9]
                    expect:
                      indicators: { long-term-systems: partial }
                """.formatted(LIBRARY));
        CheckCommandTest.Run run = civcheck("criteria", "test", criteria.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains(criteria.resolve("tests/cases.yaml")
                + ":5: 用例“删去第三份制度”的改动 remove 无法执行：路径“$.plans[9]”不存在：$.plans 只有5项（下标从0开始，最后一项是[4]）"),
                run.err());
    }

    /** A copy of the default criteria with one case file of its own. */
    private static Path criteriaWithCases(Path dir, String cases) throws IOException {
        Path criteria = dir.resolve("provincial");
        Files.createDirectories(criteria.resolve("tests"));
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, criteria.resolve(f.getFileName().toString()));
            }
        }
        Files.writeString(criteria.resolve("tests/cases.yaml"), cases);
        return criteria;
    }
}
