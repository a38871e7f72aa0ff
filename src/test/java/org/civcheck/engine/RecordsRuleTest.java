package org.civcheck.engine;

import static org.civcheck.engine.Fixtures.assess;
import static org.civcheck.engine.Fixtures.exactShare;
import static org.civcheck.engine.Fixtures.gapOf;
import static org.civcheck.engine.Fixtures.gapsOf;
import static org.civcheck.engine.Fixtures.indicator;
import static org.civcheck.engine.Fixtures.intParam;
import static org.civcheck.engine.Fixtures.listParam;
import static org.civcheck.engine.Fixtures.param;
import static org.civcheck.engine.Fixtures.pct;
import static org.civcheck.engine.PackageBuilder.absentMaterial;
import static org.civcheck.engine.PackageBuilder.act;
import static org.civcheck.engine.PackageBuilder.material;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civcheck.evidence.Attachment;
import org.junit.jupiter.api.Test;

/**
 * Check kinds "late-records" (台账随做随记, on timely-records) and "evidence-kinds" (学习和组织生活记录完整
 * on study-records: all of its kinds; 创建活动图文资料完整 on activity-records: any of its kinds).
 */
class RecordsRuleTest {

    private static final String TIMELY = "timely-records";
    private static final String STUDY = "study-records";
    private static final String ACTIVITY = "activity-records";

    private final int maxLagDays = intParam(TIMELY, "maxLagDays");
    private final double maxLateShare = param(TIMELY, "maxLateShare");
    private final double maxUndatedShare = param(TIMELY, "maxUndatedShare");
    private final List<String> studyTypes = listParam(STUDY, "types");
    private final List<String> allOf = listParam(STUDY, "allOf");
    private final double studyMinShare = param(STUDY, "minCompleteShare");
    private final List<String> anyOf = listParam(ACTIVITY, "anyOf");
    private final double activityMinShare = param(ACTIVITY, "minCompleteShare");
    private final String creation = listParam(ACTIVITY, "types").get(0);
    private final String studyLabel = names(studyTypes, "、");

    // --- late-records ---------------------------------------------------------------------

