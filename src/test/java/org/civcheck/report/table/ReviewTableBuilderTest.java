package org.civcheck.report.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civcheck.criteria.Category;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.engine.Assessment;
import org.junit.jupiter.api.Test;

class ReviewTableBuilderTest {

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    @Test
    void oneRowPerIndicatorInCriteriaOrderWithTheAssessmentsValues() {
        SeedTable.Run run = SeedTable.provincial();
        CriteriaSet criteria = run.criteria();
        Assessment a = run.assessment();
        ReviewTable table = ReviewTables.table(a, criteria);

        List<ReviewTable.Row> rows = table.indicatorRows();
        List<Indicator> expected = criteria.indicators();
        assertEquals(34, expected.size());
        assertEquals(expected.size(), rows.size());
        Map<String, String> categoryNames = criteria.categories().stream()
                .collect(Collectors.toMap(Category::id, Category::name));
        Map<String, Assessment.IndicatorScore> scored = a.indicators().stream()
                .collect(Collectors.toMap(Assessment.IndicatorScore::id, Function.identity()));
        for (int n = 0; n < rows.size(); n++) {
            Indicator i = expected.get(n);
            ReviewTable.Row row = rows.get(n);
            Assessment.IndicatorScore s = scored.get(i.id());
            assertEquals(i.id(), row.indicatorId());
            assertEquals(categoryNames.get(i.categoryId()), row.category(), i.id());
            assertEquals(i.name(), row.indicator());
            assertEquals(i.points(), row.points(), i.id());
            assertEquals(i.method(), row.method(), i.id());
            assertEquals(s.score(), row.score(), i.id());
            assertEquals(s.status(), row.status());
            assertEquals(ReviewTableBuilder.STATUS_NAMES.get(s.status()), row.statusName());
            assertEquals(s.evidence(), row.evidence(), i.id());
            assertTrue(codePoints(row.remark()) <= 500, i.id());
        }

        ReviewTable.Row plan = rows.get(0);
        assertEquals("组织领导与创建机制", plan.category());
        assertEquals("年初制定年度创建计划", plan.indicator());
        assertEquals(3.0, plan.points());
        assertEquals("材料审核", plan.method());
        assertEquals(0.0, plan.score());
        assertEquals("未达标", plan.statusName());
        assertEquals("2025年年度创建计划于2025年5月20日才印发，晚于3月31日，缺乏统筹安排和提前谋划。", plan.remark());

        ReviewTable.Row volunteers = rows.stream().filter(r -> r.indicatorId().equals("volunteer-regularity"))
                .findFirst().orElseThrow();
        assertEquals("部分达标", volunteers.statusName());
        assertEquals(3.5, volunteers.score());
        assertTrue(volunteers.remark().contains("要求≥10个月；志愿服务"), volunteers.remark());
        assertTrue(volunteers.remark().endsWith("（≤2个月）。"), volunteers.remark());
        assertTrue(volunteers.evidenceText().startsWith(volunteers.evidence().get(0) + "、"));
    }

    @Test
    void subtotalsAreTheCategoryScoresAndTheTotalIsTheAssessmentScore() {
        SeedTable.Run run = SeedTable.provincial();
        Assessment a = run.assessment();
        ReviewTable table = ReviewTables.table(a, run.criteria());

        List<ReviewTable.Row> subtotals = table.subtotalRows();
        assertEquals(a.categories().size(), subtotals.size());
        for (int n = 0; n < subtotals.size(); n++) {
            Assessment.CategoryScore c = a.categories().get(n);
            assertEquals(c.name(), subtotals.get(n).category());
            assertEquals("小计", subtotals.get(n).indicator());
            assertEquals(c.score(), subtotals.get(n).score(), c.id());
            assertEquals(c.max(), subtotals.get(n).points(), c.id());
        }

        // Layout: each category's indicators, then its subtotal (whose score is their sum); the total last.
        List<ReviewTable.Row> members = new ArrayList<>();
        int subtotalsSeen = 0;
        for (ReviewTable.Row row : table.rows()) {
            switch (row.kind()) {
                case INDICATOR -> members.add(row);
                case SUBTOTAL -> {
                    subtotalsSeen++;
                    assertTrue(!members.isEmpty());
                    members.forEach(m -> assertEquals(row.category(), m.category()));
                    assertEquals(row.score(), members.stream().mapToDouble(ReviewTable.Row::score).sum(), 1e-9);
                    assertEquals(row.points(), members.stream().mapToDouble(ReviewTable.Row::points).sum(), 1e-9);
                    members.clear();
                }
                case TOTAL -> assertSame(table.totalRow(), row);
            }
        }
        assertEquals(7, subtotalsSeen);
        ReviewTable.Row total = table.totalRow();
        assertEquals(ReviewTable.Kind.TOTAL, total.kind());
        assertEquals("合计", total.category());
        assertEquals(a.score(), total.score());
        assertEquals(59.0, total.score());
        assertEquals(100.0, total.points());
        assertEquals(a.score(), subtotals.stream().mapToDouble(ReviewTable.Row::score).sum(), 1e-9);

        ReviewTable.Header h = table.header();
        assertEquals("××区委办公室", h.unitName());
        assertEquals("qw-office", h.unitId());
        assertEquals("难以通过", h.verdictName());
        assertEquals(85.0, h.passScore());
        assertEquals("2026.1", h.criteriaVersion());
    }

