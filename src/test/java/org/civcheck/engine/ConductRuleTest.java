package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.listParam;
import static org.civcheck.engine.Fixtures.param;
import static org.civcheck.engine.Fixtures.stepped;
import static org.civcheck.engine.PackageBuilder.INSPECTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.civcheck.criteria.Taxonomy;
import org.civcheck.criteria.VetoRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check kind "incidents" (安全稳定无责任事故 on safety, 遵纪守法无违纪案件 on discipline) and the veto
 * list (一票否决), which decides the verdict whatever the score.
 */
class ConductRuleTest {

    private static final String SAFETY = "safety";
    private static final String DISCIPLINE = "discipline";

    private final List<String> safetyTypes = listParam(SAFETY, "incidentTypes");
    private final String accident = safetyTypes.get(0);
    private final VetoRule seriousDiscipline = veto("serious-discipline");
    private final String violation = seriousDiscipline.incidentTypes().get(0);

    // --- incidents ------------------------------------------------------------------------

    @Test
    void noIncidentIsMetAndSaysWhatDidNotHappen() {
        Assessment a = assess(PackageBuilder.unit());
        Assessment.IndicatorScore s = indicator(a, SAFETY);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("评估期内未发生" + String.join("、", safetyTypes.stream().map(Fixtures::name).toList())), s.findings());
        assertTrue(gapsOf(a, SAFETY).isEmpty());
    }

    @Test
    void aResolvedIncidentEarnsTheResolvedShareAndIsAConductGap() {
        Assessment a = assess(PackageBuilder.unit().incident("inc-1", accident, "2025-06-01", "minor", true));
        Assessment.IndicatorScore s = indicator(a, SAFETY);
        assertEquals("partial", s.status());
        assertEquals(stepped(SAFETY, param(SAFETY, "resolvedShare")), s.score());
        Assessment.Gap gap = gapOf(a, SAFETY);
        assertEquals("conduct", gap.problem());
        assertEquals("评估期内发生1起：2025年6月1日" + Fixtures.name(accident) + "（一般，已整改）", gap.message());
        assertEquals(List.of("inc-1"), gap.evidence());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
    }

    @Test
    void anUnresolvedIncidentLeavesNothing() {
        Assessment a = assess(PackageBuilder.unit().incident("inc-1", accident, "2025-06-01", "minor", false));
        Assessment.IndicatorScore s = indicator(a, SAFETY);
        assertEquals("unmet", s.status());
        assertEquals(0.0, s.score());
        assertEquals("评估期内发生1起：2025年6月1日" + Fixtures.name(accident) + "（一般，未整改）", gapOf(a, SAFETY).message());
    }

    @Test
    void oneUnresolvedIncidentAmongResolvedOnesLeavesNothingAndAllAreListedByDate() {
        String petition = safetyTypes.get(1);
        Assessment a = assess(PackageBuilder.unit()
                .incident("inc-1", accident, "2025-03-01", "minor", true)
                .incident("inc-2", petition, "2025-08-01", "minor", false));
        assertEquals("unmet", indicator(a, SAFETY).status());
        Assessment.Gap gap = gapOf(a, SAFETY);
        assertEquals("评估期内发生2起：2025年3月1日" + Fixtures.name(accident) + "（一般，已整改）；2025年8月1日" + Fixtures.name(petition)
                + "（一般，未整改）", gap.message());
        assertEquals(List.of("inc-1", "inc-2"), gap.evidence());
    }

    @Test
    void anIncidentBeforeThePeriodDoesNotCount() {
        Assessment a = assess(PackageBuilder.unit().incident("inc-old", accident, "2024-06-01", "minor", false));
        assertEquals("met", indicator(a, SAFETY).status());
    }

    @Test
    void anIncidentOfAnotherIndicatorsTypeDoesNotCount() {
        Assessment a = assess(PackageBuilder.unit().incident("inc-1", accident, "2025-06-01", "minor", false));
        assertEquals("met", indicator(a, DISCIPLINE).status());
    }

    // --- vetoes ---------------------------------------------------------------------------

    @Test
    void aSeriousDisciplineViolationVetoesWhateverTheScore() {
        Assessment a = assess(Fixtures.exemplary().incident("inc-serious", violation, "2025-05-01", seriousDiscipline.minSeverity(), true));
        assertTrue(a.score() >= a.passScore(), "the score alone would pass: " + a.score());
        assertEquals("vetoed", a.verdict());
        assertEquals("触发一票否决：" + seriousDiscipline.name(), a.verdictReason());
        String finding = "近" + seriousDiscipline.lookbackYears() + "年内：2025年5月1日" + Fixtures.name(violation) + "（"
                + Fixtures.name(seriousDiscipline.minSeverity()) + "）：测试事件";
        assertEquals(List.of(new Assessment.Veto(seriousDiscipline.id(), seriousDiscipline.name(), finding, List.of("inc-serious"))),
                a.vetoes());
    }

    @Test
    void aVetoIsTheFirstGapWithTheWholeScoreAtStake() {
        Assessment a = assess(Fixtures.exemplary().incident("inc-serious", violation, "2025-05-01", seriousDiscipline.minSeverity(), false));
        Assessment.Gap first = a.gaps().get(0);
        assertEquals("veto:" + seriousDiscipline.id(), first.indicator());
        assertEquals("conduct", first.problem());
        assertEquals(a.maxScore(), first.pointsAtStake());
        assertEquals("一票否决：" + seriousDiscipline.name() + "（近" + seriousDiscipline.lookbackYears() + "年内：2025年5月1日"
                + Fixtures.name(violation) + "（" + Fixtures.name(seriousDiscipline.minSeverity()) + "）：测试事件）", first.message());
        assertEquals(List.of("inc-serious"), first.evidence());
        assertEquals(Fixtures.criteria().problems().get("conduct").remedy(), first.remedy());
        assertEquals(List.of("veto:" + seriousDiscipline.id(), DISCIPLINE), a.gaps().stream().map(Assessment.Gap::indicator).toList());
    }

    @Test
    void aViolationBelowTheVetosSeverityIsNoVeto() {
        String milder = severityBelow(seriousDiscipline.minSeverity());
        Assessment a = assess(Fixtures.exemplary().incident("inc-minor", violation, "2025-05-01", milder, true));
        assertTrue(a.vetoes().isEmpty(), a.vetoes()::toString);
        assertEquals("partial", indicator(a, DISCIPLINE).status());
        assertEquals("ready", a.verdict());
    }

    @Test
    void aSeriousViolationExactlyLookBackYearsBeforeTheInspectionStillVetoes() {
        String date = INSPECTION.minusYears(seriousDiscipline.lookbackYears()).toString();
        Assessment a = assess(Fixtures.exemplary().incident("inc-old", violation, date, seriousDiscipline.minSeverity(), true));
        assertEquals("vetoed", a.verdict());
        assertEquals("met", indicator(a, DISCIPLINE).status(), "before the period, it costs the indicator nothing");
    }

    @Test
    void aSeriousViolationOlderThanTheLookBackIsNoVeto() {
        String date = INSPECTION.minusYears(seriousDiscipline.lookbackYears()).minusDays(1).toString();
        Assessment a = assess(Fixtures.exemplary().incident("inc-old", violation, date, seriousDiscipline.minSeverity(), true));
        assertTrue(a.vetoes().isEmpty(), a.vetoes()::toString);
        assertEquals("ready", a.verdict());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vetoIds")
    void everyVetoFiresOnAnIncidentOfItsTypeAtItsMinimumSeverity(String id) {
        VetoRule v = veto(id);
        Assessment a = assess(PackageBuilder.unit().incident("inc-" + id, v.incidentTypes().get(0), "2025-05-01", v.minSeverity(), true));
        assertEquals("vetoed", a.verdict());
        assertTrue(a.vetoes().stream().anyMatch(x -> x.id().equals(id) && x.evidence().equals(List.of("inc-" + id))),
                a.vetoes()::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vetoIdsAboveTheLeastSeverity")
    void noVetoFiresOnAnIncidentOneSeverityBelowItsMinimum(String id) {
        VetoRule v = veto(id);
        String milder = severityBelow(v.minSeverity());
        Assessment a = assess(PackageBuilder.unit().incident("inc-" + id, v.incidentTypes().get(0), "2025-05-01", milder, true));
        assertTrue(a.vetoes().stream().noneMatch(x -> x.id().equals(id)), a.vetoes()::toString);
        assertNotEquals("vetoed", a.verdict());
    }

    static Stream<String> vetoIds() {
        return Fixtures.criteria().vetoes().stream().map(VetoRule::id);
    }

    /** The vetoes that leave out some severity (a veto taking every severity has nothing below it to try). */
    static Stream<String> vetoIdsAboveTheLeastSeverity() {
        return Fixtures.criteria().vetoes().stream().filter(v -> severityBelow(v.minSeverity()) != null).map(VetoRule::id);
    }

    private static VetoRule veto(String id) {
        return Fixtures.criteria().vetoes().stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no veto " + id));
    }

    /** The severity just below {@code severity}, null for the least. */
    private static String severityBelow(String severity) {
        Taxonomy t = Fixtures.criteria().taxonomy();
        int rank = t.severityRank(severity);
        return rank <= 0 ? null : t.severities().get(rank - 1).id();
    }
}
