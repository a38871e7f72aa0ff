package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The explanation a rule author asks for: which rules decided each indicator, and what closing a gap changes. */
class ExplainTest {

    private static Assessment explained(PackageBuilder p) {
        return Fixtures.assessor().assess(p.build(), List.of(), true);
    }

    @Test
    void withoutAskingThereIsNoExplanation() {
        assertNull(Fixtures.assess(Fixtures.exemplary()).explain());
    }

    @Test
    void everyIndicatorIsTracedToTheRulesThatMeasuredIt() {
        Assessment a = explained(Fixtures.exemplary());
        assertEquals(Fixtures.criteria().indicators().size(), a.explain().indicators().size());
        Explanation.IndicatorTrace study = a.explain().indicators().stream()
                .filter(t -> t.indicator().equals("theory-study")).findFirst().orElseThrow();
        assertEquals("activity-count", study.check());
        assertEquals(Fixtures.param("theory-study", "min"), ((Number) study.params().get("min")).doubleValue());
        assertEquals(1, study.measures().size());
        assertEquals("activity-count: activities of the named types held in the period", study.measures().get(0).rule());
        assertTrue(study.measures().get(0).satisfied());
        assertTrue(a.explain().rulesFired().containsKey("verdict: ready at the pass line with no blocking gap"));
    }

    @Test
    void closingTheOnlyBlockingGapTurnsAtRiskIntoReady() {
        Assessment a = explained(Fixtures.exemplary().withoutPlans("annual-plan"));
        assertEquals("at-risk", a.verdict(), a.verdictReason());
        Explanation.WhatIf plan = a.explain().whatIf().stream()
                .filter(w -> w.indicator().equals("annual-plan")).findFirst().orElseThrow();
        assertEquals(Fixtures.points("annual-plan"), plan.recovers());
        assertEquals(a.score() + plan.recovers(), plan.scoreIfClosed());
        assertEquals("ready", plan.verdictIfClosed());
        assertEquals("补齐这一项可挽回" + Fixtures.num(plan.recovers()) + "分，得分" + Fixtures.num(plan.scoreIfClosed())
                + "，结论变为“可以通过”", plan.sentence());
    }

    @Test
    void aVetoStaysVetoedUnlessTheVetoItselfIsRemoved() {
        var veto = Fixtures.criteria().vetoes().get(0);
        Assessment a = explained(Fixtures.exemplary()
                .incident("inc-1", veto.incidentTypes().get(0), "2025-06-01", veto.minSeverity(), false));
        assertEquals("vetoed", a.verdict());
        for (Explanation.WhatIf w : a.explain().whatIf()) {
            if (w.indicator().startsWith("veto:")) {
                assertFalse(w.verdictIfClosed().equals("vetoed"), "removing the only veto lifts it: " + w);
            } else {
                assertEquals("vetoed", w.verdictIfClosed(), w.toString());
            }
        }
    }
}
