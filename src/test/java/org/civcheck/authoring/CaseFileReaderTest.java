package org.civcheck.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.civcheck.criteria.CriteriaLoader;
import org.civcheck.criteria.CriteriaSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading case files: every fault at its file and line, with the words that fix it. */
class CaseFileReaderTest {

    private static CriteriaSet criteria;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadCriteria() {
        criteria = new CriteriaLoader().load(DefaultCases.CRITERIA).criteria();
    }

    private CaseFileReader.Reading read(String text) throws IOException {
        Files.writeString(dir.resolve("cases.yaml"), text);
        return new CaseFileReader(criteria, Set.of("verdict: vetoed when any veto fired")).read(dir);
    }

    private List<String> problems(String text) throws IOException {
        return read(text).problems().stream().map(Object::toString).toList();
    }

    private String file() {
        return dir.resolve("cases.yaml").toString();
    }

    @Test
    void aCaseReadsIntoItsPackageChangesAndExpectation() throws IOException {
        CaseFileReader.Reading r = read("""
                cases:
                  - name: 年度计划5月才印发
                    base: ../well-run-library.json
                    changes:
                      - set: $.plans[0].date
                        value: "2025-05-20"
                      - removeWhere: { path: $.activities, match: { type: city-creation } }
                    expect:
                      verdict: at-risk
                      score: { min: 96 }
                      indicators: { annual-plan: unmet, "*": met }
                      gapClasses: { includes: [mechanism] }
                """);
        assertEquals(List.of(), r.problems());
        CriteriaTestCase c = r.cases().get(0);
        assertEquals(file() + ":2", c.where());
        assertEquals(dir.toAbsolutePath().getParent().resolve("well-run-library.json"), c.base());
        assertEquals(List.of(PackageEdit.Op.SET, PackageEdit.Op.REMOVE_WHERE), c.changes().stream().map(PackageEdit::op).toList());
        assertEquals(5, c.changes().get(0).line());
        assertEquals("unmet", c.expect().statusOf("annual-plan"));
        assertEquals("met", c.expect().statusOf("coordinator"));
        assertEquals(96.0, c.expect().scoreMin());
        assertEquals(null, c.expect().scoreMax());
        assertEquals(Set.of("mechanism"), c.expect().gapClassesIncluded());
    }

    @Test
    void anUnknownKeyIsAnErrorAtItsLineListingTheKeysAllowedThere() throws IOException {
        assertEquals(List.of(file() + ":4: 未知字段“expct”，这里可用的字段：name、base、package、changes、expect、asOf",
                        file() + ":2: 用例缺少 expect（预期结果）"),
                problems("""
                        cases:
                          - name: 计划
                            base: x.json
                            expct: { verdict: ready }
                        """));
    }

    @Test
    void aMisspeltIndicatorIsAnErrorThatSuggestsTheNearestId() throws IOException {
        assertEquals(List.of(file() + ":6: 测评体系中没有指标“annual-plans” → 是否应为 annual-plan？"),
                problems("""
                        cases:
                          - name: 计划
                            base: x.json
                            expect:
                              indicators:
                                annual-plans: unmet
                        """));
    }

    @Test
    void verdictsStatusesAndProblemClassesMustBeTheCriteriasWords() throws IOException {
        assertEquals(List.of(
                        file() + ":5: 结论“passed”不存在，可用：ready、at-risk、not-ready、vetoed",
                        file() + ":6: 指标状态“ok”不存在，可用：met、partial、unmet、not-applicable",
                        file() + ":7: 问题类别“mechanisms”不存在，可用：conduct、diversity、materials、mechanism、participation"),
                problems("""
                        cases:
                          - name: 计划
                            base: x.json
                            expect:
                              verdict: passed
                              indicators: { annual-plan: ok }
                              gapClasses: [mechanisms]
                        """));
    }

    @Test
    void aBracketedPathInsideBracesGetsAHintToQuoteIt() throws IOException {
        List<String> problems = problems("""
                cases:
                  - name: 计划
                    base: x.json
                    changes:
                      - set: { path: $.plans[0].date, value: "2025-05-20" }
                    expect: { verdict: ready }
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(file() + ":5: YAML 格式错误："), problems.get(0));
        assertTrue(problems.get(0).endsWith("（花括号 { } 或方括号 [ ] 里的路径含 [下标] 时要加引号，如 { path: \"$.plans[0].date\" }，或改用分行写法）"),
                problems.get(0));
    }

    @Test
    void anUnquotedStarGetsAHintToQuoteIt() throws IOException {
        List<String> problems = problems("""
                cases:
                  - name: 计划
                    base: x.json
                    expect:
                      indicators:
                        *: met
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("（* 在 YAML 中有特殊含义：表示“其余全部指标”时要加引号，写作 \"*\": met）"), problems.get(0));
    }

    @Test
    void aChangeNamesOneOperation() throws IOException {
        assertEquals(List.of(file() + ":5: 一条改动只能写一种操作，这里写了 set、remove；请分成几条（每条以 - 开头）",
                        file() + ":7: 未知字段“valu”，这里可用的字段：set、value",
                        file() + ":6: set 缺少 value（要写入的值）"),
                problems("""
                        cases:
                          - name: 计划
                            base: x.json
                            changes:
                              - { set: $.plans, remove: $.unit }
                              - set: $.plans
                                valu: 1
                            expect: { verdict: ready }
                        """));
    }

    @Test
    void anExemptRuleMustBeARuleOfTheRulesFolder() throws IOException {
        assertEquals(List.of(file() + ":3: 规则目录中没有名为“verdict: vetoed”的规则（规则名须与 DRL 中 rule \"…\" 一字不差）"),
                problems("""
                        exemptRules:
                          - reason: 从不触发
                            rule: "verdict: vetoed"
                        """));
    }

    @Test
    void twoCasesMayNotShareAName() throws IOException {
        assertEquals(List.of(file() + ":5: 用例名称“计划”与 " + file() + ":2 的用例重复；名称应说明各自验证的情形"),
                problems("""
                        cases:
                          - name: 计划
                            base: x.json
                            expect: { verdict: ready }
                          - name: 计划
                            base: x.json
                            expect: { verdict: ready }
                        """));
    }
}
