package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.criteria;
import static org.civcheck.engine.Fixtures.exemplary;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.points;
import static org.civcheck.engine.Fixtures.textParam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.civcheck.evidence.EvidencePackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An indicator an overlay marks not applicable: never measured, never a gap, out of the maximum,
 * and in the result as "not-applicable" with its reason.
 */
class NotApplicableTest {

    private static final String REASON = "职工满意度由市文明办统一测评";

    @TempDir
    static Path dir;

    private static Assessor city;

    @BeforeAll
    static void loadAnOverlayWithoutStaffSatisfaction() throws IOException {
        Path overlay = dir.resolve("city");
        Files.createDirectories(overlay);
        Path base = overlay.toAbsolutePath().relativize(Fixtures.CRITERIA.toAbsolutePath());
        Files.writeString(overlay.resolve("overlay.yaml"), "base: " + base + "\nid: city\nname: 市级\nversion: \"1\"\n"
                + "indicators:\n  staff-satisfaction:\n    notApplicable: " + REASON + "\n");
        AssessorLoading loading = AssessorLoading.load(overlay, Fixtures.RULES);
        assertTrue(loading.isLoaded(), () -> "the overlay loads: " + loading.problems());
        city = loading.assessor();
    }

    /** The exemplary unit without the survey staff-satisfaction asks for. */
    private static EvidencePackage withoutStaffSurvey() {
        return exemplary().withoutSurveys(textParam("staff-satisfaction", "surveyKind")).build();
    }

    @Test
    void theMissingSurveyIsAGapWhereTheIndicatorApplies() {
        Assessment provincial = Fixtures.assessor().assess(withoutStaffSurvey(), List.of());
        assertEquals(1, gapsOf(provincial, "staff-satisfaction").size());
    }

    @Test
    void aNotApplicableIndicatorIsNeverAGap() {
        Assessment a = city.assess(withoutStaffSurvey(), List.of());
        assertEquals(List.of(), a.gaps());
        assertEquals(Verdicts.READY, a.verdict());
    }

    @Test
    void itShowsAsNotApplicableWithItsReason() {
        Assessment.IndicatorScore staff = indicator(city.assess(withoutStaffSurvey(), List.of()), "staff-satisfaction");
        assertEquals("not-applicable", staff.status());
        assertEquals(0, staff.score());
        assertEquals(0, staff.max());
        assertEquals(List.of(REASON), staff.findings());
        assertEquals(List.of(), staff.evidence());
    }

    @Test
    void itsPointsLeaveTheCategoryMaximumAndTheTotal() {
        Assessment a = city.assess(withoutStaffSurvey(), List.of());
        double points = points("staff-satisfaction");
        assertEquals(criteria().maxScore() - points, a.maxScore());
        assertEquals(a.maxScore(), a.score(), "every applicable indicator is met");
        double provincialMax = criteria().categories().stream().filter(c -> c.id().equals("satisfaction"))
                .findFirst().orElseThrow().max();
        Assessment.CategoryScore satisfaction = a.categories().stream().filter(c -> c.id().equals("satisfaction"))
                .findFirst().orElseThrow();
        assertEquals(provincialMax - points, satisfaction.max());
        assertEquals(satisfaction.max(), satisfaction.score());
    }

    @Test
    void theExplanationHasNoWhatIfForIt() {
        Assessment a = city.assess(withoutStaffSurvey(), List.of(), true);
        assertTrue(a.explain().whatIf().stream().noneMatch(w -> w.indicator().equals("staff-satisfaction")));
        assertTrue(a.explain().indicators().stream().anyMatch(t -> t.indicator().equals("staff-satisfaction")
                && t.status().equals("not-applicable") && t.measures().isEmpty()));
    }
}
