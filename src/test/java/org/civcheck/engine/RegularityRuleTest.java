package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.exactShare;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.intParam;
import static org.civcheck.engine.Fixtures.listParam;
import static org.civcheck.engine.Fixtures.monthList;
import static org.civcheck.engine.Fixtures.param;
import static org.civcheck.engine.Fixtures.pct;
import static org.civcheck.engine.PackageBuilder.INSPECTION;
import static org.civcheck.engine.PackageBuilder.act;
import static org.civcheck.engine.PackageBuilder.material;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Check kind "regularity": the months covered (理论学习经常化, 志愿服务常态化, 创建工作常态化), the
 * longest run of months without activity, and work or records bunched in the weeks before the
 * inspection (创建工作常态化 only).
 */
class RegularityRuleTest {

    private static final String STUDY = "study-regularity";
    private static final String VOLUNTEER = "volunteer-regularity";
    private static final String WORK = "regular-work";

    private final int studyMinMonths = intParam(STUDY, "minMonths");
    private final int studyMaxGap = intParam(STUDY, "maxGapMonths");
    private final int volunteerMinMonths = intParam(VOLUNTEER, "minMonths");
    private final int volunteerMaxGap = intParam(VOLUNTEER, "maxGapMonths");
    private final List<String> volunteerTypes = listParam(VOLUNTEER, "types");
    private final String volunteerLabel = String.join("、", volunteerTypes.stream().map(Fixtures::name).toList());
    private final String creation = listParam(WORK, "types").get(0);
    private final int bunchingWeeks = intParam(WORK, "bunchingWeeks");
    private final double maxBunched = param(WORK, "maxBunchedShare");
    private final double maxBunchedRecords = param(WORK, "maxBunchedRecordShare");
    /** The first day inside the bunching window before the inspection. */
    private final LocalDate windowStart = INSPECTION.minusDays(bunchingWeeks * 7L - 1);

    // --- months covered -------------------------------------------------------------------

    @Test
    void studyHeldInMinMonthsIsMet() {
        List<Integer> months = monthsLeavingOut(12 - studyMinMonths);
        Assessment a = assess(monthly(PackageBuilder.unit(), "theory-study", months));
        Assessment.IndicatorScore s = indicator(a, STUDY);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertTrue(s.findings().contains("理论学习覆盖" + studyMinMonths + "个月，达到要求（≥" + studyMinMonths + "个月）"),
                s.findings()::toString);
        assertTrue(gapsOf(a, STUDY).isEmpty());
    }

    @Test
    void studyHeldInOneMonthFewerIsPartialAndListsTheMonthsHeld() {
        List<Integer> months = monthsLeavingOut(12 - studyMinMonths + 1);
        Assessment a = assess(monthly(PackageBuilder.unit(), "theory-study", months));
        Assessment.IndicatorScore s = indicator(a, STUDY);
        assertEquals("partial", s.status());
        assertTrue(s.score() > 0 && s.score() < s.max(), "partial credit: " + s.score());
        Assessment.Gap gap = gapOf(a, STUDY);
        assertEquals("mechanism", gap.problem());
        assertEquals("理论学习仅在" + (studyMinMonths - 1) + "个月开展（" + monthList(months) + "），要求≥" + studyMinMonths
                + "个月", gap.message());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
        assertEquals(ids("m", months), gap.evidence());
    }

