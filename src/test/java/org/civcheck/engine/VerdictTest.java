package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.criteria;
import static org.civcheck.engine.Fixtures.exemplary;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.listParam;
import static org.civcheck.engine.Fixtures.num;
import static org.civcheck.engine.Fixtures.points;
import static org.civcheck.engine.Fixtures.textParam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.civcheck.criteria.Category;
import org.junit.jupiter.api.Test;

/**
 * Scoring and the verdict (shared/spec/assessment-result.md): the total from the categories, the
 * gap list, and ready / at-risk / not-ready around the pass line, on packages that lose chosen
 * indicators' points from an exemplary one.
 */
class VerdictTest {

    private final double maxScore = criteria().maxScore();
    private final double passScore = criteria().passScore();
    private final double margin = criteria().atRiskMargin();

    /**
     * Ways to lose all of one indicator's points and nothing else, each with the indicator it costs.
     * None is blocking and none fires a veto.
     */
    private final Map<String, UnaryOperator<PackageBuilder>> spoilers = new LinkedHashMap<>();

    {
        spoilers.put("public-satisfaction", b -> b.withoutSurveys(textParam("public-satisfaction", "surveyKind")));
        spoilers.put("staff-satisfaction", b -> b.withoutSurveys(textParam("staff-satisfaction", "surveyKind")));
        spoilers.put("safety", b -> b.incident("inc-safety", listParam("safety", "incidentTypes").get(0), "2025-06-01",
                leastSeverity(), false));
        spoilers.put("discipline", b -> b.incident("inc-discipline", listParam("discipline", "incidentTypes").get(0),
                "2025-06-01", leastSeverity(), false));
        spoilers.put("coordinator", b -> b.coordinator(null, false));
        spoilers.put("long-term-systems", b -> b.withoutPlans(textParam("long-term-systems", "documentKind")));
        spoilers.put("responsibility", b -> b.withoutPlans(textParam("responsibility", "documentKind")));
        spoilers.put("leadership-study", b -> b.withoutActivities(x -> listParam("leadership-study", "types").contains(x.type())));
        spoilers.put("integrity-education",
                b -> b.withoutActivities(x -> listParam("integrity-education", "types").contains(x.type())));
        spoilers.put("signature-activity", b -> b.withoutActivities(x -> x.tags().contains("featured")));
    }

    // --- the total ------------------------------------------------------------------------

    @Test
    void anExemplaryPackageScoresEveryPointAndIsReady() {
        Assessment a = assess(exemplary());
        assertEquals(maxScore, a.score());
        assertTrue(a.indicators().stream().allMatch(i -> i.status().equals("met")), a.indicators()::toString);
        assertTrue(a.gaps().isEmpty(), a.gaps()::toString);
        assertEquals("ready", a.verdict());
        assertEquals("得分" + num(maxScore) + "，达到合格线" + num(passScore) + "，且无关键指标失分", a.verdictReason());
    }

    @Test
    void theScoreIsTheSumOfTheCategoryScoresEachTheSumOfItsIndicatorsAndAtMostItsMax() {
        Assessment a = assess(PackageBuilder.unit().activities("theory-study", 7).activities("volunteer-service", 5).volunteers(3)
                .coordinator("李四", false).survey("public", 10, 7));
        assertEquals(maxScore, a.maxScore());
        assertEquals(passScore, a.passScore());
        double total = 0;
        for (Assessment.CategoryScore c : a.categories()) {
            double sum = a.indicators().stream().filter(i -> i.category().equals(c.id()))
                    .mapToDouble(Assessment.IndicatorScore::score).sum();
            assertEquals(Math.min(sum, c.max()), c.score(), 1e-9, c.id());
            assertTrue(c.score() <= c.max(), c.id() + " within its max: " + c.score());
            total += c.score();
        }
        assertEquals(total, a.score(), 1e-9);
        assertEquals(maxScore, criteria().categories().stream().mapToDouble(Category::max).sum());
    }

    // --- the gap list ---------------------------------------------------------------------

    @Test
    void gapsAreSortedByPointsAtStakeLargestFirst() {
        Assessment a = assess(PackageBuilder.unit().activities("theory-study", 7).activities("volunteer-service", 5).volunteers(3)
                .coordinator("李四", false).survey("public", 10, 7));
        List<Double> stakes = a.gaps().stream().map(Assessment.Gap::pointsAtStake).toList();
        assertTrue(new TreeSet<>(stakes).size() > 2, "the package leaves gaps of several sizes: " + stakes);
        List<Double> sorted = new ArrayList<>(stakes);
        sorted.sort((x, y) -> Double.compare(y, x));
        assertEquals(sorted, stakes);
    }

    @Test
    void aGapPutsAtStakeThePointsItsIndicatorMissed() {
        Assessment a = assess(PackageBuilder.unit().activities("theory-study", 7).activities("volunteer-service", 5).volunteers(3)
                .coordinator("李四", false).survey("public", 10, 7));
        assertTrue(a.gaps().size() > 1);
        for (Assessment.Gap gap : a.gaps()) {
            Assessment.IndicatorScore s = indicator(a, gap.indicator());
            assertEquals(s.max() - s.score(), gap.pointsAtStake(), gap.indicator());
            assertTrue(gap.pointsAtStake() > 0, gap.indicator());
        }
        long unmetOrPartial = a.indicators().stream().filter(i -> !i.status().equals("met")).count();
        assertEquals(unmetOrPartial, a.gaps().size(), "one gap for every indicator short of its points");
    }

