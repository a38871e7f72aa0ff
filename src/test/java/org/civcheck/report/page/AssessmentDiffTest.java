package org.civcheck.report.page;

import static org.civcheck.report.page.PageFixtures.gap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.civcheck.engine.Assessment;
import org.junit.jupiter.api.Test;

class AssessmentDiffTest {

    private static final Assessment BEFORE = PageFixtures.result(70, List.of(gap("plan", "mechanism", 3),
            gap("staff", "participation", 2), gap("records", "materials", 1)));
    private static final Assessment NOW = PageFixtures.result(75, List.of(gap("staff", "participation", 1.5),
            gap("variety", "diversity", 2), gap("records", "materials", 1)));

    @Test
    void gapsGoneSinceThePreviousAreResolved() {
        AssessmentDiff diff = AssessmentDiff.of(NOW, BEFORE, "2026年1月5日 10:00");

        assertEquals(1, diff.resolved().size());
        AssessmentDiff.Change plan = diff.resolved().get(0);
        assertEquals("plan", plan.indicator());
        assertEquals("3", plan.before());
        assertNull(plan.after());
        assertEquals("-3", plan.delta());
    }

    @Test
    void gapsNotThereBeforeAreNew() {
        AssessmentDiff diff = AssessmentDiff.of(NOW, BEFORE, null);

        assertEquals(List.of("variety"), diff.added().stream().map(AssessmentDiff.Change::indicator).toList());
        assertNull(diff.added().get(0).before());
        assertEquals("2", diff.added().get(0).after());
    }

    @Test
    void gapsStillOpenWithOtherPointsChangedAndTheRestAreCounted() {
        AssessmentDiff diff = AssessmentDiff.of(NOW, BEFORE, null);

        assertEquals(1, diff.changed().size());
        AssessmentDiff.Change staff = diff.changed().get(0);
        assertEquals("2", staff.before());
        assertEquals("1.5", staff.after());
        assertEquals("-0.5", staff.delta());
        assertEquals(1, diff.unchanged());
        assertFalse(diff.gapsSame());
    }

    @Test
    void theScoreAndVerdictThenAreKept() {
        AssessmentDiff diff = AssessmentDiff.of(NOW, BEFORE, "2026年1月5日 10:00");

        assertEquals("70", diff.previousScore());
        assertEquals("+5", diff.scoreDelta());
        assertEquals(1, diff.direction());
        assertEquals("难以通过", diff.previousVerdictName());
        assertEquals("2026年1月5日 10:00", diff.previousWhen());
        assertFalse(diff.criteriaChanged());
    }

    @Test
    void listsRunMostPointsFirst() {
        Assessment before = PageFixtures.result(60, List.of(gap("a", "mechanism", 1), gap("b", "mechanism", 4),
                gap("c", "mechanism", 2.5)));

        AssessmentDiff diff = AssessmentDiff.of(PageFixtures.result(80, List.of()), before, null);

        assertEquals(List.of("b", "c", "a"), diff.resolved().stream().map(AssessmentDiff.Change::indicator).toList());
        assertEquals(-1, AssessmentDiff.of(before, PageFixtures.result(80, List.of()), null).direction());
    }

    @Test
    void otherCriteriaAreFlagged() {
        Assessment other = new Assessment(BEFORE.unit(), new Assessment.CriteriaRef("test", "测试体系", "2", "def"),
                BEFORE.score(), BEFORE.maxScore(), BEFORE.passScore(), BEFORE.verdict(), BEFORE.verdictReason(),
                BEFORE.period(), BEFORE.inspectionDate(), BEFORE.categories(), BEFORE.indicators(), BEFORE.vetoes(),
                BEFORE.gaps(), BEFORE.problems(), BEFORE.participation(), BEFORE.warnings(), null);

        assertTrue(AssessmentDiff.of(NOW, other, null).criteriaChanged());
    }

    @Test
    void vetoesLiftedAndNewAreNamed() {
        Assessment vetoed = PageFixtures.result(96, List.of(),
                List.of(new Assessment.Veto("serious", "发生严重违纪", "…", List.of())));

        AssessmentDiff lifted = AssessmentDiff.of(NOW, vetoed, null);
        AssessmentDiff fired = AssessmentDiff.of(vetoed, NOW, null);

        assertEquals(List.of("发生严重违纪"), lifted.vetoesLifted());
        assertTrue(lifted.vetoesNew().isEmpty());
        assertEquals(List.of("发生严重违纪"), fired.vetoesNew());
    }

    @Test
    void noPreviousAssessmentMeansNoDiff() {
        assertNull(AssessmentDiff.of(NOW, null, null));
    }

    @Test
    void sameGapsAreSaidToBeUnchanged() {
        AssessmentDiff diff = AssessmentDiff.of(BEFORE, BEFORE, null);

        assertTrue(diff.gapsSame());
        assertEquals(3, diff.unchanged());
        assertEquals("0", diff.scoreDelta());
        assertEquals(0, diff.direction());
    }
}
