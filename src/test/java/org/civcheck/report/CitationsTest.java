package org.civcheck.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.civcheck.criteria.CriteriaLoader;
import org.civcheck.criteria.Taxonomy;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.Department;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.Period;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.Unit;
import org.junit.jupiter.api.Test;

class CitationsTest {

    private static final Taxonomy WORDS = new CriteriaLoader().load(Path.of("criteria/provincial")).criteria().taxonomy();

    private static Activity activity(String id, String title, String date) {
        return new Activity(id, "volunteer-service", title, LocalDate.parse(date), null, "self", Map.of(), 10, null,
                null, List.of(), List.of());
    }

    private static Citations of(String from, String to, List<Activity> activities, List<PlanDocument> plans,
            List<Incident> incidents) {
        Unit unit = new Unit("u", "测试单位", "provincial", 2017, 20, 10, List.of(new Department("a", "甲科", 20)), null);
        return Citations.of(new EvidencePackage(1, unit, new Period(LocalDate.parse(from), LocalDate.parse(to)),
                LocalDate.parse(to).plusDays(20), plans, activities, 10, List.of(), incidents, List.of()), WORDS);
    }

    @Test
    void itemsAreNamedByDateAndTitleEarliestFirstWithTheRestCountedOnce() {
        Citations c = of("2025-01-01", "2025-12-31", List.of(activity("a-3", "国庆重温入党誓词", "2025-09-29"),
                activity("a-1", "学雷锋志愿服务", "2025-03-05"), activity("a-2", "区委办公室“文明家庭”评选", "2025-05-15")),
                List.of(), List.of());

        assertEquals("3月5日“学雷锋志愿服务”、5月15日“区委办公室‘文明家庭’评选”", c.list(List.of("a-3", "a-1", "a-2", "a-1"), 2)
                .replace("等3项", ""));
        assertTrue(c.list(List.of("a-3", "a-1", "a-2", "a-1"), 2).endsWith("等3项"), "an id cited twice counts once");
        assertEquals("3月5日“学雷锋志愿服务”、5月15日“区委办公室‘文明家庭’评选”、9月29日“国庆重温入党誓词”",
                c.list(List.of("a-3", "a-2", "a-1"), 5));
    }

    @Test
    void aDayOutsideThePeriodsYearOrInAPeriodOfTwoYearsSaysItsYear() {
        Incident old = new Incident("i-1", "discipline-violation", LocalDate.of(2023, 9, 3), "serious",
                "一名副局长因严重违纪被立案审查", false);
        Citations oneYear = of("2025-01-01", "2025-12-31", List.of(activity("a-1", "学雷锋志愿服务", "2025-03-05")),
                List.of(), List.of(old));
        assertEquals("2023年9月3日“一名副局长因严重违纪被立案审查”", oneYear.name("i-1"));
        assertEquals("3月5日“学雷锋志愿服务”", oneYear.name("a-1"));

        Citations twoYears = of("2024-07-01", "2025-12-31", List.of(activity("a-1", "学雷锋志愿服务", "2025-03-05")),
                List.of(), List.of());
        assertEquals("2025年3月5日“学雷锋志愿服务”", twoYears.name("a-1"));
    }

    @Test
    void anItemWithoutATitleIsNamedByItsTypeUnquoted() {
        Citations c = of("2025-01-01", "2025-12-31", List.of(activity("a-1", "  ", "2025-01-09")),
                List.of(), List.of(new Incident("i-1", "safety-accident", LocalDate.of(2025, 12, 30), "minor", null, true)));
        assertEquals("1月9日志愿服务", c.name("a-1"));
        assertEquals("12月30日安全责任事故", c.name("i-1"));
    }

    @Test
    void anIdTwoListsShareOrThePackageDoesNotHoldIsNamedByItsNumberAndComesLast() {
        Citations c = of("2025-01-01", "2025-12-31", List.of(activity("1", "周四下午集中理论学习", "2025-01-02"),
                activity("2", "学雷锋志愿服务", "2025-03-05")),
                List.of(new PlanDocument("1", "annual-plan", "2025年精神文明创建工作安排", LocalDate.of(2025, 5, 20), List.of())),
                List.of());

        assertNull(c.find("1"), "either the plan or the first activity: not a confident wrong title");
        assertTrue(c.holds("1"));
        assertFalse(c.holds("9"));
        assertEquals(List.of("3月5日“学雷锋志愿服务”", "编号“9”", "编号“1”"), c.names(List.of("9", "1", "2"), 5));
    }
}
