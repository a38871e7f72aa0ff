package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.exactShare;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.listParam;
import static org.civcheck.engine.Fixtures.param;
import static org.civcheck.engine.Fixtures.pct;
import static org.civcheck.engine.PackageBuilder.act;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Check kind "reliance", on self-initiative (主动谋划创建活动): how much of the 创建 work others arranged. */
class RelianceRuleTest {

    private static final String SELF = "self-initiative";

    private final double maxExternal = param(SELF, "maxExternalShare");
    private final List<String> external = listParam(SELF, "externalOrganizers");
    private final String externalNames = String.join("、", external.stream().map(Fixtures::name).toList());
    private final String creation = listParam(SELF, "types").get(0);

    @Test
    void anExternalShareExactlyAtTheMaximumIsMet() {
        int[] split = exactShare(maxExternal, 1);
        Assessment a = assess(arranged(split[0], split[1]));
        Assessment.IndicatorScore s = indicator(a, SELF);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of(finding(split[0], split[1]) + "，符合要求（外部安排≤" + pct(maxExternal) + "）"), s.findings());
        assertTrue(gapsOf(a, SELF).isEmpty());
    }

    @Test
    void anExternalShareAboveTheMaximumIsAMechanismGapNamingTheExternalActivities() {
        int[] split = exactShare(maxExternal, 1);
        int total = split[0] + 1;
        int arrangedByOthers = split[1] + 1;
        Assessment a = assess(arranged(total, arrangedByOthers));
        Assessment.IndicatorScore s = indicator(a, SELF);
        assertTrue(s.score() < s.max(), "the reliance costs points: " + s.score());
        Assessment.Gap gap = gapOf(a, SELF);
        assertEquals("mechanism", gap.problem());
        assertEquals(finding(total, arrangedByOthers) + "，过分依赖上级安排部署，要求外部安排≤" + pct(maxExternal), gap.message());
        assertEquals(externalIds(arrangedByOthers), gap.evidence());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
    }

    @Test
    void everyCreationActivityArrangedByOthersScoresNothing() {
        Assessment a = assess(arranged(2, 2));
        assertEquals("unmet", indicator(a, SELF).status());
        assertEquals(0.0, indicator(a, SELF).score());
    }

    @Test
    void activitiesWithAPartnerUnitCountAsTheUnitsOwn() {
        PackageBuilder p = PackageBuilder.unit()
                .with(act(creation, "2025-03-10").organizer(external.get(0)))
                .with(act(creation, "2025-04-10").organizer("partner"))
                .with(act(creation, "2025-05-10").organizer("partner"));
        Assessment.IndicatorScore s = indicator(assess(p), SELF);
        assertEquals("met", s.status());
        assertEquals(List.of(finding(3, 1) + "，符合要求（外部安排≤" + pct(maxExternal) + "）"), s.findings());
    }

    @Test
    void routineActivitiesArrangedByOthersAreNotCounted() {
        PackageBuilder p = PackageBuilder.unit()
                .with(act(creation, "2025-03-10"))
                .with(act("theory-study", "2025-04-10").organizer(external.get(0)))
                .with(act("party-life", "2025-05-10").organizer(external.get(0)));
        Assessment.IndicatorScore s = indicator(assess(p), SELF);
        assertEquals("met", s.status());
        assertEquals(List.of(finding(1, 0) + "，符合要求（外部安排≤" + pct(maxExternal) + "）"), s.findings());
    }

    @Test
    void noCreationActivityIsUnmet() {
        Assessment a = assess(PackageBuilder.unit().activity("theory-study", "2025-04-10"));
        assertEquals("unmet", indicator(a, SELF).status());
        assertEquals("评估期内没有开展创建活动", gapOf(a, SELF).message());
    }

    /** {@code total} creation activities; the first {@code byOthers} ("ext-NN") arranged by the external organizers in turn. */
    private PackageBuilder arranged(int total, int byOthers) {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < total; i++) {
            String date = String.format("2025-%02d-10", i % 12 + 1);
            p.with(i < byOthers
                    ? act(creation, date).id(String.format("ext-%02d", i + 1)).organizer(external.get(i % external.size()))
                    : act(creation, date).id(String.format("own-%02d", i + 1)));
        }
        return p;
    }

    private String finding(int total, int byOthers) {
        return total + "项创建活动中有" + byOthers + "项（" + pct((double) byOthers / total) + "）由" + externalNames + "安排，本单位自主开展"
                + (total - byOthers) + "项";
    }

    private static List<String> externalIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(String.format("ext-%02d", i));
        }
        return ids;
    }
}
