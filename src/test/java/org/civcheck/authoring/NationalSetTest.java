package org.civcheck.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.engine.CriteriaLinter;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * criteria/national-2012, the national table written down whole: its shape as published, its own
 * cases passing with every indicator and every rule covered, and a city's overlay of it.
 */
class NationalSetTest {

    static final Path SET = Path.of("criteria/national-2012");
    static final Path CITY = Path.of("criteria/national-city-example");
    static final Path RULES = Path.of("rules");
    static final Path HOSPITAL = Path.of("examples/national-2012/county-hospital.json");
    static final Path CITY_HOSPITAL = Path.of("examples/national-2012/city-hospital.json");

    private static TestRun run;
    private static CriteriaTests tests;

    @BeforeAll
    static void runTheCases() {
        CriteriaTests.Loading loading = CriteriaTests.load(SET, RULES);
        assertTrue(loading.isLoaded(), () -> loading.problems().toString());
        tests = loading.tests();
        run = tests.run();
    }

    @Test
    void theSetHasTheThirteenItemsOfTheTableInItsOrderAndAHundredPoints() {
        CriteriaSet set = tests.assessor().criteria();
        assertEquals(List.of("学雷锋活动", "志愿服务活动", "道德讲堂建设", "学习型单位建设", "文明有礼培育", "勤俭节约活动",
                "道德经典诵读", "“我们的节日”活动", "文明风尚传播", "文化体育活动", "参与帮扶共建", "优质服务状况", "优美环境建设"),
                set.categories().stream().map(c -> c.name()).toList());
        assertEquals(100.0, set.maxScore());
        assertEquals(14.0, set.categories().get(0).max(), "学雷锋活动 as published");
        assertEquals(List.of(4.0, 4.0, 3.0, 3.0), set.indicators().stream()
                .filter(i -> i.categoryId().equals("lei-feng")).map(i -> i.points()).toList());
        assertTrue(set.indicators().stream().allMatch(i -> List.of("材料审核", "实地考察", "问卷调查", "材料审核、问卷调查")
                .contains(i.method())), "every content carries a method of the table");
        assertEquals(List.of(), new CriteriaLinter().lint(SET, RULES));
    }

    @Test
    void everyCasePassesAndCoversEveryIndicatorAndEveryRuleButTheTwoExempt() {
        String failures = run.results.stream().filter(r -> !r.passed())
                .map(r -> r.testCase().name() + " " + r.differences()).collect(Collectors.joining("\n"));
        assertTrue(run.allPassed(), failures);
        assertEquals(100.0, run.indicatorCoverage(), 1e-9, () -> run.coverage.indicatorsNotExercised().toString());
        assertEquals(List.of(), run.rulesNeverFired());
        assertEquals(List.of("score: an indicator no rule measured", "verdict: at risk at the pass line with a blocking gap"),
                run.coverage.exemptions().keySet().stream().map(RuleExemption::rule).sorted().toList());
    }

    @Test
    void theFestivalsNamedInTheTitlesMeetTheOccasionCheckAndItsFindingNamesThem() {
        Assessment a = hospital(SET);
        Assessment.IndicatorScore festivals = a.indicators().stream().filter(i -> i.id().equals("our-festivals"))
                .findFirst().orElseThrow();
        assertEquals("met", festivals.status());
        assertEquals(List.of("我们的节日、文体活动、道德经典诵读覆盖春节、元宵、清明、端午、中秋、重阳6个节日，达到要求（≥5个）"),
                festivals.findings());
    }

    @Test
    void theCitysOverlayAsksForAllSevenFestivalsAndDropsTheSmokingItem() {
        assertEquals(List.of(), new CriteriaLinter().lint(CITY, RULES));
        Assessment a = hospital(CITY);
        assertEquals(99.0, a.maxScore(), "禁烟 (2) not applicable, 志愿者注册 4 → 5");
        assertEquals(80.0, a.passScore());
        Assessment.Gap festivals = a.gaps().stream().filter(g -> g.indicator().equals("our-festivals")).findFirst()
                .orElseThrow();
        assertEquals("我们的节日、文体活动、道德经典诵读只覆盖春节、元宵、清明、端午、中秋、重阳6个节日，要求≥7个；未见七夕",
                festivals.message());
        assertEquals("not-applicable", a.indicators().stream().filter(i -> i.id().equals("no-smoking")).findFirst()
                .orElseThrow().status());
    }

