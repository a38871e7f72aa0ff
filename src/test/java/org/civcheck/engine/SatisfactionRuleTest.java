package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.param;
import static org.civcheck.engine.Fixtures.pct;
import static org.civcheck.engine.Fixtures.textParam;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Check kind "satisfaction": the latest survey of the public (群众满意度) or of the staff (职工满意度). */
class SatisfactionRuleTest {

    private static final String PUBLIC = "public-satisfaction";
    private static final String STAFF = "staff-satisfaction";
    private static final int RESPONDENTS = 100;

    private final String publicKind = textParam(PUBLIC, "surveyKind");
    private final double publicMin = param(PUBLIC, "minRate");
    private final int publicAtMinimum = (int) Math.ceil(publicMin * RESPONDENTS - 1e-9);
    private final String staffKind = textParam(STAFF, "surveyKind");
    private final double staffMin = param(STAFF, "minRate");
    private final int staffAtMinimum = (int) Math.ceil(staffMin * RESPONDENTS - 1e-9);

    @Test
    void aPublicSurveyAtTheMinimumRateIsMet() {
        Assessment a = assess(PackageBuilder.unit().survey(publicKind, RESPONDENTS, publicAtMinimum, "2025-11-20"));
        Assessment.IndicatorScore s = indicator(a, PUBLIC);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("群众满意度测评（2025-11-20，" + RESPONDENTS + "人参加）满意率" + pct(publicMin) + "，达到要求≥" + pct(publicMin)),
                s.findings());
        assertTrue(gapsOf(a, PUBLIC).isEmpty());
    }

    @Test
    void aPublicSurveyOneRespondentBelowTheRateEarnsNothing() {
        int satisfied = publicAtMinimum - 1;
        Assessment a = assess(PackageBuilder.unit().survey(publicKind, RESPONDENTS, satisfied, "2025-11-20"));
        Assessment.IndicatorScore s = indicator(a, PUBLIC);
        assertEquals("unmet", s.status());
        assertEquals(0.0, s.score());
        Assessment.Gap gap = gapOf(a, PUBLIC);
        assertEquals("participation", gap.problem());
        assertEquals("群众满意度测评（2025-11-20，" + RESPONDENTS + "人参加）满意率" + pct((double) satisfied / RESPONDENTS) + "，要求≥"
                + pct(publicMin), gap.message());
        assertEquals(s.max(), gap.pointsAtStake());
        assertEquals(Fixtures.indicator(PUBLIC).remedy(), gap.remedy());
    }

    @Test
    void theLatestSurveyDecidesEvenWhenAnEarlierOneWasBetter() {
        PackageBuilder p = PackageBuilder.unit()
                .survey(publicKind, RESPONDENTS, RESPONDENTS, "2025-06-01")
                .survey(publicKind, RESPONDENTS, publicAtMinimum - 1, "2025-12-01");
        assertEquals("unmet", indicator(assess(p), PUBLIC).status());
    }

    @Test
    void theLatestSurveyDecidesEvenWhenAnEarlierOneWasWorse() {
        PackageBuilder p = PackageBuilder.unit()
                .survey(publicKind, RESPONDENTS, publicAtMinimum, "2025-12-01")
                .survey(publicKind, RESPONDENTS, 0, "2025-06-01");
        Assessment.IndicatorScore s = indicator(assess(p), PUBLIC);
        assertEquals("met", s.status());
        assertTrue(s.findings().get(0).startsWith("群众满意度测评（2025-12-01，"), s.findings()::toString);
    }

    @Test
    void noPublicSurveyIsUnmet() {
        Assessment a = assess(PackageBuilder.unit().survey(staffKind, RESPONDENTS, RESPONDENTS));
        assertEquals("unmet", indicator(a, PUBLIC).status());
        assertEquals("未开展群众满意度测评，要求满意率≥" + pct(publicMin), gapOf(a, PUBLIC).message());
    }

    @Test
    void aStaffSurveyAtTheMinimumRateIsMet() {
        Assessment a = assess(PackageBuilder.unit().survey(staffKind, RESPONDENTS, staffAtMinimum, "2025-11-20"));
        assertEquals("met", indicator(a, STAFF).status());
        assertEquals(List.of("职工满意度测评（2025-11-20，" + RESPONDENTS + "人参加）满意率" + pct(staffMin) + "，达到要求≥" + pct(staffMin)),
                indicator(a, STAFF).findings());
    }

    @Test
    void aStaffSurveyOneRespondentBelowTheRateEarnsNothing() {
        int satisfied = staffAtMinimum - 1;
        Assessment a = assess(PackageBuilder.unit().survey(staffKind, RESPONDENTS, satisfied, "2025-11-20"));
        assertEquals("unmet", indicator(a, STAFF).status());
        assertEquals(0.0, indicator(a, STAFF).score());
        assertEquals("职工满意度测评（2025-11-20，" + RESPONDENTS + "人参加）满意率" + pct((double) satisfied / RESPONDENTS) + "，要求≥"
                + pct(staffMin), gapOf(a, STAFF).message());
    }

    @Test
    void noStaffSurveyIsUnmetWhateverThePublicSaid() {
        Assessment a = assess(PackageBuilder.unit().survey(publicKind, RESPONDENTS, RESPONDENTS));
        assertEquals("unmet", indicator(a, STAFF).status());
        assertEquals("未开展职工满意度测评，要求满意率≥" + pct(staffMin), gapOf(a, STAFF).message());
    }
}
