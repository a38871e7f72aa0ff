package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.num;
import static org.civcheck.engine.Fixtures.param;
import static org.civcheck.engine.Fixtures.pct;
import static org.civcheck.engine.Fixtures.stepped;
import static org.civcheck.engine.PackageBuilder.act;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Check kinds "volunteer-registration" (职工注册志愿者比例) and "volunteer-hours" (人均志愿服务时长,
 * per registered volunteer, per twelve months of the period).
 */
class VolunteeringRuleTest {

    private static final String REGISTRATION = "volunteer-registration";
    private static final String HOURS = "volunteer-hours";

    private final double minShare = param(REGISTRATION, "minRegisteredShare");
    private final double minHours = param(HOURS, "minHoursPerVolunteer");
    private final int staff = PackageBuilder.unit().staff();
    private final int registeredAtMinimum = (int) Math.ceil(minShare * staff - 1e-9);

    // --- registration ---------------------------------------------------------------------

    @Test
    void registrationAtTheMinimumShareIsMet() {
        Assessment a = assess(PackageBuilder.unit().volunteers(registeredAtMinimum));
        Assessment.IndicatorScore s = indicator(a, REGISTRATION);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("注册志愿者" + registeredAtMinimum + "人，占职工" + staff + "人的" + pct((double) registeredAtMinimum / staff)
                + "，达到要求≥" + pct(minShare)), s.findings());
        assertTrue(gapsOf(a, REGISTRATION).isEmpty());
    }

    @Test
    void oneVolunteerFewerIsAPartialParticipationGap() {
        int registered = registeredAtMinimum - 1;
        Assessment a = assess(PackageBuilder.unit().volunteers(registered));
        Assessment.IndicatorScore s = indicator(a, REGISTRATION);
        double share = (double) registered / staff;
        assertEquals("partial", s.status());
        assertEquals(stepped(REGISTRATION, share / minShare), s.score());
        Assessment.Gap gap = gapOf(a, REGISTRATION);
        assertEquals("participation", gap.problem());
        assertEquals("注册志愿者" + registered + "人，占职工" + staff + "人的" + pct(share) + "，要求≥" + pct(minShare), gap.message());
        assertEquals(Fixtures.indicator(REGISTRATION).remedy(), gap.remedy());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
    }

    @Test
    void aPackageThatDoesNotSayHowManyAreRegisteredIsUnmet() {
        Assessment a = assess(PackageBuilder.unit().volunteers(null));
        Assessment.IndicatorScore s = indicator(a, REGISTRATION);
        assertEquals("unmet", s.status());
        assertEquals(0.0, s.score());
        assertEquals("未填写注册志愿者人数", gapOf(a, REGISTRATION).message());
    }

    // --- hours ----------------------------------------------------------------------------

    @Test
    void hoursAtTheMinimumPerRegisteredVolunteerAreMet() {
        double total = minHours * registeredAtMinimum;
        PackageBuilder p = PackageBuilder.unit().volunteers(registeredAtMinimum)
                .with(act("volunteer-service", "2025-03-10").id("vol-1").hours(total / 2))
                .with(act("volunteer-service", "2025-09-10").id("vol-2").hours(total / 2))
                .with(act("volunteer-service", "2025-10-10").id("no-hours"));
        Assessment a = assess(p);
        Assessment.IndicatorScore s = indicator(a, HOURS);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of("志愿服务共" + num(total) + "小时，注册志愿者" + registeredAtMinimum + "人，人均" + num(minHours) + "小时，达到要求≥"
                + num(minHours) + "小时"), s.findings());
        assertEquals(List.of("vol-1", "vol-2"), s.evidence());
        assertTrue(gapsOf(a, HOURS).isEmpty());
    }

    @Test
    void oneHourPerVolunteerFewerIsAPartialParticipationGapNamingTheActivities() {
        double perHead = minHours - 1;
        PackageBuilder p = PackageBuilder.unit().volunteers(registeredAtMinimum)
                .with(act("volunteer-service", "2025-03-10").id("vol-1").hours(perHead * registeredAtMinimum));
        Assessment a = assess(p);
        Assessment.IndicatorScore s = indicator(a, HOURS);
        assertEquals("partial", s.status());
        assertEquals(stepped(HOURS, perHead / minHours), s.score());
        Assessment.Gap gap = gapOf(a, HOURS);
        assertEquals("participation", gap.problem());
        assertEquals("志愿服务共" + num(perHead * registeredAtMinimum) + "小时，注册志愿者" + registeredAtMinimum + "人，人均" + num(perHead)
                + "小时，要求≥" + num(minHours) + "小时", gap.message());
        assertEquals(List.of("vol-1"), gap.evidence());
    }

    @Test
    void withoutRegisteredVolunteersTheHoursAreSharedOverAllStaff() {
        PackageBuilder p = PackageBuilder.unit().volunteers(null)
                .with(act("volunteer-service", "2025-03-10").id("vol-1").hours(minHours * registeredAtMinimum));
        Assessment.IndicatorScore s = indicator(assess(p), HOURS);
        double perHead = minHours * registeredAtMinimum / staff;
        assertEquals(List.of("志愿服务共" + num(minHours * registeredAtMinimum) + "小时，职工" + staff + "人，人均" + num(perHead)
                + "小时，要求≥" + num(minHours) + "小时"), s.findings());
    }

    @Test
    void aTwoYearPeriodNeedsTwiceTheHours() {
        PackageBuilder p = PackageBuilder.unit().period("2024-01-01", "2025-12-31").volunteers(registeredAtMinimum)
                .with(act("volunteer-service", "2025-03-10").hours(minHours * registeredAtMinimum));
        Assessment a = assess(p);
        assertEquals("partial", indicator(a, HOURS).status());
        assertTrue(gapOf(a, HOURS).message().endsWith("要求≥" + num(2 * minHours) + "小时"), gapOf(a, HOURS).message());
    }

    @Test
    void noVolunteerHoursAtAllScoreNothing() {
        Assessment a = assess(PackageBuilder.unit().volunteers(registeredAtMinimum).activity("volunteer-service", "2025-03-10"));
        assertEquals("unmet", indicator(a, HOURS).status());
        assertEquals(0.0, indicator(a, HOURS).score());
    }
}
