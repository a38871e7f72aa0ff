package org.civcheck.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.engine.CriteriaLinter;
import org.civcheck.engine.LintFinding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overlays: a folder with only {@code overlay.yaml} that adapts a base set — points, params,
 * remedies, blocking, the pass line, indicators that do not apply — loaded by the same
 * {@link CriteriaLoader#load} as a full set.
 */
class OverlayTest {

    private static final String HEAD = "base: ../provincial\nid: city\nname: 市级测评体系\nversion: \"2026.2\"\n";

    @TempDir
    Path dir;

    private CriteriaSet provincial;

    @BeforeEach
    void copyTheProvincialSet() throws IOException {
        Path base = dir.resolve("provincial");
        Files.createDirectories(base);
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.toList()) {
                Files.copy(f, base.resolve(f.getFileName()));
            }
        }
        provincial = loaded(base);
    }

    @Test
    void anOverlayTakesItsOwnNameAndTheBasesEverythingElse() throws IOException {
        CriteriaSet city = loaded(overlay(HEAD));
        assertEquals("city", city.id());
        assertEquals("市级测评体系", city.name());
        assertEquals("2026.2", city.version());
        assertEquals(provincial.indicators(), city.indicators());
        assertEquals(provincial.maxScore(), city.maxScore());
        assertEquals(provincial.passScore(), city.passScore());
        assertEquals(provincial.atRiskMargin(), city.atRiskMargin());
        assertEquals(provincial.vetoes(), city.vetoes());
    }

    @Test
    void paramsAreMergedKeyByKeyIntoTheBases() throws IOException {
        CriteriaSet city = loaded(overlay(HEAD + "indicators:\n  theory-study:\n    params: { min: 36 }\n"));
        Indicator study = city.indicator("theory-study").orElseThrow();
        assertEquals(36.0, study.params().get("min"));
        assertEquals(provincial.indicator("theory-study").orElseThrow().params().get("types"), study.params().get("types"));
    }

    @Test
    void aReplacedClassListTakesItsLabelWithIt() throws IOException {
        assertEquals("创建活动", provincial.indicator("regular-work").orElseThrow().params().get("typesLabel"));
        CriteriaSet city = loaded(overlay(HEAD + "indicators:\n  regular-work:\n    params: { types: [theory-study] }\n"));
        Indicator regular = city.indicator("regular-work").orElseThrow();
        assertEquals(List.of("theory-study"), regular.params().get("types"));
        assertFalse(regular.params().containsKey("typesLabel"), regular.params().toString());
        assertEquals(10.0, regular.params().get("minMonths"));
    }

    @Test
    void changedPointsMoveTheCategoryMaximumAndTheTotal() throws IOException {
        CriteriaSet city = loaded(overlay(HEAD + "indicators:\n  volunteer-hours:\n    points: 4\n"));
        assertEquals(4, city.indicator("volunteer-hours").orElseThrow().points());
        assertEquals(category(provincial, "volunteering").max() + 1, category(city, "volunteering").max());
        assertEquals(provincial.maxScore() + 1, city.maxScore());
    }

    @Test
    void remedyBlockingAndThePassLineAreOverridden() throws IOException {
        CriteriaSet city = loaded(overlay(HEAD + "passScore: 80\natRiskMargin: 3\nindicators:\n"
                + "  signature-activity:\n    blocking: true\n    remedy: 每季度开展一次特色活动。\n"
                + "  annual-plan:\n    blocking: false\n"));
        assertEquals(80, city.passScore());
        assertEquals(3, city.atRiskMargin());
        Indicator signature = city.indicator("signature-activity").orElseThrow();
        assertTrue(signature.blocking());
        assertEquals("每季度开展一次特色活动。", signature.remedy());
        assertFalse(city.indicator("annual-plan").orElseThrow().blocking());
        assertEquals(provincial.indicator("annual-plan").orElseThrow().remedy(), city.indicator("annual-plan").orElseThrow().remedy());
    }

    @Test
    void aNotApplicableIndicatorKeepsItsReasonAndLeavesBothMaxima() throws IOException {
        CriteriaSet city = loaded(overlay(HEAD + "indicators:\n  staff-satisfaction:\n"
                + "    notApplicable: 职工满意度由市文明办统一测评\n"));
        Indicator staff = city.indicator("staff-satisfaction").orElseThrow();
        double points = provincial.indicator("staff-satisfaction").orElseThrow().points();
        assertFalse(staff.applicable());
        assertEquals("职工满意度由市文明办统一测评", staff.notApplicableReason());
        assertEquals(category(provincial, "satisfaction").max() - points, category(city, "satisfaction").max());
        assertFalse(category(city, "satisfaction").applicableIndicators().contains(staff));
        assertEquals(provincial.maxScore() - points, city.maxScore());
        assertTrue(provincial.indicator("staff-satisfaction").orElseThrow().applicable());
    }

    @Test
    void anUnknownIndicatorIdIsAFaultAtItsLine() throws IOException {
        CriteriaLoading loading = new CriteriaLoader().load(overlay(HEAD + "indicators:\n  theory-study:\n"
                + "    params: { min: 36 }\n  theory-studdy:\n    points: 5\n"));
        assertFalse(loading.isLoaded());
        assertEquals(List.of("overlay.yaml:8: 基础测评体系中没有指标“theory-studdy”，叠加文件只能修改已有的指标"),
                loading.problems().stream().map(CriteriaProblem::toString).toList());
    }

    @Test
    void anUnknownChangeIsAFaultAtItsLine() throws IOException {
        CriteriaLoading loading = new CriteriaLoader().load(overlay(HEAD + "indicators:\n  theory-study:\n"
                + "    name: 学习\n"));
        assertEquals(List.of("overlay.yaml:7: 未知字段“name”，可用字段：points、params、remedy、blocking、notApplicable"),
                loading.problems().stream().map(CriteriaProblem::toString).toList());
    }

    @Test
    void notApplicableNeedsAReasonAndNothingElse() throws IOException {
        CriteriaLoading loading = new CriteriaLoader().load(overlay(HEAD + "indicators:\n  staff-satisfaction:\n"
                + "    notApplicable: \"\"\n    points: 3\n"));
        assertEquals(List.of(
                "overlay.yaml:7: notApplicable 应写明不适用的理由（文字），如 notApplicable: 本单位无对外服务窗口",
                "overlay.yaml:8: 指标“staff-satisfaction”已标为不适用，不再评分，无需再改 points"),
                loading.problems().stream().map(CriteriaProblem::toString).toList());
    }

    @Test
    void aPassLineAboveWhatRemainsIsAFault() throws IOException {
        double max = provincial.maxScore() - provincial.indicator("staff-satisfaction").orElseThrow().points();
        CriteriaLoading loading = new CriteriaLoader().load(overlay(HEAD + "passScore: " + (max + 1) + "\nindicators:\n"
                + "  staff-satisfaction:\n    notApplicable: 不适用\n"));
        assertEquals(List.of("overlay.yaml:5: 合格线 " + fmt(max + 1) + " 高于满分 " + fmt(max) + "（满分已除去不适用指标的分值）"),
                loading.problems().stream().map(CriteriaProblem::toString).toList());
    }

    @Test
    void aFaultInTheBaseNamesTheBasesFileFromTheOverlay() throws IOException {
        Path indicators = dir.resolve("provincial/indicators.yaml");
        Files.writeString(indicators, Files.readString(indicators).replace("problem: diversity", "problem: diversty"));
        CriteriaLoading loading = new CriteriaLoader().load(overlay(HEAD));
        assertFalse(loading.isLoaded());
        assertTrue(loading.problems().stream().allMatch(p -> p.toString().startsWith("../provincial/indicators.yaml:")
                && p.message().startsWith("未知的问题类别“diversty”")), loading.problems().toString());
    }

    @Test
    void aSetFolderIsEitherFullOrAnOverlay() throws IOException {
        Files.writeString(dir.resolve("provincial/overlay.yaml"), HEAD);
        CriteriaLoading loading = new CriteriaLoader().load(dir.resolve("provincial"));
        assertEquals(1, loading.problems().size());
        assertTrue(loading.problems().get(0).message().startsWith("同一个文件夹中既有 overlay.yaml 又有 criteria.yaml"));
    }

    @Test
    void anOverlayMayRestOnAnotherOverlay() throws IOException {
        overlay(HEAD + "indicators:\n  theory-study:\n    params: { min: 36 }\n");
        Path district = dir.resolve("district");
        Files.createDirectories(district);
        Files.writeString(district.resolve("overlay.yaml"), "base: ../city\nid: district\nname: 区级\nversion: \"1\"\n"
                + "passScore: 75\nindicators:\n  staff-satisfaction:\n    notApplicable: 不适用\n");
        CriteriaSet set = loaded(district);
        assertEquals(36.0, set.indicator("theory-study").orElseThrow().params().get("min"));
        assertEquals(75, set.passScore());
        assertEquals(provincial.maxScore() - provincial.indicator("staff-satisfaction").orElseThrow().points(), set.maxScore());

        Files.writeString(dir.resolve("city/overlay.yaml"), HEAD + "indicators:\n  theory-studdy:\n    points: 5\n");
        assertEquals(List.of("../city/overlay.yaml:6: 基础测评体系中没有指标“theory-studdy”，叠加文件只能修改已有的指标"),
                new CriteriaLoader().load(district).problems().stream().map(CriteriaProblem::toString).toList());
    }

    @Test
    void anOverlayThatIsItsOwnBaseIsAFault() throws IOException {
        Path city = overlay(HEAD.replace("../provincial", "../city"));
        assertEquals(List.of("../city/overlay.yaml:1: 叠加文件的 base 绕回了自身：" + city.resolve("../city").normalize()
                + " 的基础体系链形成循环"), new CriteriaLoader().load(city).problems().stream().map(CriteriaProblem::toString).toList());
    }

    @Test
    void theHashCoversTheOverlayAndItsBase() throws IOException {
        Path city = overlay(HEAD + "passScore: 80\n");
        String first = loaded(city).sha256();
        assertEquals(first, loaded(city).sha256(), "the same files give the same hash");
        assertNotEquals(provincial.sha256(), first);

        Files.writeString(city.resolve("overlay.yaml"), HEAD + "passScore: 81\n");
        String overlayChanged = loaded(city).sha256();
        assertNotEquals(first, overlayChanged);

        Path indicators = dir.resolve("provincial/indicators.yaml");
        Files.writeString(indicators, Files.readString(indicators).replace("min: 24 }", "min: 25 }"));
        assertNotEquals(overlayChanged, loaded(city).sha256());
    }

    @Test
    void lintPointsAtTheOverlayForTheParamsItChanges() throws IOException {
        Path city = overlay(HEAD + "indicators:\n  theory-study:\n    params: { mni: 36 }\n");
        List<LintFinding> findings = new CriteriaLinter().lint(city, Path.of("rules"));
        assertEquals(List.of("overlay.yaml:6: 警告：指标“theory-study”的参数 mni 没有任何“activity-count”规则使用，可能拼写有误"
                + " → 是否应为 min？该检查类型可用的参数：types、min、organizers"), findings.stream().map(LintFinding::toString).toList());
    }

    @Test
    void droppingPointsWithoutAPassLineOfItsOwnIsAWarningWithTheScaledLine() throws IOException {
        Path city = overlay("""
                base: %s
                id: small
                name: 小单位
                version: "1"
                indicators:
                  staff-satisfaction:
                    notApplicable: 职工不足30人
                """.formatted(Path.of("criteria/provincial").toAbsolutePath()));
        List<String> findings = new CriteriaLinter().lint(city, Path.of("rules")).stream().map(LintFinding::toString).toList();
        CriteriaSet set = loaded(city);
        double full = set.indicators().stream().mapToDouble(i -> i.points()).sum();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("overlay.yaml:1: 警告：1项不适用指标使满分由 " + CriteriaLoader.fmt(full)
                + " 降为 " + CriteriaLoader.fmt(set.maxScore()) + "，沿用基准的合格线 " + CriteriaLoader.fmt(set.passScore())),
                findings.get(0));
        assertTrue(findings.get(0).contains("写 passScore: "), findings.get(0));
    }

    @Test
    void theShippedCityExampleLoadsAndLintsClean() {
        CriteriaSet city = loaded(Path.of("criteria/city-example"));
        assertEquals(80, city.passScore());
        assertFalse(city.indicator("staff-satisfaction").orElseThrow().applicable());
        assertEquals(List.of(), new CriteriaLinter().lint(Path.of("criteria/city-example"), Path.of("rules")));
    }

    private Path overlay(String yaml) throws IOException {
        Path city = dir.resolve("city");
        Files.createDirectories(city);
        Files.writeString(city.resolve("overlay.yaml"), yaml);
        return city;
    }

    private static CriteriaSet loaded(Path set) {
        CriteriaLoading loading = new CriteriaLoader().load(set);
        assertTrue(loading.isLoaded(), () -> set + " loads: " + loading.problems());
        return loading.criteria();
    }

    private static Category category(CriteriaSet set, String id) {
        return set.categories().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static String fmt(double v) {
        return CriteriaLoader.fmt(v);
    }
}