    @Test
    void volunteerMonthsCountEveryVolunteerTypeTogether() {
        List<Integer> months = monthsLeavingOut(12 - volunteerMinMonths);
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < months.size(); i++) {
            p.with(act(volunteerTypes.get(i % volunteerTypes.size()), day(months.get(i), 1)));
        }
        Assessment.IndicatorScore s = indicator(assess(p), VOLUNTEER);
        assertEquals("met", s.status());
        assertTrue(s.findings().contains(volunteerLabel + "覆盖" + volunteerMinMonths + "个月，达到要求（≥"
                + volunteerMinMonths + "个月）"), s.findings()::toString);
    }

    @Test
    void volunteeringInOneMonthFewerIsAGapListingTheMonthsHeld() {
        List<Integer> months = monthsLeavingOut(12 - volunteerMinMonths + 1);
        Assessment a = assess(monthly(PackageBuilder.unit(), volunteerTypes.get(0), months));
        assertEquals("partial", indicator(a, VOLUNTEER).status());
        assertEquals(volunteerLabel + "仅在" + (volunteerMinMonths - 1) + "个月开展（" + monthList(months) + "），要求≥"
                + volunteerMinMonths + "个月", gapOf(a, VOLUNTEER).message());
    }

    @Test
    void routineActivitiesDoNotCoverTheMonthsOfCreationWork() {
        Assessment a = assess(monthly(PackageBuilder.unit(), "theory-study", months(1, 12)));
        Assessment.IndicatorScore s = indicator(a, WORK);
        assertEquals("unmet", s.status());
        assertTrue(s.findings().contains("创建活动全期未开展，要求≥" + intParam(WORK, "minMonths") + "个月有活动"),
                s.findings()::toString);
    }

    // --- the longest gap ------------------------------------------------------------------

    @Test
    void aGapOfMaxGapMonthsIsAllowed() {
        List<Integer> months = allBut(months(4, 4 + volunteerMaxGap - 1));
        Assessment a = assess(monthly(PackageBuilder.unit(), volunteerTypes.get(0), months));
        Assessment.IndicatorScore s = indicator(a, VOLUNTEER);
        assertEquals("met", s.status());
        assertTrue(s.findings().contains(volunteerLabel + "最长间隔" + volunteerMaxGap + "个月，符合要求（≤" + volunteerMaxGap
                + "个月）"), s.findings()::toString);
        assertTrue(gapsOf(a, VOLUNTEER).isEmpty());
    }

    @Test
    void aGapOfOneMonthMoreIsAShortfallNamingTheSpan() {
        int last = 4 + volunteerMaxGap;
        Assessment a = assess(monthly(PackageBuilder.unit(), volunteerTypes.get(0), allBut(months(4, last))));
        Assessment.IndicatorScore s = indicator(a, VOLUNTEER);
        String finding = volunteerLabel + "在4月至" + last + "月连续" + (volunteerMaxGap + 1) + "个月未开展，要求间隔≤"
                + volunteerMaxGap + "个月";
        assertTrue(s.findings().contains(finding), s.findings()::toString);
        assertTrue(s.score() < s.max(), "the gap costs points: " + s.score());
        Assessment.Gap gap = gapOf(a, VOLUNTEER);
        assertEquals("mechanism", gap.problem());
        assertTrue(gap.message().contains(finding), gap.message());
    }

    @Test
    void studyOnlyInTheFirstQuarterLeavesAGapFromAprilToDecember() {
        Assessment a = assess(monthly(PackageBuilder.unit(), "theory-study", months(1, 3)));
        Assessment.IndicatorScore s = indicator(a, STUDY);
        String coverage = "理论学习仅在3个月开展（1月、2月、3月），要求≥" + studyMinMonths + "个月";
        String gap = "理论学习在4月至12月连续9个月未开展，要求间隔≤" + studyMaxGap + "个月";
        assertEquals(List.of(coverage, gap), s.findings());
        assertEquals(coverage + "；" + gap, gapOf(a, STUDY).message());
    }

    // --- bunching before the inspection ---------------------------------------------------

    @Test
    void workBunchedBeforeTheInspectionAtTheMaximumShareIsAllowed() {
        int[] split = bunchingSplit();
        Assessment a = assess(bunched(split[0], split[1]));
        Assessment.IndicatorScore s = indicator(a, WORK);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertTrue(s.findings().contains("创建活动中有" + split[1] + "项（" + pct(maxBunched) + "）在迎检前" + bunchingWeeks
                + "周内开展（共" + split[0] + "项），符合要求（≤" + pct(maxBunched) + "）"), s.findings()::toString);
    }

    @Test
    void workBunchedBeforeTheInspectionAboveTheMaximumShareIsABlockingMechanismGap() {
        int[] split = bunchingSplit();
        int total = split[0];
        int late = split[1] + 1;
        Assessment a = assess(bunched(total, late));
        Assessment.IndicatorScore s = indicator(a, WORK);
        assertEquals("partial", s.status());
        assertTrue(s.score() > 0 && s.score() < s.max(), "partial credit: " + s.score());
        Assessment.Gap gap = gapOf(a, WORK);
        assertEquals("mechanism", gap.problem());
        assertTrue(gap.blocking());
        assertEquals("创建活动中有" + late + "项（" + pct((double) late / total) + "）在迎检前" + bunchingWeeks + "周内开展（共"
                + total + "项），工作集中在迎检前突击开展，要求≤" + pct(maxBunched), gap.message());
        assertEquals(ids("bunched", IntStream.rangeClosed(1, late).boxed().toList()), gap.evidence());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
    }

    @Test
    void anActivityExactlyBunchingWeeksBeforeTheInspectionIsNotBunched() {
        PackageBuilder p = monthly(PackageBuilder.unit(), creation, months(1, 11));
        p.with(act(creation, INSPECTION.minusDays(bunchingWeeks * 7L).toString()).attachments(material("photo", null)));
        Assessment.IndicatorScore s = indicator(assess(p), WORK);
        assertTrue(s.findings().contains("创建活动共12项，迎检前" + bunchingWeeks + "周内没有集中开展，符合要求（≤"
                + pct(maxBunched) + "）"), s.findings()::toString);
    }

    @Test
    void recordsCompiledBeforeTheInspectionAtTheMaximumShareAreAllowed() {
        int[] split = exactShare(maxBunchedRecords, 12);
        Assessment a = assess(recordsCompiledLate(split[0], split[1]));
        Assessment.IndicatorScore s = indicator(a, WORK);
        assertEquals("met", s.status());
        assertTrue(s.findings().contains(split[0] + "份台账材料中有" + split[1] + "份（" + pct(maxBunchedRecords) + "）形成于迎检前"
                + bunchingWeeks + "周内，符合要求（≤" + pct(maxBunchedRecords) + "）"), s.findings()::toString);
    }

    @Test
    void recordsCompiledBeforeTheInspectionAboveTheMaximumShareAreAGapNamingTheirActivities() {
        int[] split = exactShare(maxBunchedRecords, 12);
        int total = split[0];
        int late = split[1] + 1;
        Assessment a = assess(recordsCompiledLate(total, late));
        Assessment.IndicatorScore s = indicator(a, WORK);
        assertEquals("partial", s.status());
        Assessment.Gap gap = gapOf(a, WORK);
        assertEquals("mechanism", gap.problem());
        assertEquals(total + "份台账材料中有" + late + "份（" + pct((double) late / total) + "）形成于迎检前" + bunchingWeeks
                + "周内，存在迎检前集中整理台账的情况，要求≤" + pct(maxBunchedRecords), gap.message());
        assertEquals(ids("r", IntStream.rangeClosed(1, late).boxed().toList()), gap.evidence());
    }

    @Test
    void aBlockingGapInRegularWorkKeepsAHighScoreFromReady() {
        Assessment a = assess(Fixtures.bunchedBeforeTheInspection(Fixtures.exemplary()));
        assertTrue(a.score() >= a.passScore(), "the score stays at the pass line or above: " + a.score());
        assertTrue(gapOf(a, WORK).blocking());
        assertEquals(List.of(WORK), a.gaps().stream().map(Assessment.Gap::indicator).toList());
        assertEquals("at-risk", a.verdict());
    }

    // --- fixtures -------------------------------------------------------------------------

    /** {@code total} creation activities, {@code late} of them on the first day of the bunching window, none with dated records. */
    private PackageBuilder bunched(int total, int late) {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < total - late; i++) {
            p.with(act(creation, day(i % 11 + 1, 1 + i / 11)).id(String.format("early-%02d", i + 1))
                    .attachments(material("photo", null)));
        }
        for (int i = 0; i < late; i++) {
            p.with(act(creation, windowStart.toString()).id(String.format("bunched-%02d", i + 1))
                    .attachments(material("photo", null)));
        }
        return p;
    }

    /** {@code total} creation activities over the year, each with one photo; {@code late} of the photos dated in the bunching window. */
    private PackageBuilder recordsCompiledLate(int total, int late) {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < total; i++) {
            String date = day(i % 12 + 1, 1 + i / 12);
            String recorded = i < late ? windowStart.toString() : date;
            p.with(act(creation, date).id(String.format("r-%02d", i + 1)).attachments(material("photo", recorded)));
        }
        return p;
    }

    /** The split of creation activities that puts the bunched share exactly on the maximum, leaving room for one more. */
    private int[] bunchingSplit() {
        return exactShare(maxBunched, (int) Math.ceil(12 / (1 - maxBunched)));
    }

    /** One activity of {@code type} on the first of each of {@code months}, ids "m-MM". */
    private static PackageBuilder monthly(PackageBuilder p, String type, List<Integer> months) {
        months.forEach(m -> p.with(act(type, day(m, 1)).id(String.format("m-%02d", m))));
        return p;
    }

    private static List<String> ids(String prefix, List<Integer> numbers) {
        return numbers.stream().sorted().map(n -> String.format("%s-%02d", prefix, n)).toList();
    }

    /** The twelve months but {@code left} of them, left out one apart (Feb, Apr, …) so that no two missing months touch. */
    private static List<Integer> monthsLeavingOut(int left) {
        List<Integer> out = new ArrayList<>(months(1, 12));
        for (int i = 1; i <= left; i++) {
            out.remove(Integer.valueOf(2 * i));
        }
        return out;
    }

    private static List<Integer> allBut(List<Integer> missing) {
        return months(1, 12).stream().filter(m -> !missing.contains(m)).toList();
    }

    private static List<Integer> months(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed().toList();
    }

    private static String day(int month, int day) {
        return String.format("2025-%02d-%02d", month, day);
    }
}
