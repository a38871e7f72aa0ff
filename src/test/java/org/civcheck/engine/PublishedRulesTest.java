package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.evidence.Claim;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.Honor;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.PreviousFinding;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What published 测评体系 write and the provincial set could not: bonus for honours by level
 * (capped per item and per set), deductions by grade with an outcome beside the verdict, vetoes
 * on a count of people of a role within a look-back of months or the title period, and the
 * rectification of the last review's findings. Met and short pairs, the Chinese words checked.
 */
class PublishedRulesTest {

    @TempDir
    static Path dir;

    private static Path set;
    private static Assessor assessor;
    private static EvidencePackage library;

    @BeforeAll
    static void aSetWithBonusDeductionAndPublishedVetoes() throws IOException {
        set = dir.resolve("published");
        Files.createDirectories(set);
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, set.resolve(f.getFileName()));
            }
        }
        Path taxonomy = set.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, Files.readString(taxonomy)
                .replace("  - { id: ethics-scandal,       name: 道德失范 }",
                        "  - { id: ethics-scandal,       name: 道德失范 }\n  - { id: uncivil-behaviour, name: 不文明行为 }\n"
                                + "  - { id: food-safety, name: 食品安全事故 }")
                + "\nroles:\n  - { id: leader, name: 班子成员 }\n  - { id: staff, name: 职工 }\n"
                + "honorLevels:\n  - { id: national, name: 全国 }\n  - { id: provincial, name: 省级 }\n"
                + "  - { id: municipal, name: 市级 }\n");
        Files.writeString(set.resolve("vetoes.yaml"), Files.readString(set.resolve("vetoes.yaml")) + """
                  - id: leaders-discipline
                    name: 班子成员2名以上受到党纪政务处分
                    incidentTypes: [discipline-violation]
                    minSeverity: minor
                    roles: [leader]
                    minCount: 2
                    withinPeriod: true
                  - id: staff-crime-recent
                    name: 近一年内职工违法犯罪
                    incidentTypes: [crime]
                    minSeverity: minor
                    lookbackMonths: 12
                  - id: food-safety-since
                    name: 2025年7月1日以来发生食品安全事故
                    incidentTypes: [food-safety]
                    minSeverity: minor
                    since: "2025-07-01"
                """);
        Files.writeString(set.resolve("vetoes.yaml"), Files.readString(set.resolve("vetoes.yaml"))
                .replace("  - id: criminal-case\n    name: 职工被依法追究刑事责任\n    incidentTypes: [crime]",
                        "  - id: criminal-case\n    name: 职工被依法追究刑事责任\n    incidentTypes: [safety-accident]"));
        Path indicators = set.resolve("indicators.yaml");
        Files.writeString(indicators, Files.readString(indicators) + """

                  - id: review
                    name: 上次复查反馈问题整改
                    max: 5
                    indicators:
                      - id: notice-board
                        name: 宣传栏、道德讲堂场所
                        points: 3
                        method: 实地考察
                        check: self-rated
                        problem: diversity
                      - id: rectification
                        name: 上次反馈问题整改落实
                        points: 2
                        method: 材料审核
                        check: rectification
                        params: { minRectifiedShare: 1 }
                        problem: mechanism
                """);
        Files.writeString(set.resolve("adjustments.yaml"), """
                # 加分项、扣分项
                bonusCap: 2
                bonuses:
                  - id: honours
                    name: 获得上级表彰
                    check: honours
                    params: { levels: [national, provincial, municipal], levelPoints: [3, 2, 1] }
                    cap: 3
                deductions:
                  - id: uncivil
                    name: 职工不文明行为
                    check: incident-deduction
                    params: { incidentTypes: [uncivil-behaviour], grades: [2, 3], outcome: 黄牌警告, outcomeAt: 2 }
                    cap: 5
                """);
        List<LintFinding> lint = new CriteriaLinter().lint(set, Path.of("rules"));
        assertEquals(List.of(), lint.stream().map(LintFinding::toString).toList());
        AssessorLoading loading = AssessorLoading.load(set, Path.of("rules"));
        assertTrue(loading.isLoaded(), loading.problems().toString());
        assessor = loading.assessor();
        library = new EvidencePackageReader(ReadLimits.defaults()).read(Path.of("examples/well-run-library.json")).evidence();
    }

    private static EvidencePackage with(List<Honor> honors, List<Incident> incidents, List<PreviousFinding> findings) {
        return with(honors, incidents, findings, null);
    }

    private static EvidencePackage with(List<Honor> honors, List<Incident> incidents, List<PreviousFinding> findings,
            List<Claim> claims) {
        EvidencePackage p = library;
        return new EvidencePackage(p.schemaVersion(), p.unit(), p.period(), p.inspectionDate(), p.plans(), p.activities(),
                p.registeredVolunteers(), honors == null ? p.honors() : honors, incidents, p.surveys(), findings, claims);
    }

    private static Assessment.ClaimScore claim(Assessment a) {
        return a.claims().items().get(0);
    }

    @Test
    void withoutAClaimTheSelfRatedItemScoresNothingAndSaysTheUnitHasNotRatedIt() {
        Assessment a = assess(with(null, List.of(), List.of()));
        assertEquals(new Assessment.ClaimScore("notice-board", "宣传栏、道德讲堂场所", "实地考察", 3, null, 0, null, List.of(),
                List.of("未填写自评分")), claim(a));
        assertEquals(0, a.claims().claimedByUnit());
        assertEquals("该项由测评组现场评分，单位尚未填写自评分和说明",
                a.gaps().stream().filter(g -> g.indicator().equals("notice-board")).findFirst().orElseThrow().message());
    }

    @Test
    void aClaimWithItsFilesCountsApartFromWhatTheRulesScoredAndTheVerdictSaysHowMuch() {
        Assessment a = assess(with(null, List.of(), List.of(), List.of(new Claim("notice-board", 2.5,
                "大厅设宣传栏2块，每月更新；道德讲堂设在三楼会议室。", List.of("xuanchuan/board-1.jpg")))));
        assertEquals(2.5, claim(a).counted());
        assertEquals(List.of(), claim(a).flags());
        assertEquals(2.5, a.claims().claimedByUnit());
        assertEquals(a.score() - 2.5, a.claims().scoredByRules());
        assertTrue(a.verdictReason().endsWith("；其中2.5分（占2%）为单位自评分，有待测评组现场确认"), a.verdictReason());
        String text = org.civcheck.report.TextReport.render(a, org.civcheck.report.Citations.none());
        assertTrue(text.contains("单位自评项目（规则评分 103 分，单位自评计入 2.5 分，占得分的 2%）"), text);
        assertTrue(text.contains("    说明：大厅设宣传栏2块，每月更新；道德讲堂设在三楼会议室。"), text);
    }

    @Test
    void aClaimAboveThePointsCountsThePointsAndIsFlagged() {
        Assessment a = assess(with(null, List.of(), List.of(), List.of(new Claim("notice-board", 5, "很好",
                List.of("a.jpg")))));
        assertEquals(3, claim(a).counted());
        assertEquals(List.of("自评5分高于该项分值3分"), claim(a).flags());
    }

    @Test
    void aClaimWithoutEvidenceCountsNothingAndIsFlagged() {
        Assessment a = assess(with(null, List.of(), List.of(), List.of(new Claim("notice-board", 3, "", List.of()))));
        assertEquals(0, claim(a).counted());
        assertEquals(List.of("佐证材料0份，少于1份，自评分不计入得分", "未填写说明"), claim(a).flags());
    }

    @Test
    void thePageShowsTheClaimsApart() {
        Assessment a = assess(with(null, List.of(), List.of(), List.of(new Claim("notice-board", 5, "很好",
                List.of("a.jpg")))));
        String html = new org.civcheck.web.Pages(assessor::criteria).assessment(new org.civcheck.store.StoredAssessment(
                new org.civcheck.store.AssessmentSummary("x1", "u", "单位", java.time.OffsetDateTime.parse("2026-01-05T02:00Z"),
                        a.verdict(), a.score(), a.maxScore(), "test", "1"), "sha", 100, "application/json", "p.json", "abc",
                "{}"), a, null, List.of(), null);
        assertTrue(html.contains("<h2 id=\"claims-title\">单位自评项目 <small>规则评分 103 分，单位自评计入 3 分"), html);
        assertTrue(html.contains("<p class=\"claim-flag\">⚠ 自评5分高于该项分值3分</p>"));
    }

    private static Assessment assess(EvidencePackage p) {
        return assessor.assess(p, List.of());
    }

    private static Assessment.AdjustmentScore item(Assessment a, String id) {
        return a.adjustments().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private static Incident incident(String id, String type, String date, String role, int count) {
        return new Incident(id, type, LocalDate.parse(date), "minor", null, true, role, count);
    }

    @Test
    void aMunicipalHonourAddsOnePointToTheTotal() {
        Assessment a = assess(with(null, List.of(), List.of()));
        assertEquals(1, item(a, "honours").points());
        assertEquals("获得表彰1项：2025年3月1日市级文明单位（市级，加1分）", item(a, "honours").finding());
        assertEquals(103, a.score(), "102 from the indicators, 1 bonus");
        assertEquals(List.of(), a.outcomes());
    }

    @Test
    void withoutHonoursThereIsNoBonusAndTheFindingSaysSo() {
        Assessment a = assess(with(List.of(), List.of(), List.of()));
        assertEquals(0, item(a, "honours").points());
        assertEquals("评估期内未获得全国、省级、市级表彰", item(a, "honours").finding());
        assertEquals(102, a.score());
    }

    @Test
    void honoursAreCappedPerItemAndTheBonusPerSet() {
        Assessment a = assess(with(List.of(new Honor("全国文明单位", "national", LocalDate.parse("2025-06-01")),
                new Honor("省级先进集体", "provincial", LocalDate.parse("2025-07-01"))), List.of(), List.of()));
        assertEquals(3, item(a, "honours").points(), "5 points of honours, at most 3 for the item");
        assertEquals(104, a.score(), "and at most 2 of bonus for the set");
    }

    @Test
    void oneUncivilActCostsTwoPointsWithoutAWarning() {
        Assessment a = assess(with(null, List.of(incident("i1", "uncivil-behaviour", "2025-05-01", "staff", 1)), List.of()));
        assertEquals(-2, item(a, "uncivil").points());
        assertEquals("评估期内发生不文明行为1次（2025年5月1日不文明行为（职工）），按次数分档扣2分", item(a, "uncivil").finding());
        assertEquals(List.of(), a.outcomes());
        assertEquals(101, a.score());
    }

    @Test
    void twoUncivilActsCostThreePointsAndAYellowCard() {
        Assessment a = assess(with(null, List.of(incident("i1", "uncivil-behaviour", "2025-05-01", "staff", 2)), List.of()));
        assertEquals(-3, item(a, "uncivil").points());
        assertEquals(List.of(new Assessment.Outcome("uncivil", "黄牌警告", "不文明行为2次，达到2次即黄牌警告", List.of("i1"))),
                a.outcomes());
        assertEquals("ready", a.verdict(), "a warning stands beside the verdict, not in place of it");
    }

    @Test
    void oneLeaderDisciplinedIsNoVetoTwoAre() {
        Assessment one = assess(with(null, List.of(incident("d1", "discipline-violation", "2025-04-01", "leader", 1),
                incident("d2", "discipline-violation", "2025-04-02", "staff", 3)), List.of()));
        assertTrue(one.vetoes().stream().noneMatch(v -> v.id().equals("leaders-discipline")), one.vetoes().toString());

        Assessment two = assess(with(null, List.of(incident("d1", "discipline-violation", "2025-04-01", "leader", 1),
                incident("d3", "discipline-violation", "2025-09-01", "leader", 1)), List.of()));
        assertEquals("vetoed", two.verdict());
        Assessment.Veto veto = two.vetoes().stream().filter(v -> v.id().equals("leaders-discipline")).findFirst().orElseThrow();
        assertEquals("届期内共2人（2人以上即否决）：2025年4月1日违纪违法（一般，班子成员）；2025年9月1日违纪违法（一般，班子成员）",
                veto.finding());
    }

    @Test
    void aLookBackInMonthsCountsFromTheInspection() {
        Assessment old = assess(with(null, List.of(incident("c1", "crime", "2024-12-10", "staff", 1)), List.of()));
        assertTrue(old.vetoes().isEmpty(), "13 months before the inspection of 2026-01-15: " + old.vetoes());

        Assessment recent = assess(with(null, List.of(incident("c1", "crime", "2025-02-20", "staff", 1)), List.of()));
        assertEquals("vetoed", recent.verdict());
        assertEquals("近12个月内：2025年2月20日刑事犯罪（一般，职工）", recent.vetoes().get(0).finding());
    }

    @Test
    void aLookBackFromAFixedDateCountsOnlyFromThatDay() {
        Assessment before = assess(with(null, List.of(incident("f1", "food-safety", "2025-06-30", "staff", 1)), List.of()));
        assertTrue(before.vetoes().isEmpty(), "the day before 2025-07-01: " + before.vetoes());
        assertEquals("ready", before.verdict());

        Assessment after = assess(with(null, List.of(incident("f1", "food-safety", "2025-07-01", "staff", 1)), List.of()));
        assertEquals("vetoed", after.verdict());
        assertEquals("2025年7月1日以来：2025年7月1日食品安全事故（一般，职工）", after.vetoes().get(0).finding());
    }

    @Test
    void withinTheTitlePeriodALeaderDisciplinedBeforeItDoesNotCount() {
        Assessment a = assess(with(null, List.of(incident("d1", "discipline-violation", "2024-12-20", "leader", 1),
                incident("d3", "discipline-violation", "2025-09-01", "leader", 1)), List.of()));
        assertTrue(a.vetoes().isEmpty(), "one of the two before the period from 2025-01-01: " + a.vetoes());

        Assessment b = assess(with(null, List.of(incident("d1", "discipline-violation", "2025-01-01", "leader", 1),
                incident("d3", "discipline-violation", "2025-09-01", "leader", 1)), List.of()));
        assertEquals("vetoed", b.verdict());
        assertTrue(b.verdictReason().contains("班子成员2名以上受到党纪政务处分"), b.verdictReason());
        assertTrue(b.vetoes().get(0).finding().startsWith("届期内共2人（2人以上即否决）：2025年1月1日违纪违法（一般，班子成员）"),
                b.vetoes().get(0).finding());
    }

    @Test
    void theLastReviewsFindingsRectifiedWithMaterialMeetTheIndicator() {
        Assessment a = assess(with(null, List.of(), List.of(
                new PreviousFinding("pf-1", "台账归档不及时", true, LocalDate.parse("2025-03-01"), List.of("zhenggai/pf-1.pdf")))));
        Assessment.IndicatorScore s = a.indicators().stream().filter(i -> i.id().equals("rectification")).findFirst().orElseThrow();
        assertEquals("met", s.status());
        assertEquals(List.of("上次复查反馈的1个问题中已整改并有材料的占100%，符合要求（≥100%）"), s.findings());
    }

    @Test
    void anUnrectifiedFindingOfTheLastReviewIsAGap() {
        Assessment a = assess(with(null, List.of(), List.of(
                new PreviousFinding("pf-1", "台账归档不及时", true, null, List.of()),
                new PreviousFinding("pf-2", "志愿服务不经常", false, null, List.of()))));
        Assessment.Gap gap = a.gaps().stream().filter(g -> g.indicator().equals("rectification")).findFirst().orElseThrow();
        assertEquals("上次复查反馈的2个问题中有2个未整改落实：台账归档不及时（称已整改，但没有整改材料）；志愿服务不经常（未整改），"
                + "整改率0%，要求≥100%", gap.message());
        assertEquals(2, gap.pointsAtStake());
    }

    @Test
    void lintRejectsAVetoWithTwoLookBacksAndADeductionCapOfZero() throws IOException {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        try (Stream<Path> files = Files.list(set)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, bad.resolve(f.getFileName()));
            }
        }
        Files.writeString(bad.resolve("vetoes.yaml"), Files.readString(bad.resolve("vetoes.yaml"))
                .replace("    lookbackMonths: 12", "    lookbackMonths: 12\n    since: \"2024-01-01\""));
        Files.writeString(bad.resolve("adjustments.yaml"), Files.readString(bad.resolve("adjustments.yaml"))
                .replace("    cap: 5", "    cap: 0"));
        List<String> findings = new ArrayList<>();
        new CriteriaLinter().lint(bad, Path.of("rules")).forEach(f -> findings.add(f.file() + ":" + f.line() + " " + f.message()));
        assertTrue(findings.contains("adjustments.yaml:14 cap（该项最多扣的分数）应大于 0，实际为 0；扣分也写正数"), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("vetoes.yaml:")
                && f.contains("应给出且只给出一种回溯期限") && f.contains("现有 lookbackMonths、since")), findings.toString());
    }
}
