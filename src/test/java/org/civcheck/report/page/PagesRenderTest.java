package org.civcheck.report.page;

import static org.civcheck.report.page.PageFixtures.gap;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civcheck.engine.Assessment;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.InputProblem;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.StoredAssessment;
import org.civcheck.web.Examples;
import org.civcheck.web.Pages;
import org.junit.jupiter.api.Test;

/**
 * The templates laid over the view models: the hooks the end-to-end test relies on are there,
 * and text from a package is escaped wherever it lands.
 */
class PagesRenderTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 5, 2, 0, 0, 0, ZoneOffset.UTC);

    private static final Pages PAGES = new Pages(PageFixtures::criteria);

    private static StoredAssessment stored(String id, Assessment a) {
        return new StoredAssessment(new AssessmentSummary(id, "u", "测试单位", NOW, a.verdict(), a.score(), a.maxScore(),
                "test", "1"), "sha", 100, "application/json", "package.json", "abc", "{}");
    }

    private static String results(Assessment a, EvidencePackage evidence, Assessment previous) {
        return PAGES.assessment(stored("x1", a), a, evidence, List.of(), previous);
    }

    @Test
    void theVerdictAndScoreCarryTheirHooks() {
        String html = results(PageFixtures.result(59, List.of(gap("plan", "mechanism", 3))), null, null);

        assertTrue(html.contains("id=\"verdict\" class=\"verdict-word\" data-verdict=\"not-ready\">难以通过<"), html);
        assertTrue(html.contains("<span id=\"score\" class=\"score\">59</span>"));
    }

    @Test
    void everyGapCarriesItsProblemClassAndIndicator() {
        String html = results(PageFixtures.result(59, List.of(gap("plan", "mechanism", 3),
                gap("staff", "participation", 2))), null, null);

        Matcher m = Pattern.compile("<li class=\"gap\" data-problem=\"([^\"]+)\" data-indicator=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(m.find());
        assertEquals("mechanism/plan", m.group(1) + "/" + m.group(2));
        assertTrue(m.find());
        assertEquals("participation/staff", m.group(1) + "/" + m.group(2));
        assertFalse(m.find());
    }

    @Test
    void vetoesComeBeforeTheVerdictAsVetoElements() {
        Assessment a = PageFixtures.result(96, List.of(), List.of(new Assessment.Veto("serious", "发生严重违纪",
                "2025-09-03 违纪", List.of("inc-1"))));

        String html = results(a, null, null);

        int veto = html.indexOf("<div class=\"veto\" data-veto=\"serious\">");
        assertTrue(veto > 0);
        assertTrue(veto < html.indexOf("id=\"verdict\""));
        assertTrue(html.contains("data-verdict=\"vetoed\">一票否决<"));
    }

    @Test
    void packageTextIsEscapedEverywhere() {
        Activity evil = new Activity("act-1", "festival", SCRIPT, LocalDate.of(2025, 5, 1), null, "self",
                java.util.Map.of(), 3, null, null, List.of(), List.of());
        EvidencePackage evidence = PageFixtures.evidence(LocalDate.of(2026, 1, 20), List.of(evil));
        Assessment a = PageFixtures.result(59, List.of(new Assessment.Gap("plan", SCRIPT, "mechanism", SCRIPT, 3, false,
                SCRIPT, SCRIPT, List.of("act-1", "\"><img src=x>"))));

        String html = results(a, evidence, null);

        assertFalse(html.contains(SCRIPT));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("id=\"act-act-1\""));
        assertTrue(html.contains("href=\"#act-act-1\""));
    }

    @Test
    void withoutThePackageTheCalendarSaysItIsUnavailable() {
        String html = results(PageFixtures.result(59, List.of()), null, null);

        assertTrue(html.contains("活动日历暂不可用"));
    }

    @Test
    void thePreviousAssessmentShowsWhatChanged() {
        Assessment before = PageFixtures.result(50, List.of(gap("plan", "mechanism", 3)));
        Assessment now = PageFixtures.result(59, List.of(gap("staff", "participation", 2)));

        String html = results(now, null, before);

        assertTrue(html.contains("<li class=\"diff-item diff-resolved\" data-indicator=\"plan\">"));
        assertTrue(html.contains("<li class=\"diff-item diff-new\" data-indicator=\"staff\">"));
    }

    @Test
    void theUploadPageHasTheFormTheExamplesAndTheFaults() {
        String html = PAGES.index(List.of(new Examples.Example("seed.json", "××区委办公室", 87433)), List.of(),
                PageFixtures.criteria(), List.of(new InputProblem("$.activities[3].date", "日期格式应为 YYYY-MM-DD")));

        assertTrue(html.contains("<form id=\"upload-form\" method=\"post\" action=\"/assessments\" "
                + "enctype=\"multipart/form-data\">"));
        assertTrue(html.contains("<input type=\"file\" name=\"package\" id=\"package\""));
        assertTrue(html.contains("<button type=\"submit\" id=\"submit\""));
        assertTrue(html.contains("<form method=\"post\" action=\"/examples/seed.json\">"));
        assertTrue(html.contains("<li class=\"fault\"><code class=\"fault-path\">$.activities[3].date</code>"
                + "<span class=\"fault-message\">日期格式应为 YYYY-MM-DD</span></li>"));
    }

    @Test
    void theUploadPageWithoutFaultsListsNone() {
        String html = PAGES.index(List.of(), List.of(), null, List.of());

        assertFalse(html.contains("class=\"fault\""));
        assertTrue(html.contains("还没有检查记录"));
    }
}
