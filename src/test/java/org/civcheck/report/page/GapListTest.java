package org.civcheck.report.page;

import static org.civcheck.report.page.PageFixtures.gap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessment.Gap;
import org.civcheck.engine.Assessment.ProblemSummary;
import org.civcheck.engine.Explanation;
import org.junit.jupiter.api.Test;

class GapListTest {

    private static final List<String> TEN = IntStream.rangeClosed(1, 10).mapToObj(i -> "a" + i).toList();

    private static Assessment withProblems(List<Gap> gaps, List<ProblemSummary> problems, List<Assessment.Veto> vetoes) {
        Assessment base = PageFixtures.result(60, gaps, vetoes);
        return new Assessment(base.unit(), base.criteria(), base.score(), base.maxScore(), base.passScore(),
                base.verdict(), base.verdictReason(), base.period(), base.inspectionDate(), base.categories(),
                List.of(new Assessment.IndicatorScore("plan", "organization", "年度计划", 0, 3, "unmet", "材料审核", true,
                        List.of("发现plan"), List.of("doc-1"))),
                vetoes, base.gaps(), problems, List.of(), List.of(), null);
    }

    private static GapList list() {
        Gap classRemedy = new Gap("records", "指标records", "mechanism", "问题mechanism", 1, false, "发现records",
                "建立长效机制", TEN);
        Assessment a = withProblems(
                List.of(gap("plan", "mechanism", 3, List.of("doc-1")), gap("staff", "participation", 2),
                        gap("variety", "diversity", 2.5), classRemedy),
                List.of(new ProblemSummary("mechanism", "长效机制不健全", "建立长效机制", 4, 2),
                        new ProblemSummary("diversity", "形式不够多样", "创新载体", 2.5, 1),
                        new ProblemSummary("participation", "参与度不够", "全员参与", 2, 1)),
                List.of());
        List<org.civcheck.evidence.Activity> activities = new ArrayList<>();
        TEN.forEach(id -> activities.add(PageFixtures.activity(id, "theory-study", LocalDate.of(2025, 3, 1))));
        EvidenceIndex index = EvidenceIndex.of(PageFixtures.evidence(LocalDate.of(2026, 1, 20), activities),
                Vocabulary.none());
        return GapList.of(a, index);
    }

    @Test
    void groupsByProblemClassMostPointsFirst() {
        GapList gaps = list();

        assertEquals(List.of("mechanism", "diversity", "participation"),
                gaps.groups().stream().map(GapList.Group::problem).toList());
        assertEquals(List.of("4", "2.5", "2"), gaps.groups().stream().map(GapList.Group::pointsAtStake).toList());
        assertEquals("长效机制不健全", gaps.groups().get(0).title());
        assertEquals(4, gaps.count());
        assertEquals("8.5", gaps.pointsAtStake());
    }

    @Test
    void withinAClassTheGapWithMostPointsComesFirstWithItsIndicatorScore() {
        GapList.Group mechanism = list().groups().get(0);

        assertEquals(List.of("plan", "records"), mechanism.gaps().stream().map(GapList.Item::indicator).toList());
        GapList.Item plan = mechanism.gaps().get(0);
        assertEquals("3", plan.pointsAtStake());
        assertEquals("0", plan.score());
        assertEquals("3", plan.max());
        assertEquals("unmet", plan.status());
        assertEquals("发现plan", plan.message());
        assertNull(mechanism.gaps().get(1).score()); // no indicator score in the result
    }

    @Test
    void aRemedyThatRepeatsTheClassesIsLeftOut() {
        GapList.Group mechanism = list().groups().get(0);

        assertEquals("整改plan", mechanism.gaps().get(0).remedy());
        assertNull(mechanism.gaps().get(1).remedy());
        assertEquals("建立长效机制", mechanism.remedy());
    }

    @Test
    void theFirstEightEvidenceLinksShowAndTheRestFold() {
        GapList.Item records = list().groups().get(0).gaps().get(1);

        assertEquals(8, records.evidence().size());
        assertEquals(List.of("a9", "a10"), records.moreEvidence().stream().map(EvidenceIndex.EvidenceLink::id).toList());
        assertEquals(10, records.evidenceCount());
        assertEquals("#act-a1", records.evidence().get(0).href());
        assertEquals("3月1日", records.evidence().get(0).shortDate());
    }

    @Test
    void pastTwoHundredEvidenceIdsTheRestAreOnlyCounted() {
        List<String> many = IntStream.range(0, 250).mapToObj(i -> "x" + i).toList();
        Assessment a = PageFixtures.result(60, List.of(gap("records", "mechanism", 2, many)));

        GapList.Item item = GapList.of(a, EvidenceIndex.of(null, Vocabulary.none())).groups().get(0).gaps().get(0);

        assertEquals(8, item.evidence().size());
        assertEquals(192, item.moreEvidence().size());
        assertEquals(250, item.evidenceCount());
        assertEquals(50, item.unlistedEvidence());
    }

