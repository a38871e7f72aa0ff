package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.intParam;
import static org.civcheck.engine.Fixtures.listParam;
import static org.civcheck.engine.Fixtures.monthList;
import static org.civcheck.engine.Fixtures.stepped;
import static org.civcheck.engine.PackageBuilder.act;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Check kinds "variety" (自主开展的创建活动形式多样: distinct types the unit arranged itself) and
 * "signature" (经常性特色品牌活动: activities tagged featured, their count and their months).
 */
class DiversityRuleTest {

    private static final String VARIETY = "activity-variety";
    private static final String SIGNATURE = "signature-activity";

    private final int minTypes = intParam(VARIETY, "minDistinctTypes");
    private final List<String> creationTypes = listParam(VARIETY, "types");
    private final String own = String.join("、", listParam(VARIETY, "organizers").stream().map(Fixtures::name).toList());
    private final int minFeatured = intParam(SIGNATURE, "minFeatured");
    private final int minFeaturedMonths = intParam(SIGNATURE, "minFeaturedMonths");

    // --- variety --------------------------------------------------------------------------

    @Test
    void theMinimumNumberOfOwnKindsIsMet() {
        Assessment a = assess(ownKinds(minTypes));
        Assessment.IndicatorScore s = indicator(a, VARIETY);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of(own + "开展的创建活动涵盖" + minTypes + "类，形式多样（要求≥" + minTypes + "类）"), s.findings());
        assertTrue(gapsOf(a, VARIETY).isEmpty());
    }

    @Test
    void oneKindFewerIsADiversityGapNamingTheKinds() {
        Assessment a = assess(ownKinds(minTypes - 1));
        Assessment.IndicatorScore s = indicator(a, VARIETY);
        assertEquals("partial", s.status());
        assertEquals(stepped(VARIETY, (minTypes - 1.0) / minTypes), s.score());
        Assessment.Gap gap = gapOf(a, VARIETY);
        assertEquals("diversity", gap.problem());
        assertEquals(own + "自主开展的创建活动仅" + (minTypes - 1) + "类（" + kindNames(minTypes - 1) + "），形式单一，要求≥" + minTypes + "类",
                gap.message());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
    }

    @Test
    void aKindArrangedByTheCivilizationOfficeDoesNotCount() {
        PackageBuilder p = ownKinds(minTypes - 1)
                .with(act(creationTypes.get(minTypes - 1), "2025-09-10").organizer("civilization-office"));
        assertEquals("partial", indicator(assess(p), VARIETY).status());
    }

    @Test
    void repeatingAKindDoesNotAddToTheVariety() {
        PackageBuilder p = ownKinds(minTypes - 1).with(act(creationTypes.get(0), "2025-09-10"), act(creationTypes.get(0), "2025-10-10"));
        assertEquals("partial", indicator(assess(p), VARIETY).status());
    }

    @Test
    void routineKindsDoNotAddToTheVariety() {
        PackageBuilder p = ownKinds(minTypes - 1).with(act("theory-study", "2025-09-10"), act("party-life", "2025-10-10"));
        assertEquals("partial", indicator(assess(p), VARIETY).status());
    }

    @Test
    void noOwnCreationActivityIsUnmet() {
        PackageBuilder p = PackageBuilder.unit().with(act(creationTypes.get(0), "2025-03-10").organizer("civilization-office"));
        Assessment a = assess(p);
        assertEquals("unmet", indicator(a, VARIETY).status());
        assertEquals("没有" + own + "自主开展的创建活动，要求≥" + minTypes + "类", gapOf(a, VARIETY).message());
    }

    // --- signature ------------------------------------------------------------------------

    @Test
    void theMinimumFeaturedCountOverTheMinimumMonthsIsMet() {
        Assessment a = assess(featured(minFeatured, minFeaturedMonths));
        Assessment.IndicatorScore s = indicator(a, SIGNATURE);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("特色品牌活动开展" + minFeatured + "次（要求≥" + minFeatured + "次）",
                "特色品牌活动分布在" + minFeaturedMonths + "个月，形成经常性活动"), s.findings());
        assertEquals(featuredIds(minFeatured), s.evidence());
        assertTrue(gapsOf(a, SIGNATURE).isEmpty());
    }

    @Test
    void oneFeaturedActivityFewerIsADiversityGap() {
        Assessment a = assess(featured(minFeatured - 1, minFeaturedMonths));
        Assessment.IndicatorScore s = indicator(a, SIGNATURE);
        assertEquals("partial", s.status());
        Assessment.Gap gap = gapOf(a, SIGNATURE);
        assertEquals("diversity", gap.problem());
        assertEquals("特色品牌活动仅" + (minFeatured - 1) + "次，要求≥" + minFeatured + "次", gap.message());
        assertEquals(featuredIds(minFeatured - 1), gap.evidence());
    }

    @Test
    void featuredActivitiesInOneMonthTooFewAreNotYetRegularAndTheGapNamesThem() {
        Assessment a = assess(featured(minFeatured, minFeaturedMonths - 1));
        Assessment.IndicatorScore s = indicator(a, SIGNATURE);
        assertEquals("partial", s.status());
        Assessment.Gap gap = gapOf(a, SIGNATURE);
        assertEquals("特色品牌活动仅在" + monthList(IntStream.rangeClosed(1, minFeaturedMonths - 1).boxed().toList())
                + "开展，未形成经常性活动，要求分布在≥" + minFeaturedMonths + "个月", gap.message());
        assertEquals(featuredIds(minFeatured), gap.evidence());
    }

    @Test
    void noFeaturedActivityIsUnmet() {
        Assessment a = assess(ownKinds(minTypes));
        Assessment.IndicatorScore s = indicator(a, SIGNATURE);
        assertEquals("unmet", s.status());
        assertEquals(0.0, s.score());
        assertEquals("没有体现本单位特色的品牌活动，往往是文明办组织什么就参加什么", gapOf(a, SIGNATURE).message());
    }

    // --- fixtures -------------------------------------------------------------------------

    /** One self-arranged activity of each of the first {@code count} creation types. */
    private PackageBuilder ownKinds(int count) {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < count; i++) {
            p.with(act(creationTypes.get(i), String.format("2025-%02d-10", i % 12 + 1)));
        }
        return p;
    }

    /** The names findings give the first {@code count} creation types: by type id, at most six, then "等N项". */
    private String kindNames(int count) {
        List<String> ids = new ArrayList<>(creationTypes.subList(0, count));
        ids.sort(null);
        List<String> names = ids.stream().map(Fixtures::name).toList();
        return names.size() <= 6 ? String.join("、", names) : String.join("、", names.subList(0, 6)) + "等" + names.size() + "项";
    }

    /** {@code count} featured activities ("feat-NN") spread round-robin over the first {@code months} months. */
    private PackageBuilder featured(int count, int months) {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < count; i++) {
            p.with(act(creationTypes.get(0), String.format("2025-%02d-%02d", i % months + 1, 1 + i / months)).id(String.format("feat-%02d", i + 1))
                    .featured());
        }
        return p;
    }

    private static List<String> featuredIds(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("feat-%02d", i)).toList();
    }
}