    @Test
    void recordsMadeLateAtTheMaximumShareAreAllowed() {
        int[] split = exactShare(maxLateShare, 1);
        Assessment a = assess(recordsLagging(split[0], split[1]));
        Assessment.IndicatorScore s = indicator(a, TIMELY);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of(split[0] + "份注明日期的台账材料中有" + split[1] + "份（" + pct(maxLateShare) + "）在活动结束" + maxLagDays
                + "天后才形成，符合要求（≤" + pct(maxLateShare) + "）"), s.findings());
        assertTrue(gapsOf(a, TIMELY).isEmpty());
    }

    @Test
    void recordsMadeLateAboveTheMaximumShareAreABlockingMechanismGapNamingTheirActivities() {
        int[] split = exactShare(maxLateShare, 1);
        int total = split[0];
        int late = split[1] + 1;
        Assessment a = assess(recordsLagging(total, late));
        Assessment.IndicatorScore s = indicator(a, TIMELY);
        assertEquals("partial", s.status());
        assertTrue(s.score() > 0 && s.score() < s.max(), "partial credit: " + s.score());
        Assessment.Gap gap = gapOf(a, TIMELY);
        assertEquals("mechanism", gap.problem());
        assertTrue(gap.blocking());
        assertEquals(total + "份注明日期的台账材料中有" + late + "份（" + pct((double) late / total) + "）在活动结束" + maxLagDays
                + "天后才形成，存在事后补记台账的情况，要求≤" + pct(maxLateShare), gap.message());
        assertEquals(ids("t", late), gap.evidence());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
    }

    @Test
    void undatedRecordsUpToTheirMaximumShareAreLeftOut() {
        int[] split = exactShare(maxUndatedShare, 2);
        Assessment a = assess(recordsUndated(split[0], split[1]));
        Assessment.IndicatorScore s = indicator(a, TIMELY);
        assertEquals("met", s.status());
        int dated = split[0] - split[1];
        assertEquals(List.of(dated + "份注明日期的台账材料中有0份（0%）在活动结束" + maxLagDays + "天后才形成，符合要求（≤"
                + pct(maxLateShare) + "）"), s.findings());
    }

    @Test
    void leavingTheDatesOffLateRecordsDoesNotRaiseTheScore() {
        int[] split = exactShare(maxLateShare, 1);
        int total = split[0] * 2;
        int late = total / 2;
        Assessment dated = assess(recordsLagging(total, late));
        Assessment a = assess(recordsUndated(total, late));
        Assessment.IndicatorScore s = indicator(a, TIMELY);
        assertEquals(indicator(dated, TIMELY).score(), s.score());
        assertEquals("partial", s.status());
        Assessment.Gap gap = gapOf(a, TIMELY);
        assertEquals(total + "份台账材料中有" + late + "份（" + pct((double) late / total) + "）未注明形成日期，超过"
                + pct(maxUndatedShare) + "，按未随做随记计；" + (total - late) + "份注明日期的台账材料中有0份（0%）在活动结束"
                + maxLagDays + "天后才形成；合计未随做随记的占" + pct((double) late / total) + "，存在事后补记台账的情况，要求≤"
                + pct(maxLateShare), gap.message());
        assertEquals(ids("t", late), gap.evidence());
    }

    @Test
    void aRecordDatedExactlyMaxLagDaysAfterTheActivityIsOnTime() {
        PackageBuilder p = PackageBuilder.unit()
                .with(act("theory-study", "2025-03-10").attachments(material("minutes", after("2025-03-10", maxLagDays))));
        Assessment.IndicatorScore s = indicator(assess(p), TIMELY);
        assertEquals("met", s.status());
        assertEquals(List.of("1份注明日期的台账材料中有0份（0%）在活动结束" + maxLagDays + "天后才形成，符合要求（≤" + pct(maxLateShare)
                + "）"), s.findings());
    }

    @Test
    void aRecordDatedOneDayLaterIsLateAndLeavesNothingWhenItIsTheOnlyOne() {
        PackageBuilder p = PackageBuilder.unit().with(act("theory-study", "2025-03-10").id("study-march")
                .attachments(material("minutes", after("2025-03-10", maxLagDays + 1))));
        Assessment a = assess(p);
        assertEquals("unmet", indicator(a, TIMELY).status());
        assertEquals(0.0, indicator(a, TIMELY).score());
        assertEquals(List.of("study-march"), gapOf(a, TIMELY).evidence());
    }

    @Test
    void theLagCountsFromTheLastDayOfAManyDayActivity() {
        PackageBuilder p = PackageBuilder.unit().with(act("theory-study", "2025-03-10").endDate("2025-03-14")
                .attachments(material("minutes", after("2025-03-14", maxLagDays))));
        assertEquals("met", indicator(assess(p), TIMELY).status());
    }

    @Test
    void noDatedRecordIsUnmetBecauseTimelinessCannotBeChecked() {
        PackageBuilder p = PackageBuilder.unit()
                .with(act("theory-study", "2025-03-10").attachments(material("minutes", null)))
                .with(act(creation, "2025-04-10").attachments(material("photo", null)));
        Assessment a = assess(p);
        Assessment.IndicatorScore s = indicator(a, TIMELY);
        assertEquals("unmet", s.status());
        assertEquals(0.0, s.score());
        assertEquals("台账材料均未注明形成日期，无法核实是否随做随记", gapOf(a, TIMELY).message());
        assertEquals(s.max(), gapOf(a, TIMELY).pointsAtStake());
    }

    @Test
    void aLateRecordMissingFromThePackageIsNotCounted() {
        PackageBuilder p = PackageBuilder.unit().with(act("theory-study", "2025-03-10").attachments(
                material("minutes", "2025-03-10"), absentMaterial("attendance-sheet", after("2025-03-10", maxLagDays + 1))));
        Assessment.IndicatorScore s = indicator(assess(p), TIMELY);
        assertEquals("met", s.status());
        assertEquals(List.of("1份注明日期的台账材料中有0份（0%）在活动结束" + maxLagDays + "天后才形成，符合要求（≤" + pct(maxLateShare)
                + "）"), s.findings());
    }

    // --- evidence-kinds, all of: study-records ---------------------------------------------

    @Test
    void studyRecordsCompleteAtTheMinimumShareAreMet() {
        int[] split = exactShare(1 - studyMinShare, 1);
        Assessment a = assess(studyMissingAttendanceSheets(split[0], split[1]));
        Assessment.IndicatorScore s = indicator(a, STUDY);
        assertEquals("met", s.status());
        assertEquals(s.max(), s.score());
        assertEquals(List.of(split[0] + "项活动中" + names(allOf, "、") + "齐全的占" + pct(studyMinShare) + "，符合要求（≥"
                + pct(studyMinShare) + "）"), s.findings());
        assertTrue(gapsOf(a, STUDY).isEmpty());
    }

    @Test
    void studyRecordsBelowTheMinimumShareAreAMaterialsGapListingTheIncompleteActivities() {
        int[] split = exactShare(1 - studyMinShare, 1);
        int total = split[0];
        int missing = split[1] + 1;
        Assessment a = assess(studyMissingAttendanceSheets(total, missing));
        Assessment.IndicatorScore s = indicator(a, STUDY);
        assertEquals("partial", s.status());
        assertTrue(s.score() > 0 && s.score() < s.max(), "partial credit: " + s.score());
        Assessment.Gap gap = gapOf(a, STUDY);
        assertEquals("materials", gap.problem());
        // The finding names the activities by date and title, at most three, never by id.
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(3, missing); i++) {
            named.add((i % 12 + 1) + "月" + (1 + i / 12) + "日“第" + (i + 1) + "次集中学习”");
        }
        assertEquals(total + "项" + studyLabel + "中有" + missing + "项缺少" + names(allOf, "、") + "（"
                + String.join("、", named) + (missing > 3 ? "等" + missing + "项" : "") + "），资料完整率" + pct(1 - (double) missing / total) + "，要求≥"
                + pct(studyMinShare), gap.message());
        assertEquals(ids("s", missing), gap.evidence());
        assertEquals(s.max() - s.score(), gap.pointsAtStake());
    }

    @Test
    void anAttachmentNotInThePackageDoesNotCountTowardsAllOf() {
        List<Attachment> listed = new ArrayList<>();
        for (String kind : allOf) {
            listed.add(kind.equals(allOf.get(allOf.size() - 1)) ? absentMaterial(kind, "2025-03-10") : material(kind, "2025-03-10"));
        }
        PackageBuilder p = PackageBuilder.unit()
                .with(act(studyTypes.get(0), "2025-03-10").id("s-01").title("“两学一做”专题学习")
                        .attachments(listed.toArray(Attachment[]::new)));
        Assessment a = assess(p);
        assertEquals("unmet", indicator(a, STUDY).status());
        assertEquals("1项" + studyLabel + "中有1项缺少" + names(allOf, "、") + "（3月10日“‘两学一做’专题学习”），资料完整率0%，要求≥" + pct(studyMinShare),
                gapOf(a, STUDY).message());
    }

    @Test
    void noStudyActivityLeavesNoRecordsToCheck() {
        Assessment a = assess(PackageBuilder.unit().activity(creation, "2025-03-10"));
        assertEquals("unmet", indicator(a, STUDY).status());
        assertEquals("没有" + studyLabel + "的台账可供核查", gapOf(a, STUDY).message());
    }

    // --- evidence-kinds, any of: activity-records ------------------------------------------

    @Test
    void anyOneOfTheListedKindsCompletesAnActivity() {
        PackageBuilder p = PackageBuilder.unit();
        for (String kind : anyOf) {
            p.with(act(creation, "2025-03-10").attachments(material(kind, "2025-03-10")));
        }
        Assessment.IndicatorScore s = indicator(assess(p), ACTIVITY);
        assertEquals("met", s.status());
        assertEquals(List.of(anyOf.size() + "项活动中" + names(anyOf, "或") + "齐全的占100%，符合要求（≥" + pct(activityMinShare)
                + "）"), s.findings());
    }

    @Test
    void activitiesWithNoneOfTheListedKindsBelowTheMinimumShareAreAMaterialsGap() {
        int[] split = exactShare(1 - activityMinShare, 1);
        int total = split[0];
        int missing = split[1] + 1;
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < total; i++) {
            Attachment only = i < missing ? material("document", "2025-03-10") : material(anyOf.get(0), "2025-03-10");
            p.with(act(creation, "2025-03-10").id(String.format("c-%02d", i + 1)).title("文明实践活动" + (i + 1))
                    .attachments(only));
        }
        Assessment a = assess(p);
        Assessment.Gap gap = gapOf(a, ACTIVITY);
        assertEquals("partial", indicator(a, ACTIVITY).status());
        assertEquals("materials", gap.problem());
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(3, missing); i++) {
            named.add("3月10日“文明实践活动" + (i + 1) + "”");
        }
        assertEquals(total + "项创建活动中有" + missing + "项缺少" + names(anyOf, "或") + "（" + String.join("、", named)
                + (missing > 3 ? "等" + missing + "项" : "") + "），资料完整率" + pct(1 - (double) missing / total) + "，要求≥" + pct(activityMinShare), gap.message());
        assertEquals(ids("c", missing), gap.evidence());
    }

    @Test
    void aPhotoNotInThePackageDoesNotCountTowardsAnyOf() {
        PackageBuilder p = PackageBuilder.unit()
                .with(act(creation, "2025-03-10").id("c-01").attachments(absentMaterial(anyOf.get(0), "2025-03-10")));
        Assessment a = assess(p);
        assertEquals("unmet", indicator(a, ACTIVITY).status());
        assertEquals(List.of("c-01"), gapOf(a, ACTIVITY).evidence());
    }

    // --- fixtures -------------------------------------------------------------------------

    /** {@code total} study activities, each with minutes: {@code late} dated a day past the lag allowed, the rest on its last day. */
    private PackageBuilder recordsLagging(int total, int late) {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < total; i++) {
            String date = String.format("2025-%02d-%02d", i % 12 + 1, 1 + i / 12);
            int lag = i < late ? maxLagDays + 1 : maxLagDays;
            p.with(act("theory-study", date).id(String.format("t-%02d", i + 1)).attachments(material("minutes", after(date, lag))));
        }
        return p;
    }

    /** {@code total} study activities with on-time minutes, of which the first {@code undated} carry no date. */
    private PackageBuilder recordsUndated(int total, int undated) {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < total; i++) {
            String date = String.format("2025-%02d-%02d", i % 12 + 1, 1 + i / 12);
            p.with(act("theory-study", date).id(String.format("t-%02d", i + 1))
                    .attachments(material("minutes", i < undated ? null : date)));
        }
        return p;
    }

    /** {@code total} study activities with every kind of allOf, but the first {@code missing} lack the last kind. */
    private PackageBuilder studyMissingAttendanceSheets(int total, int missing) {
        PackageBuilder p = PackageBuilder.unit();
        for (int i = 0; i < total; i++) {
            String date = String.format("2025-%02d-%02d", i % 12 + 1, 1 + i / 12);
            List<String> kinds = i < missing ? allOf.subList(0, allOf.size() - 1) : allOf;
            p.with(act(studyTypes.get(i % studyTypes.size()), date).id(String.format("s-%02d", i + 1))
                    .title("第" + (i + 1) + "次集中学习").attachments(kinds.stream().map(k -> material(k, date)).toArray(Attachment[]::new)));
        }
        return p;
    }

    private static String after(String date, int days) {
        return LocalDate.parse(date).plusDays(days).toString();
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(String.format("%s-%02d", prefix, i));
        }
        return ids;
    }

    private static String names(List<String> words, String separator) {
        return String.join(separator, words.stream().map(Fixtures::name).toList());
    }
}
