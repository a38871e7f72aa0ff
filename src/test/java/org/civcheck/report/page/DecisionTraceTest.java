package org.civcheck.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.CheckKind;
import org.civcheck.engine.RuleBaseBuilder;
import org.civcheck.engine.Explanation;
import org.civcheck.engine.Explanation.IndicatorTrace;
import org.civcheck.engine.Explanation.MeasureTrace;
import org.civcheck.evidence.Activity;
import org.civcheck.report.page.DecisionTrace.Step;
import org.civcheck.report.page.DecisionTrace.Threshold;
import org.junit.jupiter.api.Test;

class DecisionTraceTest {

    private static final Vocabulary WORDS = Vocabulary.of(PageFixtures.criteria());

    /** The check kinds as the project's rules declare them: the labels come from there, not from this test. */
    private static final Map<String, CheckKind> KINDS =
            new RuleBaseBuilder().build(java.nio.file.Path.of("rules")).ruleBase().checkKinds();

    /** How the rules of {@code kind} describe their parameters, as a result's explanation carries it. */
    private static List<Explanation.ParameterLabel> declared(String kind) {
        return KINDS.get(kind).parameters().values().stream()
                .map(p -> new Explanation.ParameterLabel(p.name(), p.label(), p.type(), p.unit())).toList();
    }

    /** Every parameter of every kind, the first kind to declare a name giving its label. */
    private static List<Explanation.ParameterLabel> allDeclared() {
        Map<String, Explanation.ParameterLabel> all = new LinkedHashMap<>();
        // The kinds this test's parameters come from first: another kind may label a shared name otherwise.
        List<String> kinds = new ArrayList<>(List.of("satisfaction", "incidents", "evidence-kinds", "regularity",
                "coordinator", "department-participation", "volunteer-hours", "document", "activity-count"));
        kinds.addAll(KINDS.keySet());
        kinds.forEach(k -> declared(k).forEach(p -> all.putIfAbsent(p.name(), p)));
        return new ArrayList<>(all.values());
    }

