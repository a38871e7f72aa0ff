package org.civcheck.report.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civcheck.criteria.Category;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.criteria.ProblemClass;
import org.civcheck.criteria.Taxonomy;
import org.civcheck.criteria.Taxonomy.Term;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessment.CategoryScore;
import org.civcheck.engine.Assessment.Gap;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.Department;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.Period;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.Unit;

/**
 * Small, hand-made results, packages and criteria for the view-model tests: every number in
 * them is chosen so that the expected geometry can be worked out by hand.
 */
final class PageFixtures {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    private PageFixtures() {}

    /**
     * A criteria set with two activity classes (creation first in the watched list, routine
     * first in the taxonomy), a regularity indicator watching the creation types over 6 weeks,
     * and a department indicator asking for 30%.
     */
    static CriteriaSet criteria() {
        Taxonomy taxonomy = new Taxonomy(
                List.of(new Term("routine", "日常学习和组织生活", null), new Term("creation", "创建活动", null)),
                List.of(new Term("theory-study", "理论学习", "routine"),
                        new Term("volunteer-service", "志愿服务", "creation"),
                        new Term("festival", "我们的节日", "creation")),
                List.of(new Term("photo", "照片", null)),
                List.of(new Term("self", "本单位", null), new Term("civilization-office", "文明办", null)),
                List.of(new Term("annual-plan", "年度创建计划", null)),
                List.of(new Term("discipline-violation", "违纪违法", null)),
                List.of(new Term("minor", "一般", null), new Term("serious", "严重", null)),
                List.of(new Term("public", "群众", null), new Term("staff", "职工", null)));
        Indicator regular = new Indicator("regular-work", "organization", "创建工作常态化开展", 3, "材料审核", "regularity",
                Map.of("types", List.of("volunteer-service", "festival"), "bunchingWeeks", 6, "minMonths", 10),
                "mechanism", true, null);
        Indicator departments = new Indicator("department-participation", "participation", "各科室参与创建", 5,
                "材料审核", "department-participation", Map.of("minDepartmentRate", 0.3), "participation", false, null);
        return new CriteriaSet("test", "测试体系", "1", "abc", 85, 5, 0.5,
                List.of(new Category("organization", "组织领导", 14, List.of(regular)),
                        new Category("participation", "全员参与", 12, List.of(departments))),
                taxonomy, Map.of("mechanism", new ProblemClass("mechanism", "长效机制不健全", "建立长效机制")), List.of());
    }

    static Activity activity(String id, String type, LocalDate date) {
        return new Activity(id, type, "活动" + id, date, null, "self", Map.of(), 10, null, null, List.of(), List.of());
    }

    static EvidencePackage evidence(LocalDate inspection, List<Activity> activities) {
        return evidence(inspection, activities, List.of(), List.of());
    }

    static EvidencePackage evidence(LocalDate inspection, List<Activity> activities, List<PlanDocument> plans,
            List<Incident> incidents) {
        Unit unit = new Unit("u", "测试单位", "provincial", 2017, 20, 10,
                List.of(new Department("a", "甲科", 10), new Department("b", "乙科", 10)), null);
        return new EvidencePackage(1, unit, new Period(FROM, TO), inspection, plans, activities, 10, List.of(),
                incidents, List.of());
    }

    static Gap gap(String indicator, String problem, double points) {
        return gap(indicator, problem, points, List.of());
    }

    static Gap gap(String indicator, String problem, double points, List<String> evidence) {
        return new Gap(indicator, "指标" + indicator, problem, "问题" + problem, points, false, "发现" + indicator,
                "整改" + indicator, evidence);
    }

    /** A result with the given score and gaps, pass line 85 of 100, no vetoes. */
    static Assessment result(double score, List<Gap> gaps) {
        return result(score, gaps, List.of());
    }

    static Assessment result(double score, List<Gap> gaps, List<Assessment.Veto> vetoes) {
        return new Assessment(new Assessment.UnitRef("u", "测试单位"),
                new Assessment.CriteriaRef("test", "测试体系", "1", "abc"), score, 100, 85,
                vetoes.isEmpty() ? (score >= 85 ? "ready" : "not-ready") : "vetoed", "理由",
                new Assessment.Period(FROM, TO), LocalDate.of(2026, 1, 20), categories(), List.of(), vetoes,
                new ArrayList<>(gaps), List.of(), List.of(), List.of(), null);
    }

    static List<CategoryScore> categories() {
        return List.of(new CategoryScore("organization", "组织领导", 3, 14),
                new CategoryScore("ideology", "思想道德", 18, 18),
                new CategoryScore("participation", "全员参与", 9, 12));
    }
}