    // --- the verdict ----------------------------------------------------------------------

    @Test
    void exactlyAtThePassLineWithNoBlockingGapIsReady() {
        Assessment a = losing(maxScore - passScore);
        assertEquals(passScore, a.score());
        assertEquals("ready", a.verdict());
    }

    @Test
    void justBelowThePassLineIsAtRisk() {
        double lost = smallestLossAbove(maxScore - passScore);
        assertTrue(lost <= maxScore - passScore + margin, "a loss within the margin can be built: " + lost);
        Assessment a = losing(lost);
        assertEquals("at-risk", a.verdict());
        assertEquals("得分" + num(a.score()) + "，低于合格线" + num(passScore) + "，差" + num(passScore - a.score()) + "分",
                a.verdictReason());
    }

    @Test
    void exactlyTheMarginBelowThePassLineIsStillAtRisk() {
        Assessment a = losing(maxScore - passScore + margin);
        assertEquals(passScore - margin, a.score());
        assertEquals("at-risk", a.verdict());
    }

    @Test
    void furtherBelowThanTheMarginIsNotReady() {
        Assessment a = losing(smallestLossAbove(maxScore - passScore + margin));
        assertTrue(a.score() < passScore - margin);
        assertEquals("not-ready", a.verdict());
        assertEquals("得分" + num(a.score()) + "，低于合格线" + num(passScore) + "达" + num(passScore - a.score())
                + "分，按目前材料难以通过复查", a.verdictReason());
    }

    @Test
    void aBlockingGapAtAHighScoreIsAtRisk() {
        Assessment a = assess(lateAnnualPlan());
        assertTrue(a.score() >= passScore, "the score passes: " + a.score());
        assertTrue(Fixtures.gapOf(a, "annual-plan").blocking());
        assertEquals("at-risk", a.verdict());
    }

    @Test
    void theAtRiskReasonNamesTheBlockingIndicatorsByTheirNames() {
        Assessment a = assess(Fixtures.bunchedBeforeTheInspection(lateAnnualPlan()));
        assertEquals("at-risk", a.verdict());
        assertEquals("得分" + num(a.score()) + "达到合格线" + num(passScore) + "，但关键指标仍有差距："
                + Fixtures.indicator("annual-plan").name() + "、" + Fixtures.indicator("regular-work").name(), a.verdictReason());
    }

    @Test
    void aNonBlockingGapAtAHighScoreLeavesItReady() {
        Assessment a = assess(spoilers.get("coordinator").apply(exemplary()));
        assertEquals(maxScore - points("coordinator"), a.score());
        assertEquals("ready", a.verdict());
    }

    // --- fixtures -------------------------------------------------------------------------

    /** The exemplary package with its annual plan issued a day after the deadline. */
    private static PackageBuilder lateAnnualPlan() {
        String kind = textParam("annual-plan", "documentKind");
        LocalDate late = MonthDay.parse("--" + textParam("annual-plan", "deadline")).atYear(2025).plusDays(1);
        return exemplary().withoutPlans(kind).plan("plan-late", kind, late.toString());
    }

    /** The exemplary package losing exactly {@code points}, all of some spoilable indicators' points. */
    private Assessment losing(double points) {
        List<String> chosen = spoilersSumming(points);
        PackageBuilder b = exemplary();
        for (String id : chosen) {
            b = spoilers.get(id).apply(b);
        }
        Assessment a = assess(b);
        assertTrue(a.vetoes().isEmpty(), a.vetoes()::toString);
        assertEquals(maxScore - points, a.score(), 1e-9, "spoiling " + chosen + " costs exactly their points");
        return a;
    }

    /** The smallest loss above {@code floor} that some set of spoilers makes. */
    private double smallestLossAbove(double floor) {
        List<String> ids = new ArrayList<>(spoilers.keySet());
        double best = Double.MAX_VALUE;
        for (int mask = 1; mask < 1 << ids.size(); mask++) {
            double sum = sum(ids, mask);
            if (sum > floor + 1e-9 && sum < best) {
                best = sum;
            }
        }
        assertTrue(best < Double.MAX_VALUE, "some spoilers lose more than " + floor);
        return best;
    }

    private List<String> spoilersSumming(double points) {
        List<String> ids = new ArrayList<>(spoilers.keySet());
        for (int mask = 1; mask < 1 << ids.size(); mask++) {
            if (Math.abs(sum(ids, mask) - points) < 1e-9) {
                List<String> chosen = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    if ((mask & 1 << i) != 0) {
                        chosen.add(ids.get(i));
                    }
                }
                return chosen;
            }
        }
        throw new AssertionError("no set of " + ids + " loses exactly " + points + " points");
    }

    private static double sum(List<String> ids, int mask) {
        double sum = 0;
        for (int i = 0; i < ids.size(); i++) {
            if ((mask & 1 << i) != 0) {
                sum += points(ids.get(i));
            }
        }
        return sum;
    }

    private static String leastSeverity() {
        return criteria().taxonomy().severities().get(0).id();
    }
}