    @Test
    void evidenceThePackageDoesNotHoldHasNoLink() {
        GapList.Item plan = list().groups().get(0).gaps().get(0);

        assertNull(plan.evidence().get(0).href());
        assertNull(plan.evidence().get(0).label());
        assertEquals("doc-1", plan.evidence().get(0).id());
    }

    @Test
    void aVetoGapLeadsAndStaysOutOfThePointsSums() {
        Assessment.Veto veto = new Assessment.Veto("serious", "发生严重违纪", "2025-09-03 违纪", List.of("inc-1"));
        Gap vetoGap = new Gap("veto:serious", "一票否决", "conduct", "遵纪守法问题", 100, true, "一票否决：发生严重违纪", "严肃整改",
                List.of("inc-1"));
        Assessment a = withProblems(List.of(vetoGap, gap("discipline", "conduct", 4), gap("plan", "mechanism", 5)),
                List.of(), List.of(veto));

        GapList gaps = GapList.of(a, EvidenceIndex.of(null, Vocabulary.none()));

        assertEquals("conduct", gaps.groups().get(0).problem()); // above mechanism's 5 points
        assertTrue(gaps.groups().get(0).hasVeto());
        assertEquals("4", gaps.groups().get(0).pointsAtStake());
        assertTrue(gaps.groups().get(0).gaps().get(0).veto());
        assertFalse(gaps.groups().get(0).gaps().get(1).veto());
        assertEquals("9", gaps.pointsAtStake());
        assertEquals("遵纪守法问题", gaps.groups().get(0).title()); // from the gap when no summary
    }

    @Test
    void noGapsMakeAnEmptyList() {
        GapList gaps = GapList.of(PageFixtures.result(100, List.of()), EvidenceIndex.of(null, Vocabulary.none()));

        assertTrue(gaps.groups().isEmpty());
        assertEquals("0", gaps.pointsAtStake());
    }

    @Test
    void eachGapSaysWhatClosingItWouldChangeStressingAVerdictThatChanges() {
        Assessment a = PageFixtures.result(84, List.of(gap("plan", "mechanism", 3), gap("staff", "mechanism", 1)))
                .withExplanation(new Explanation(List.of(), List.of(
                        new Explanation.WhatIf("plan", 3, 87, "ready", "补齐这一项可挽回3分，得分87，结论变为“可以通过”"),
                        new Explanation.WhatIf("staff", 1, 85, "not-ready", "补齐这一项可挽回1分，得分85，结论仍为“难以通过”")),
                        java.util.Map.of()));

        List<GapList.Item> items = GapList.of(a, EvidenceIndex.of(null, Vocabulary.none())).groups().get(0).gaps();

        assertEquals(new GapList.WhatIf("补齐这一项可挽回3分，得分87，", "结论变为“可以通过”", "ready", "可以通过", true),
                items.get(0).whatIf());
        assertEquals("补齐这一项可挽回3分，得分87，结论变为“可以通过”", items.get(0).whatIf().sentence());
        assertEquals(new GapList.WhatIf("补齐这一项可挽回1分，得分85，", "结论仍为“难以通过”", "not-ready", "难以通过", false),
                items.get(1).whatIf());
    }

    @Test
    void aVetosLineSaysItLeavesTheScoreButDecidesTheVerdict() {
        Assessment.Veto veto = new Assessment.Veto("serious", "发生严重违纪", "2025-09-03 违纪", List.of("inc-1"));
        Gap vetoGap = new Gap("veto:serious", "一票否决", "conduct", "遵纪守法问题", 100, true, "一票否决：发生严重违纪", "严肃整改",
                List.of("inc-1"));
        Assessment a = PageFixtures.result(96, List.of(vetoGap), List.of(veto)).withExplanation(new Explanation(
                List.of(), List.of(new Explanation.WhatIf("veto:serious", 0, 96, "ready", "消除该否决事项后结论变为“可以通过”")),
                java.util.Map.of()));

        GapList.Item item = GapList.of(a, EvidenceIndex.of(null, Vocabulary.none())).groups().get(0).gaps().get(0);

        assertEquals(new GapList.WhatIf("该事项不影响得分，但", "结论为“" + org.civcheck.engine.Verdicts.chinese(a.verdict()) + "”",
                a.verdict(), org.civcheck.engine.Verdicts.chinese(a.verdict()), false), item.whatIf());
        assertTrue(!item.whatIf().sentence().contains("消除"), "a disciplinary case is never said to be undone");
    }

    @Test
    void aResultStoredWithoutAnExplanationHasNoWhatIf() {
        GapList.Item plan = list().groups().get(0).gaps().get(0);

        assertNull(plan.whatIf());
    }
}
