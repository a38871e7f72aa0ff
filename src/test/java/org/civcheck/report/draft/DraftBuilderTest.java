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
        assertEquals("××区委办公室2025年精神文明创建工作自查报告", DRAFT.title());
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
    void mechanismParagraphGivesTheShareArrangedByTheCivilizationOfficeAsThePackageHasIt() {
        JsonNode activities = SEED.json().path("activities");
        Set<String> creation = new LinkedHashSet<>();
        criteria.taxonomy().activityTypes().stream().filter(t -> "creation".equals(t.group()))
                .forEach(t -> creation.add(t.id()));
        int all = 0;
        int external = 0;
        for (JsonNode a : activities) {
            if (creation.contains(a.path("type").asText())) {
                all++;
                String organizer = a.path("organizer").asText("self");
                if (organizer.equals("civilization-office") || organizer.equals("superior")) {
                    external++;
                }
            }
        }
        String mechanism = paragraph("mechanism");
        assertTrue(mechanism.contains(all + "项创建活动中有" + external + "项（"
                + Math.round(100.0 * external / all) + "%）由文明办"), mechanism);
        String planDate = SEED.json().path("plans").get(0).path("date").asText();
        assertTrue(mechanism.contains(planDate), mechanism);
    }

    @Test
    void participationParagraphNamesTheDepartmentsTakingLittlePart() {
        String participation = paragraph("participation");
        List<Assessment.DepartmentParticipation> rates = SEED.assessment().participation();
        assertFalse(rates.isEmpty());
        for (Assessment.DepartmentParticipation d : rates) {
            String named = d.name() + "（" + Math.round(d.rate() * 100) + "%）";
            assertEquals(d.rate() < 0.3, participation.contains(named), named + " in " + participation);
        }
        assertTrue(participation.contains("创建联络员王××为兼职"), participation);
    }

    @Test
    void everyGapFindingAppearsInItsClassParagraph() {
        for (Assessment.Gap g : SEED.assessment().gaps()) {
            assertTrue(paragraph(g.problem()).contains(g.message()), g.message());
        }
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
        assertTrue(part1.contains("开展理论学习" + theory + "次"), part1);
        assertTrue(part1.contains("开展参与文明城市创建" + cityCreation + "次"), part1);
        assertTrue(part1.contains("其中" + cityCreation + "次由文明办安排"), part1);
        assertTrue(part1.contains("职工中注册志愿者21人，占职工总数46%"), part1);
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
        assertTrue(part1.contains("开展理论学习" + theory + "次"), part1);
        assertTrue(!part1.contains("karaoke-night"), part1);
        assertTrue(checked.assessment().warnings().stream().anyMatch(w -> w.message().contains("karaoke-night")));
    }

    @Test
    void partOneGroupsByCategoryMostActivitiesFirst() {
        List<String> headings = DRAFT.parts().get(0).sections().stream().map(ReportDraft.Section::heading).toList();
        // 学雷锋志愿服务 holds 82 activities (78 of them 参与文明城市创建), 思想道德建设 70.
        assertEquals("（一）学雷锋志愿服务", headings.get(0), headings.toString());
        assertEquals("（二）思想道德建设", headings.get(1), headings.toString());
        assertEquals("（六）其他工作", headings.get(headings.size() - 1), headings.toString());
        String ideology = DRAFT.parts().get(0).sections().get(1).paragraphs().get(0);
        assertTrue(ideology.startsWith("围绕思想道德建设，一是开展理论学习"), ideology);
    }

    @Test
    void wellRunPartTwoSaysOnlyThatNoMainProblemWasFound() {
        DraftFixtures.Checked wellRun = DraftFixtures.example("well-run-library.json");
        assertEquals(List.of(), wellRun.assessment().gaps());
        ReportDraft draft = wellRun.draft();
        assertEquals(List.of("对照测评体系自查，未发现创建工作中存在的主要问题。"), paragraphs(draft, 1));
        assertEquals(List.of("巩固现有做法，坚持常态化开展创建工作。"), paragraphs(draft, 2));
    }

    @Test
    void vetoedUnitsPartTwoIsTheConductClass() {
        DraftFixtures.Checked vetoed = DraftFixtures.example("vetoed-water-bureau.json");
        List<String> part2 = paragraphs(vetoed.draft(), 1);
        assertEquals(2, part2.size(), part2.toString());
        assertTrue(part2.get(1).startsWith("一是遵纪守法和安全稳定方面存在问题。一票否决"), part2.get(1));
    }

    private String paragraph(String problemClass) {
        String title = criteria.problems().get(problemClass).title();
        return paragraphs(DRAFT, 1).stream().filter(p -> p.contains(title)).findFirst().orElseThrow();
    }
}
