package org.civcheck.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The cases that ship with the default criteria: all pass, and together they cover the set. */
class DefaultCasesTest {

    @Test
    void everyDefaultCasePasses() {
        TestRun run = DefaultCases.run();
        String failures = run.results.stream().filter(r -> !r.passed())
                .map(r -> r.testCase().name() + " " + r.differences()).collect(Collectors.joining("\n"));
        assertTrue(run.allPassed(), failures);
        assertTrue(run.caseCount() >= 40, "cases: " + run.caseCount());
    }

    @Test
    void theCasesExerciseEveryIndicator() {
        TestRun run = DefaultCases.run();
        assertEquals(100.0, run.indicatorCoverage(), 1e-9, () -> run.coverage.indicatorsNotExercised().toString());
    }

    @Test
    void everyRuleFiresInSomeCaseButTheOneDeclaredExempt() {
        TestRun run = DefaultCases.run();
        assertEquals(List.of(), run.rulesNeverFired());
        assertEquals(List.of("score: an indicator no rule measured"),
                run.coverage.exemptions().keySet().stream().map(RuleExemption::rule).toList());
        assertEquals(List.of(false), List.copyOf(run.coverage.exemptions().values()), "the exempt rule never fires");
    }

    @Test
    void onlyTheOutcomesTheRulesCannotGiveAreNeverSeen() {
        // responsibility asks for min: 1 document, so it is met or unmet; a satisfaction survey reaches its rate or not.
        Map<String, List<String>> unseen = new LinkedHashMap<>();
        DefaultCases.run().coverage.outcomesNeverSeen().forEach((i, outcomes) -> unseen.put(i.id(), outcomes));
        assertEquals(Map.of("responsibility", List.of("partial"), "public-satisfaction", List.of("partial"),
                "staff-satisfaction", List.of("partial")), unseen);
    }

    @Test
    void theReportSaysAllPassedAndWhatIsCovered() {
        String report = TestReport.render(DefaultCases.run(), 100);
        int indicators = DefaultCases.tests().assessor().criteria().indicators().size();
        int counted = DefaultCases.tests().applicableRules().size() - 1;
        assertTrue(report.contains("全部" + DefaultCases.run().caseCount() + "个用例通过。"), report);
        assertTrue(report.contains("  指标：" + indicators + "/" + indicators + "个有用例检验其状态（100%）"), report);
        assertTrue(report.contains("  规则：" + counted + "/" + counted + "条在用例中触发过（另有1条豁免，不计入）"), report);
        assertTrue(report.contains("      “群众满意度”（public-satisfaction）：未见部分达标"), report);
        assertTrue(report.endsWith("结论：通过。\n"), report);
    }
}
