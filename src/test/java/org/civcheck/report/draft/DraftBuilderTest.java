package org.civcheck.report.draft;

import static org.civcheck.report.draft.DraftFixtures.paragraphs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.ProblemClass;
import org.civcheck.engine.Assessment;
import org.junit.jupiter.api.Test;

class DraftBuilderTest {

    private static final DraftFixtures.Checked SEED = DraftFixtures.example("seed-district-office.json");
    private static final ReportDraft DRAFT = SEED.draft();
    private final CriteriaSet criteria = DraftFixtures.assessor().criteria();
    private final DraftTemplates wording = DraftTemplates.load(DraftFixtures.CRITERIA);

    @Test
    void draftHasTheSeedReportsThreeParts() {
        assertEquals(List.of("一、创建工作开展情况", "二、创建工作中存在的主要问题", "三、下步工作思路"),
                DRAFT.parts().stream().map(ReportDraft.Part::title).toList());
        assertEquals("××区委办公室关于2025年度精神文明创建工作的自查报告", DRAFT.title());
    }

    @Test
    void partTwoHasOneParagraphPerProblemClassOfTheGapsAndNoOther() {
        Set<String> classesOfGaps = new LinkedHashSet<>();
        SEED.assessment().gaps().forEach(g -> classesOfGaps.add(g.problem()));
        assertEquals(Set.of("mechanism", "participation", "diversity"), classesOfGaps);

        List<String> part2 = paragraphs(DRAFT, 1);
        assertEquals(1 + classesOfGaps.size(), part2.size(), String.join("\n", part2));
        for (String id : classesOfGaps) {
            String title = criteria.problems().get(id).title();
            assertEquals(1, part2.stream().filter(p -> p.contains(title)).count(), title);
        }
        for (String absent : List.of("materials", "conduct")) {
            String title = criteria.problems().get(absent).title();
            assertTrue(part2.stream().noneMatch(p -> p.contains(title)), title);
        }
    }

    @Test
    void partTwoLeadsEachParagraphWithTheOrdinalAndTheClassTitleMostPointsFirst() {
        List<String> part2 = paragraphs(DRAFT, 1);
        List<Assessment.ProblemSummary> ranked = new ArrayList<>(SEED.assessment().problems());
        ranked.sort(Comparator.comparingDouble(p -> -p.pointsAtStake()));
        for (int i = 0; i < ranked.size(); i++) {
            assertTrue(part2.get(i + 1).startsWith(wording.ordinal(i) + ranked.get(i).title() + "。"), part2.get(i + 1));
        }
        assertTrue(part2.get(1).startsWith("一是创建形式还不够多样。"), part2.get(1));
    }

    @Test
    void partTwoStatesEachGapAsAnOfficeWouldWithoutThresholdsIdsOrDates() {
        String part2 = String.join("\n", paragraphs(DRAFT, 1));
        assertTrue(paragraph("mechanism").contains("年度创建计划印发较晚，工作缺乏统筹安排和提前谋划"), part2);
        assertTrue(paragraph("mechanism").contains("过分依靠文明办安排部署"), part2);
        assertTrue(paragraph("participation").contains("个别科室参与程度不高"), part2);
        assertTrue(paragraph("participation").contains("兼职"), part2);
        for (String forbidden : List.of("≥", "≤", "要求", "act-", "doc-", "2025-", "featured", "%")) {
            assertFalse(part2.contains(forbidden), forbidden + " in part 二: " + part2);
        }
        assertFalse(part2.matches("(?s).*[A-Za-z].*"), "no Latin letters in part 二: " + part2);
    }

    @Test
    void everyIndicatorOfTheProvincialSetHasAnOfficeStatement() {
        criteria.categories().forEach(c -> c.indicators().forEach(i ->
                assertTrue(wording.statement(i.id()).isPresent(), "problems.indicators." + i.id() + " in report.yaml")));
    }