    /** Parameters in the order a stored result may give them (a hash map's), to be put in the fold's order. */
    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static EvidenceIndex index(List<String> ids) {
        List<Activity> activities = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            activities.add(PageFixtures.activity(ids.get(i), "festival", LocalDate.of(2025, 3, 1).plusDays(i)));
        }
        return EvidenceIndex.of(PageFixtures.evidence(LocalDate.of(2026, 1, 20), activities), WORDS);
    }

    @Test
    void aClassOfActivityTypesIsNamedByTheClassWithEveryTypeSpelledOutBeneath() {
        List<Threshold> thresholds = DecisionTrace.thresholds(params(
                "maxExternalShare", 0.5,
                "typesLabel", "创建活动",
                "externalOrganizers", List.of("civilization-office", "superior"),
                "types", List.of("volunteer-service", "festival")), declared("reliance"), WORDS);

        assertEquals(List.of(
                new Threshold("types", "活动类型", "创建活动（2类）", "志愿服务、我们的节日"),
                new Threshold("externalOrganizers", "算作上级安排的组织方", "文明办、superior", null),
                new Threshold("maxExternalShare", "上级安排的活动不超过", "50%", null)), thresholds);
    }

    @Test
    void countsAreNumbersWithoutDecimalsAndTheTypesAreNamed() {
        assertEquals(List.of(
                new Threshold("types", "活动类型", "理论学习、志愿服务", null),
                new Threshold("min", "最少次数", "24次", null)),
                DecisionTrace.thresholds(params("min", 24.0, "types", List.of("theory-study", "volunteer-service")),
                        declared("activity-count"), WORDS));
    }

    @Test
    void aDocumentsKindDeadlineAndLeadAreReadable() {
        assertEquals(List.of(
                new Threshold("documentKind", "文件种类", "年度创建计划", null),
                new Threshold("min", "最少份数", "1份", null),
                new Threshold("deadline", "印发期限", "3月31日前", null),
                new Threshold("leadDays", "最早可在年初前", "90天", null)),
                DecisionTrace.thresholds(
                        params("leadDays", 90.0, "deadline", "03-31", "min", 1.0, "documentKind", "annual-plan"),
                        declared("document"), WORDS));
    }

    @Test
    void sharesArePercentagesNumbersHaveTheirUnitsFlagsAreYesOrNoAndUndeclaredParametersComeLastByTheirNames() {
        List<Threshold> thresholds = DecisionTrace.thresholds(params(
                        "zetaShare", 0.333,
                        "minRate", 0.85,
                        "alpha", false,
                        "minHoursPerVolunteer", 20.5,
                        "minDepartmentRate", 0.3,
                        "partTimeShare", 0.5,
                        "requireDedicated", true,
                        "minMonths", 10,
                        "allOf", List.of("photo", "minutes"),
                        "incidentTypes", List.of("discipline-violation", "crime"),
                        "surveyKind", "staff"), allDeclared(), WORDS);
        java.util.Set<Threshold> expected = java.util.Set.of(
                new Threshold("surveyKind", "测评对象", "职工", null),
                new Threshold("incidentTypes", "事件类型", "违纪违法、crime", null),
                new Threshold("allOf", "每项须齐备的材料", "照片、minutes", null),
                new Threshold("minMonths", "最少开展月数", "10个月", null),
                new Threshold("requireDedicated", "要求专职联络员", "是", null),
                new Threshold("partTimeShare", "兼职联络员得分比例", "50%", null),
                new Threshold("minDepartmentRate", "科室平均参与率不低于", "30%", null),
                new Threshold("minHoursPerVolunteer", "人均志愿服务时长不少于", "20.5小时", null),
                new Threshold("minRate", "满意率不低于", "85%", null));
        assertEquals(expected, java.util.Set.copyOf(thresholds.subList(0, 9)));
        assertEquals(List.of(new Threshold("alpha", "alpha", "否", null), new Threshold("zetaShare", "zetaShare", "0.33", null)),
                thresholds.subList(9, 11));
    }

    @Test
    void withoutCriteriaTheIdsStandForTheirNames() {
        assertEquals(List.of(
                new Threshold("types", "活动类型", "@creation、festival", null),
                new Threshold("documentKind", "文件种类", "annual-plan", null)),
                DecisionTrace.thresholds(params("documentKind", "annual-plan",
                        "types", List.of("@creation", "festival")), allDeclared(), Vocabulary.none()));
        assertEquals(List.of(new Threshold("types", "活动类型", "创建活动、我们的节日", null)),
                DecisionTrace.thresholds(params("types", List.of("@creation", "festival")), allDeclared(), WORDS));
    }

    @Test
    void theCheckKindIsInChineseAndTheMeasuresShortOfTheirThresholdComeFirst() {
        IndicatorTrace t = new IndicatorTrace("regular-work", "regularity",
                params("minMonths", 10.0, "types", List.of("festival")), "partial", 1.5, 3, List.of(
                        new MeasureTrace("regularity: activities not bunched before the inspection", "bunching", 1, true,
                                "我们的节日中有0项（0%）在迎检前6周内开展", List.of()),
                        new MeasureTrace("regularity: months of the period with activity", "coverage", 0.3, false,
                                "我们的节日仅在3个月开展（3月、5月、12月），要求≥10个月", List.of("a1", "a2", "zz"))),
                KINDS.get("regularity").label(), declared("regularity"));

        DecisionTrace trace = DecisionTrace.of(t, WORDS, index(List.of("a1", "a2")));

        assertEquals("regular-work", trace.indicator());
        assertEquals("regularity", trace.check());
        assertEquals("经常性开展", trace.checkName());
        assertEquals("经常性开展，2项测量，1项未达到要求", trace.summary());
        assertEquals(List.of(new Threshold("types", "活动类型", "我们的节日", null),
                new Threshold("minMonths", "最少开展月数", "10个月", null)), trace.thresholds());
        Step coverage = trace.measures().get(0);
        assertEquals("✗", coverage.mark());
        assertEquals("我们的节日仅在3个月开展（3月、5月、12月），要求≥10个月", coverage.finding());
        assertEquals("regularity: months of the period with activity", coverage.rule());
        assertEquals("coverage", coverage.aspect());
        assertEquals("30%", coverage.share());
        assertEquals(List.of("#act-a1", "#act-a2", "null"),
                coverage.evidence().stream().map(l -> String.valueOf(l.href())).toList());
        assertEquals("第1项活动 · 2025年3月1日 活动a1", coverage.evidence().get(0).label());
        assertEquals(3, coverage.evidenceCount());
        Step bunching = trace.measures().get(1);
        assertEquals("✓", bunching.mark());
        assertEquals("100%", bunching.share());
        assertEquals(0, bunching.evidenceCount());
    }

    @Test
    void theSummarySaysWhenEveryMeasureMetOrNoneOrWhenNothingWasMeasured() {
        MeasureTrace met = new MeasureTrace("r", "a", 1, true, "ok", List.of());
        MeasureTrace shortOf = new MeasureTrace("r", "b", 0, false, "short", List.of());
        EvidenceIndex none = EvidenceIndex.of(null, WORDS);

        assertEquals("活动次数，1项测量，均达到要求", DecisionTrace.of(
                new IndicatorTrace("i", "activity-count", Map.of(), "met", 2, 2, List.of(met), "活动次数", List.of()), WORDS, none).summary());
        assertEquals("活动次数，1项测量，未达到要求", DecisionTrace.of(
                new IndicatorTrace("i", "activity-count", Map.of(), "unmet", 0, 2, List.of(shortOf), "活动次数", List.of()), WORDS, none)
                .summary());
        assertEquals("活动次数，2项测量，均未达到要求", DecisionTrace.of(new IndicatorTrace("i", "activity-count",
                Map.of(), "unmet", 0, 2, List.of(shortOf, shortOf), "活动次数", List.of()), WORDS, none).summary());
        assertEquals("满意度测评，不适用，未检查", DecisionTrace.of(
                new IndicatorTrace("i", "satisfaction", Map.of(), "not-applicable", 0, 0, List.of(), "满意度测评", List.of()), WORDS, none)
                .summary());
        assertEquals("new-kind，没有规则测量这一项", DecisionTrace.of(
                new IndicatorTrace("i", "new-kind", null, "unmet", 0, 2, null), WORDS, none).summary());
    }

    @Test
    void aMeasuresEvidenceShowsEightFoldsTheNextAndCountsTheRest() {
        List<String> ids = IntStream.range(0, 205).mapToObj(i -> String.format("a%03d", i)).toList();
        MeasureTrace m = new MeasureTrace("r", "a", 1, true, "共205次", ids);

        Step step = DecisionTrace.of(new IndicatorTrace("i", "activity-count", Map.of(), "met", 2, 2, List.of(m)),
                WORDS, index(ids.subList(0, 10))).measures().get(0);

        assertEquals(List.of("a000", "a001", "a002", "a003", "a004", "a005", "a006", "a007"),
                step.evidence().stream().map(EvidenceIndex.EvidenceLink::id).toList());
        assertEquals(192, step.moreEvidence().size());
        assertEquals("a008", step.moreEvidence().get(0).id());
        assertEquals(205, step.evidenceCount());
        assertEquals(5, step.unlistedEvidence());
    }

    @Test
    void aResultWithoutAnExplanationHasNoTraces() {
        Assessment old = PageFixtures.result(59, List.of());

        assertTrue(DecisionTrace.of(old, WORDS, EvidenceIndex.of(null, WORDS)).isEmpty());
    }

    @Test
    void aResultsTracesAreByIndicatorAndShowUnderTheirRowsOnThePage() {
        Assessment a = withIndicators(PageFixtures.result(59, List.of()));
        Assessment explained = a.withExplanation(new Explanation(List.of(
                new IndicatorTrace("regular-work", "regularity", Map.of("minMonths", 10.0), "met", 3, 3, List.of(),
                        "经常性开展", declared("regularity"))),
                List.of(), Map.of()));

        ResultsPage page = page(explained);
        ResultsPage old = page(a);

        assertEquals("经常性开展，没有规则测量这一项",
                page.indicators().get(0).indicators().get(0).trace().summary());
        assertNull(page.indicators().get(2).indicators().get(0).trace(), "not in the explanation: no fold");
        assertTrue(page.hasTraces());
        assertNull(old.indicators().get(0).indicators().get(0).trace());
        assertEquals(false, old.hasTraces());
    }

    static Assessment withIndicators(Assessment base) {
        return new Assessment(base.unit(), base.criteria(), base.score(), base.maxScore(), base.passScore(),
                base.verdict(), base.verdictReason(), base.period(), base.inspectionDate(), base.categories(),
                List.of(new Assessment.IndicatorScore("regular-work", "organization", "创建工作常态化开展", 3, 3, "met",
                                "材料审核", true, List.of("创建活动覆盖11个月"), List.of()),
                        new Assessment.IndicatorScore("department-participation", "participation", "各科室参与创建", 2,
                                5, "partial", "材料审核", false, List.of("两个科室参与少"), List.of())),
                base.vetoes(), base.gaps(), base.problems(), base.participation(), base.warnings(), base.explain());
    }

    private static ResultsPage page(Assessment a) {
        return ResultsPage.of(new ResultsPage.Source("x1",
                java.time.OffsetDateTime.of(2026, 1, 5, 2, 0, 0, 0, java.time.ZoneOffset.UTC), "p.json", 10), a, null, List.of(), null, null, WORDS);
    }
}