    @Test
    void aLongRemarkIsCutAtASentenceEndWithAnEllipsis() {
        SeedTable.Run run = SeedTable.provincial();
        List<String> findings = new ArrayList<>();
        for (int n = 1; n <= 40; n++) {
            findings.add("第" + n + "项活动（act-" + n + "）的台账在活动结束45天后才形成，属于事后补记");
        }
        Assessment a = SeedTable.withFindings(run.assessment(), "timely-records", findings, List.of("act-1"));
        String full = String.join("；", findings) + "。";
        assertTrue(codePoints(full) > 1000);

        ReviewTable.Row row = ReviewTables.table(a, run.criteria()).indicatorRows().stream()
                .filter(r -> r.indicatorId().equals("timely-records")).findFirst().orElseThrow();
        String remark = row.remark();
        assertTrue(codePoints(remark) <= 500, () -> codePoints(remark) + "");
        assertTrue(remark.endsWith("……"), remark);
        String kept = remark.substring(0, remark.length() - 2);
        assertTrue(full.startsWith(kept));
        assertTrue(kept.endsWith("；"), kept);
        // As much as fits: the next whole finding would not.
        int next = full.indexOf('；', kept.length());
        assertTrue(codePoints(full.substring(0, next + 1)) + 2 > 500);
        assertTrue(codePoints(remark) > 450);
    }

    @Test
    void aNotApplicableIndicatorHasNoPointsOrScoreAndSaysWhy() {
        SeedTable.Run run = SeedTable.city();
        Assessment a = run.assessment();
        ReviewTable table = ReviewTables.table(a, run.criteria());

        assertEquals(run.criteria().indicators().size(), table.indicatorRows().size());
        ReviewTable.Row row = table.indicatorRows().stream()
                .filter(r -> r.indicatorId().equals("staff-satisfaction")).findFirst().orElseThrow();
        assertEquals("不适用", row.statusName());
        assertNull(row.points());
        assertNull(row.score());
        assertTrue(row.remark().contains("市文明办统一测评"), row.remark());
        ReviewTable.Row hours = table.indicatorRows().stream()
                .filter(r -> r.indicatorId().equals("volunteer-hours")).findFirst().orElseThrow();
        assertEquals(4.0, hours.points());
        for (int n = 0; n < a.categories().size(); n++) {
            assertEquals(a.categories().get(n).max(), table.subtotalRows().get(n).points());
        }
        assertEquals(a.maxScore(), table.totalRow().points());
        assertEquals(a.score(), table.totalRow().score());
    }

    /** The county hospital under the national set, with the claim on {@code indicator} changed by {@code edit}. */
    private static ReviewTable.Row nationalRow(String indicator, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit)
            throws java.io.IOException {
        var loading = org.civcheck.engine.AssessorLoading.load(java.nio.file.Path.of("criteria/national-2012"),
                java.nio.file.Path.of("rules"));
        assertTrue(loading.isLoaded(), () -> loading.problems().toString());
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                java.nio.file.Path.of("examples/national-2012/county-hospital.json").toFile());
        json.get("claims").forEach(c -> {
            if (c.path("indicator").asText().equals(indicator)) {
                edit.accept((com.fasterxml.jackson.databind.node.ObjectNode) c);
            }
        });
        var reading = new org.civcheck.evidence.EvidencePackageReader(org.civcheck.evidence.ReadLimits.defaults())
                .read(mapper.writeValueAsBytes(json), "county-hospital.json", org.civcheck.evidence.ReadBudget.NONE,
                        loading.assessor().vocabulary());
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        Assessment a = loading.assessor().assess(reading.evidence(), reading.warnings());
        return ReviewTables.table(a, loading.assessor().criteria()).indicatorRows().stream()
                .filter(r -> r.indicatorId().equals(indicator)).findFirst().orElseThrow();
    }

    @Test
    void aSelfRatedRowsRemarkIsTheUnitsOwnNoteAndItsEvidenceTheClaimsFiles() throws Exception {
        ReviewTable.Row row = nationalRow("lecture-venue", c -> { });
        assertEquals("实地考察", row.method());
        assertEquals(3.0, row.score());
        assertEquals("门诊楼五楼设道德讲堂，悬挂标识，墙面展示本院身边好人；单位自评3分（满分3分），计入3分，有待测评组现场确认。",
                row.remark());
        assertEquals(List.of("claims/lecture-venue.jpg"), row.evidence());
    }

    @Test
    void aSelfRatedClaimWithoutFilesSaysSoInTheRemarkAndScoresNothing() throws Exception {
        ReviewTable.Row row = nationalRow("lecture-venue", c -> c.putArray("files"));
        assertEquals(0.0, row.score());
        assertEquals("未达标", row.statusName());
        assertEquals("门诊楼五楼设道德讲堂，悬挂标识，墙面展示本院身边好人；单位自评3分（满分3分），计入0分，有待测评组现场确认；"
                + "佐证材料0份，少于1份，自评分不计入得分。", row.remark());
        assertEquals(List.of(), row.evidence());
    }
}