    @Test
    void everyGapFindingAppearsInTheAppendixWithItsFiguresAndMaterial() {
        List<List<String>> rows = DRAFT.appendix().rows();
        assertEquals(SEED.assessment().gaps().size(), rows.size());
        for (Assessment.Gap g : SEED.assessment().gaps()) {
            List<String> row = rows.stream().filter(r -> r.get(1).equals(g.indicatorName())).findFirst().orElseThrow();
            if (!g.evidence().isEmpty()) {
                // The material by date and title, as the 台账 knows it, never the id a program gave it.
                assertTrue(row.get(4).matches("^\\d+月\\d+日“.+”.*"), row.toString());
                assertFalse(row.get(4).contains(g.evidence().get(0)), row.toString());
            }
            assertFalse(row.get(2).contains("≥") || row.get(2).contains("≤"), "symbols written out: " + row);
            assertFalse(row.get(2).matches(".*\\d{4}-\\d{2}-\\d{2}.*"), "dates written out: " + row);
        }
        String plan = rows.stream().filter(r -> r.get(1).equals("年初制定年度创建计划")).findFirst().orElseThrow().get(2);
        assertTrue(plan.contains("2025年5月20日"), plan);
        assertEquals("5月20日“2025年精神文明创建工作安排”",
                rows.stream().filter(r -> r.get(1).equals("年初制定年度创建计划")).findFirst().orElseThrow().get(4));
        assertEquals(List.of("序号", "测评内容", "自查情况", "失分", "佐证材料"), DRAFT.appendix().columns());
    }

    @Test
    void aLongEvidenceListIsCutWithItsCount() {
        Assessment.Gap many = SEED.assessment().gaps().stream().filter(g -> g.evidence().size() > DraftBuilder.EVIDENCE_SHOWN)
                .findFirst().orElseThrow();
        String cell = DRAFT.appendix().rows().stream().filter(r -> r.get(1).equals(many.indicatorName()))
                .findFirst().orElseThrow().get(4);
        assertTrue(cell.endsWith("等" + many.evidence().size() + "项"), cell);
        assertEquals(DraftBuilder.EVIDENCE_SHOWN, cell.split("、").length, cell);
    }

    @Test
    void theSignatureIsTheUnitAndTheDate() {
        ReportDraft dated = ReportDrafts.draft(SEED.assessment(), SEED.pkg(), criteria, DraftFixtures.CRITERIA,
                java.time.LocalDate.of(2026, 1, 8));
        assertEquals(new ReportDraft.Signature("××区委办公室", "2026年1月8日"), dated.signature());
        assertEquals("特此报告。", dated.closing());
        assertEquals("附件：问题与佐证清单", dated.appendixNote());
    }

    @Test
    void partThreeGivesTheClassRemediesMostPointsFirstWithTheirGapsOwnRemedies() {
        List<String> part3 = paragraphs(DRAFT, 2);
        List<Assessment.ProblemSummary> ranked = new ArrayList<>(SEED.assessment().problems());
        ranked.sort(Comparator.comparingDouble(p -> -p.pointsAtStake()));
        assertEquals(List.of("diversity", "mechanism", "participation"),
                ranked.stream().map(Assessment.ProblemSummary::id).toList());
        assertEquals(ranked.size(), part3.size());
        for (int i = 0; i < ranked.size(); i++) {
            ProblemClass c = criteria.problems().get(ranked.get(i).id());
            String paragraph = part3.get(i);
            assertTrue(paragraph.startsWith(wording.number(i) + c.remedy()), paragraph);
            for (Assessment.Gap g : SEED.assessment().gaps()) {
                if (g.problem().equals(c.id())) {
                    assertTrue(paragraph.contains(g.remedy()), g.indicator() + " remedy missing: " + paragraph);
                    assertEquals(paragraph.indexOf(g.remedy()), paragraph.lastIndexOf(g.remedy()), "said once");
                }
            }
        }
        String annualPlan = criteria.indicator("annual-plan").orElseThrow().remedy();
        String selfInitiative = criteria.indicator("self-initiative").orElseThrow().remedy();
        assertTrue(part3.get(1).indexOf(annualPlan) < part3.get(1).indexOf(selfInitiative), "points order");
    }

    @Test
    void partOneCountsTheTheoryStudyOfThePackage() {
        int theory = 0;
        int cityCreation = 0;
        for (JsonNode a : SEED.json().path("activities")) {
            theory += a.path("type").asText().equals("theory-study") ? 1 : 0;
            cityCreation += a.path("type").asText().equals("city-creation") ? 1 : 0;
        }
        String part1 = String.join("\n", paragraphs(DRAFT, 0));
        assertTrue(part1.contains("全年开展集中理论学习" + theory + "次，做到月月有安排"), part1);
        assertTrue(part1.contains("全年参与文明城市创建活动" + cityCreation + "次"), part1);
        assertTrue(part1.contains("其中" + cityCreation + "次由文明办统一安排"), part1);
        assertTrue(part1.contains("职工中注册志愿者21人，占职工总数的46%"), part1);
        assertTrue(part1.contains("明确王××同志为创建联络员"), part1);
    }

