package org.civcheck.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running one case: its package built from a base and changes, and each difference as a sentence. */
class CaseRunnerTest {

    @TempDir
    Path dir;

    private CriteriaTestCase only(String yaml) throws IOException {
        Files.writeString(dir.resolve("cases.yaml"), yaml);
        CriteriaTests tests = DefaultCases.tests();
        CaseFileReader.Reading r = new CaseFileReader(tests.assessor().criteria(),
                new HashSet<>(tests.ruleBase().ruleNames())).read(dir);
        assertEquals(List.of(), r.problems());
        return r.cases().get(0);
    }

    private static CaseRunner runner() {
        return new CaseRunner(DefaultCases.tests().assessor(), new EvidencePackageReader(ReadLimits.defaults()));
    }

    @Test
    void aWrongExpectationGivesEveryDifferenceInPlainChinese() throws IOException {
        CriteriaTestCase c = only("""
                cases:
                  - name: 图书馆（预期写错了）
                    base: %s
                    expect:
                      verdict: at-risk
                      score: { min: 90, max: 95 }
                      indicators: { annual-plan: unmet }
                      gapClasses: [mechanism]
                      gaps:
                        - indicator: annual-plan
                          contains: 5月
                """.formatted(DefaultCases.LIBRARY));
        List<CriteriaProblem> problems = new ArrayList<>();
        CaseResult result = runner().run(runner().prepare(c, problems));
        assertEquals(List.of(
                "结论：预期“存在风险（at-risk）”，实际“可以通过（ready）”——得分100，达到合格线85，且无关键指标失分",
                "得分：预期90～95分，实际100分",
                "指标“年初制定年度创建计划”（annual-plan）：预期“未达标（unmet）”，实际“达标（met）”（得3/3分）——年度创建计划均在3月31日前制定",
                "问题类别：预期有“对文明创建工作认识还不够深入，长效机制不够健全”（mechanism），实际没有",
                "差距：预期有一条指标“年初制定年度创建计划”（annual-plan）的差距写有“5月”，实际该指标没有差距"),
                result.differences());
    }

    @Test
    void aGapClassNotExpectedNamesTheIndicatorsItComesFrom() throws IOException {
        CriteriaTestCase c = only("""
                cases:
                  - name: 联络员兼职
                    base: %s
                    changes:
                      - set: $.unit.coordinator.dedicated
                        value: false
                    expect:
                      gapClasses: []
                """.formatted(DefaultCases.LIBRARY));
        CaseResult result = runner().run(runner().prepare(c, new ArrayList<>()));
        assertEquals(List.of("问题类别：实际还有“创建参与度还不够充分”（participation），预期中没有——来自“专人负责创建工作”（coordinator）"),
                result.differences());
    }

    @Test
    void aChangeThatCannotBeAppliedIsAProblemAtItsLine() throws IOException {
        CriteriaTestCase c = only("""
                cases:
                  - name: 改错了路径
                    base: %s
                    changes:
                      - set: $.plan[0].date
                        value: "2025-05-20"
                    expect: { verdict: at-risk }
                """.formatted(DefaultCases.LIBRARY));
        List<CriteriaProblem> problems = new ArrayList<>();
        assertNull(runner().prepare(c, problems));
        assertEquals(List.of(dir.resolve("cases.yaml") + ":5: 用例“改错了路径”的改动 set 无法执行：路径“$.plan”不存在：$ 没有字段“plan”"
                        + "（它的字段有：schemaVersion、unit、period、inspectionDate、plans、activities、volunteers、honors、surveys）"),
                problems.stream().map(Object::toString).toList());
    }

    @Test
    void aChangedPackageTheReaderRefusesIsAProblemWithItsJsonPath() throws IOException {
        CriteriaTestCase c = only("""
                cases:
                  - name: 日期写错
                    base: %s
                    changes:
                      - set: $.plans[0].date
                        value: "2025-02-30"
                    expect: { verdict: at-risk }
                """.formatted(DefaultCases.LIBRARY));
        List<CriteriaProblem> problems = new ArrayList<>();
        assertNull(runner().prepare(c, problems));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(true, problems.get(0).toString().startsWith(
                dir.resolve("cases.yaml") + ":2: 用例“日期写错”的证据包（改动后）不符合格式要求：$.plans[0].date："), problems.toString());
    }
}
