package org.civcheck.authoring;

import java.util.List;
import java.util.Map;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.evidence.InputProblem;

/**
 * The test run as 文明办 staff read it: each case ✓ or ✗ with what differed, in whole Chinese
 * sentences naming indicators by name and id; then what the cases cover and what they miss.
 *
 * <pre>
 * ✗ 年度计划5月才印发：年度计划指标未达标，结论为存在风险
 *     （criteria/provincial/tests/mechanism.yaml:12）
 *     · 结论：预期“存在风险（at-risk）”，实际“可以通过（ready）”——得分100，达到合格线85，且无关键指标失分
 * </pre>
 */
public final class TestReport {

    private TestReport() {}

    /**
     * The report of {@code run}; {@code minCoverage} is the percent of indicators the cases must
     * exercise (0 for no requirement), stated at the end when it is not reached.
     */
    public static String render(TestRun run, double minCoverage) {
        StringBuilder out = new StringBuilder();
        CriteriaTests tests = run.tests;
        CriteriaSet criteria = tests.assessor().criteria();
        line(out, "测评体系：" + criteria.name() + "（" + criteria.version() + "）  " + tests.criteriaDir());
        line(out, "规则：" + tests.rulesDir() + "（" + tests.ruleBase().fileCount() + "个文件，"
                + tests.ruleBase().ruleNames().size() + "条规则）");
        line(out, "用例：" + tests.casesDir() + "（" + tests.caseFileCount() + "个文件，" + run.caseCount() + "个用例）");
        line(out, "");
        for (CaseResult r : run.results) {
            line(out, (r.passed() ? "✓ " : "✗ ") + r.testCase().name());
            if (!r.passed()) {
                line(out, "    （" + r.testCase().where() + "）");
                r.differences().forEach(d -> line(out, "    · " + d));
                List<InputProblem> warnings = r.warnings();
                warnings.stream().limit(3).forEach(w -> line(out, "    提示：读取证据包时 " + w.path() + "：" + w.message()));
                if (warnings.size() > 3) {
                    line(out, "    提示：另有" + (warnings.size() - 3) + "条读取提示");
                }
            }
        }
        line(out, "");
        line(out, run.allPassed()
                ? "全部" + run.caseCount() + "个用例通过。"
                : (run.caseCount() - run.failedCount()) + "个用例通过，" + run.failedCount() + "个未通过（共" + run.caseCount() + "个）。");
        line(out, "");
        coverage(out, run.coverage);
        line(out, "");
        boolean below = run.indicatorCoverage() + 1e-9 < minCoverage;
        if (below) {
            line(out, "✗ 指标覆盖率" + Words.percent(run.indicatorCoverage()) + "，低于要求的" + Words.percent(minCoverage)
                    + "（--min-coverage）。请为上面“未检验的指标”补写用例。");
        }
        line(out, run.allPassed() && !below ? "结论：通过。" : "结论：未通过。");
        return out.toString();
    }

    private static void coverage(StringBuilder out, Coverage c) {
        line(out, "覆盖情况");
        line(out, "  指标：" + c.indicatorsExercised() + "/" + c.indicatorCount() + "个有用例检验其状态（"
                + Words.percent(c.indicatorPercent()) + "）");
        List<Indicator> notExercised = c.indicatorsNotExercised();
        if (!notExercised.isEmpty()) {
            line(out, "    未检验的指标（没有用例在 indicators 中写出它，也没有用“*”概括）：");
            notExercised.forEach(i -> line(out, "      " + Words.indicator(i.name(), i.id())));
        }
        Map<RuleExemption, Boolean> exemptions = c.exemptions();
        line(out, "  规则：" + c.rulesFired().size() + "/" + c.countedRules().size() + "条在用例中触发过"
                + (exemptions.isEmpty() ? "" : "（另有" + exemptions.size() + "条豁免，不计入）"));
        List<String> never = c.rulesNeverFired();
        if (!never.isEmpty()) {
            line(out, "    从未触发的规则（请补写能让它触发的用例，或在用例文件的 exemptRules 中说明为什么不需要）：");
            never.forEach(r -> line(out, "      " + r));
        }
        exemptions.forEach((e, fired) -> line(out, "    豁免：" + e.rule() + "——" + e.reason() + "（" + e.file() + ":" + e.line() + "）"
                + (fired ? "；注意：它在本次用例中触发了，豁免可以删去" : "")));
        line(out, "  各指标的三种结果（达标、部分达标、未达标）：用例中见到" + c.outcomesSeen() + "/" + c.outcomesPossible() + "种");
        Map<Indicator, List<String>> unseen = c.outcomesNeverSeen();
        if (!unseen.isEmpty()) {
            line(out, "    没有用例得出的结果：");
            unseen.forEach((i, missing) -> line(out, "      " + Words.indicator(i.name(), i.id()) + "：未见"
                    + String.join("、", missing.stream().map(Words::statusName).toList())));
        }
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }
}