    @Test
    void partOneLeavesOutActivitiesTheScoringDoesNotCount() {
        JsonNode json = SEED.json().deepCopy();
        int theory = 0;
        for (JsonNode a : json.path("activities")) {
            theory += a.path("type").asText().equals("theory-study") ? 1 : 0;
        }
        var activities = (com.fasterxml.jackson.databind.node.ArrayNode) json.path("activities");
        String before = json.path("period").path("from").asText();
        activities.addObject().put("id", "old-study").put("type", "theory-study").put("title", "上一年度的学习")
                .put("date", java.time.LocalDate.parse(before).minusDays(20).toString()).put("organizer", "self");
        activities.addObject().put("id", "odd-type").put("type", "karaoke-night").put("title", "联欢")
                .put("date", before).put("organizer", "self");
        DraftFixtures.Checked checked = DraftFixtures.checked(json);
        String part1 = String.join("\n", paragraphs(checked.draft(), 0));
        assertTrue(part1.contains("全年开展集中理论学习" + theory + "次"), part1);
        assertTrue(!part1.contains("karaoke-night"), part1);
        assertTrue(checked.assessment().warnings().stream().anyMatch(w -> w.message().contains("karaoke-night")));
    }

    @Test
    void partOneFollowsTheReportsOrderOrganisationFirstEachWithAPlaceForTheUnitsOwnResults() {
        List<String> headings = DRAFT.parts().get(0).sections().stream().map(ReportDraft.Section::heading).toList();
        assertEquals("（一）加强组织领导，健全创建工作机制", headings.get(0), headings.toString());
        assertEquals("（二）加强理论武装，筑牢思想道德根基", headings.get(1), headings.toString());
        assertTrue(headings.indexOf("（四）深化学雷锋志愿服务，弘扬奉献精神") > 0, headings.toString());
        assertEquals("（八）统筹做好其他工作", headings.get(headings.size() - 1), headings.toString());
        for (ReportDraft.Section s : DRAFT.parts().get(0).sections()) {
            assertEquals("【请补充：本方面的成效与亮点】", s.paragraphs().get(s.paragraphs().size() - 1), s.heading());
        }
        String organisation = DRAFT.parts().get(0).sections().get(0).paragraphs().get(0);
        assertTrue(organisation.startsWith("××区委办公室把精神文明创建工作摆上重要议事日程"), organisation);
        assertTrue(organisation.contains("印发年度创建计划1份（2025年5月20日）"), organisation);
    }

    @Test
    void wellRunPartTwoSaysOnlyThatNoMainProblemWasFound() {
        DraftFixtures.Checked wellRun = DraftFixtures.example("well-run-library.json");
        assertEquals(List.of(), wellRun.assessment().gaps());
        ReportDraft draft = wellRun.draft();
        assertEquals(List.of("对照测评体系自查，未发现创建工作中存在的主要问题。"), paragraphs(draft, 1));
        assertEquals(List.of("巩固现有做法，坚持常态化开展创建工作，持续提升创建水平。"), paragraphs(draft, 2));
        assertEquals(List.of(List.of("", "未发现问题", "", "", "")), draft.appendix().rows());
    }

    @Test
    void vetoedUnitsPartTwoIsTheConductClass() {
        DraftFixtures.Checked vetoed = DraftFixtures.example("vetoed-water-bureau.json");
        List<String> part2 = paragraphs(vetoed.draft(), 1);
        assertEquals(2, part2.size(), part2.toString());
        assertTrue(part2.get(1).startsWith("一是遵纪守法和安全稳定方面存在问题。评估期内发生严重违纪违法案件，按照测评体系规定实行一票否决"),
                part2.get(1));
        assertFalse(part2.get(1).contains("2025-09-03"), part2.get(1));
        assertEquals("一票否决：发生严重违纪违法案件", vetoed.draft().appendix().rows().get(0).get(1));
    }

    private String paragraph(String problemClass) {
        String title = criteria.problems().get(problemClass).title();
        return paragraphs(DRAFT, 1).stream().filter(p -> p.contains(title)).findFirst().orElseThrow();
    }
}