    @Test
    void theCitysOwnBonusAndGradedDeductionScoreTheCityHospitalAndTheNationalSetHasNeither() {
        Assessment city = hospital(CITY, CITY_HOSPITAL);
        assertEquals(93.5, city.score(), "95.5 as the county hospital under the overlay, +1 honour, −3 misconduct");
        Assessment.AdjustmentScore honours = city.adjustments().stream().filter(x -> x.id().equals("honours"))
                .findFirst().orElseThrow();
        assertEquals(1, honours.points());
        assertEquals("获得表彰1项：2025年3月1日市级文明单位（市级，加1分）", honours.finding());
        Assessment.AdjustmentScore misconduct = city.adjustments().stream().filter(x -> x.id().equals("misconduct"))
                .findFirst().orElseThrow();
        assertEquals(-3, misconduct.points());
        assertEquals("评估期内发生道德失范2次（2025年8月15日道德失范（职工）2人次），按次数分档扣3分", misconduct.finding());
        assertEquals(List.of(new Assessment.Outcome("misconduct", "黄牌警告", "道德失范2次，达到2次即黄牌警告", List.of("inc-1"))),
                city.outcomes());
        assertEquals("ready", city.verdict(), "a warning stands beside the verdict");

        Assessment county = hospital(CITY);
        Assessment.AdjustmentScore none = county.adjustments().stream().filter(x -> x.id().equals("misconduct"))
                .findFirst().orElseThrow();
        assertEquals(0.0, none.points(), "no incident, no deduction: 0, not −0 (which read “−0分”)");
        assertEquals("评估期内未发生道德失范，不扣分", none.finding());
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(none).path("points").toString().equals("0.0"));
        assertEquals(List.of(), county.outcomes());
        assertEquals("评估期内未获得全国、省级、市级表彰", county.adjustments().stream()
                .filter(x -> x.id().equals("honours")).findFirst().orElseThrow().finding());

        Assessment national = hospital(SET, CITY_HOSPITAL);
        assertEquals(99.0, national.score(), "the national table has no bonus or deduction");
        assertTrue(national.adjustments() == null || national.adjustments().isEmpty(), "no adjustments");
    }

    @Test
    void aBonusByLevelWithoutTheSetsHonourLevelsNamesTheMissingList(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path base = dir.resolve("base");
        Path city = dir.resolve("city");
        java.nio.file.Files.createDirectories(base);
        java.nio.file.Files.createDirectories(city);
        try (var files = java.nio.file.Files.list(SET)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                java.nio.file.Files.copy(f, base.resolve(f.getFileName()));
            }
        }
        String taxonomy = java.nio.file.Files.readString(base.resolve("taxonomy.yaml"));
        java.nio.file.Files.writeString(base.resolve("taxonomy.yaml"), taxonomy.substring(0, taxonomy.indexOf("\n# The levels of an honour")));
        java.nio.file.Files.writeString(city.resolve("overlay.yaml"), java.nio.file.Files.readString(CITY.resolve("overlay.yaml"))
                .replace("base: ../national-2012", "base: ../base"));
        java.nio.file.Files.copy(CITY.resolve("adjustments.yaml"), city.resolve("adjustments.yaml"));
        List<String> findings = new CriteriaLinter().lint(city, RULES).stream().map(f -> f.file() + ":" + f.line() + " " + f.message()).toList();
        assertTrue(findings.contains("adjustments.yaml:9 “national”不在 taxonomy.yaml 的可选值中：taxonomy.yaml 没有 honorLevels 词表，"
                + "请先在其中列出可选的词（如 - { id: national, name: … }）"), findings.toString());
    }

    private static Assessment hospital(Path set) {
        return hospital(set, HOSPITAL);
    }

    private static Assessment hospital(Path set, Path pkg) {
        AssessorLoading loading = AssessorLoading.load(set, RULES);
        assertTrue(loading.isLoaded(), () -> loading.problems().toString());
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(pkg,
                loading.assessor().vocabulary());
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        return loading.assessor().assess(reading.evidence(), reading.warnings());
    }
}
