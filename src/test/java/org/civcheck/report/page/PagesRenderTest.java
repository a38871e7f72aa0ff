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
import org.civcheck.engine.Explanation;
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
                PageFixtures.criteria(), List.of(new InputProblem("$.activities[3].date", "应为按“年-月-日”书写的日期，如 2025年3月14日写作 2025-03-14")));

        assertTrue(html.contains("<form id=\"upload-form\" method=\"post\" action=\"/assessments\" "
                + "enctype=\"multipart/form-data\">"));
        assertTrue(html.contains("<input type=\"file\" name=\"package\" id=\"package\""));
        assertTrue(html.contains("<button type=\"submit\" id=\"submit\""));
        assertTrue(html.contains("<form method=\"post\" action=\"/examples/seed.json\">"));
        assertTrue(html.contains("<li class=\"fault\" data-path=\"$.activities[3].date\"><span class=\"fault-path\">第4项活动的日期</span>"
                + "<span class=\"fault-message\">应为按“年-月-日”书写的日期，如 2025年3月14日写作 2025-03-14</span></li>"), html);
    }

    @Test
    void theLoginLogoutAndErrorPagesReadAsChinese() {
        List<String> pages = List.of(PAGES.login("/", Pages.LoginNotice.NONE), PAGES.login("/", Pages.LoginNotice.TOKEN_REJECTED),
                PAGES.login("/", Pages.LoginNotice.LOGGED_OUT), PAGES.signedIn(true).logout(),
                PAGES.error(404, "找不到该页面", "该检查记录不存在或已删除。"));
        for (String html : pages) {
            assertEquals(java.util.Set.of(), latinWords(html), html);
        }
    }

    /** The Latin-letter words of a page's visible text (no tags, attributes, scripts or styles) outside the allowed list. */
    private static java.util.Set<String> latinWords(String html) {
        String text = html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("&[a-z]+;|&#\\d+;", " ");
        java.util.Set<String> words = new java.util.TreeSet<>();
        Matcher m = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]").matcher(text);
        while (m.find()) {
            if (!org.civcheck.e2e.BrowserPagesTest.ALLOWED.contains(m.group())) {
                words.add(m.group());
            }
        }
        return words;
    }

    @Test
    void theUploadPageListsEachExampleUnitOnceUnderItsNameWithItsWorkbookFirst() {
        String html = PAGES.index(List.of(new Examples.Example("seed.json", "××区委办公室", 87433),
                new Examples.Example("unnamed.zip", null, 1000),
                new Examples.Example("workbooks/seed.xlsx", "××区委办公室", 33000)), List.of(), PageFixtures.criteria(),
                List.of());

        assertEquals(1, html.split("<h3 class=\"example-name\">××区委办公室</h3>", -1).length - 1, html);
        assertTrue(html.contains("<h3 class=\"example-name\">示例2</h3>"), "a unit without a name is numbered: " + html);
        int workbook = html.indexOf("<form method=\"post\" action=\"/examples/workbooks/seed.xlsx\">");
        assertTrue(workbook > 0 && workbook < html.indexOf("action=\"/examples/seed.json\""), html);
        assertTrue(html.contains("href=\"/examples/workbooks/seed.xlsx\" download"), html);
        assertTrue(html.contains(">下载（Excel，32.2 KB）</a>"), html);
        assertTrue(html.contains(">检查 ZIP 证据包（含附件）</button>"), html);
    }

    @Test
    void theUploadPageWithoutFaultsListsNone() {
        String html = PAGES.index(List.of(), List.of(), null, List.of());

        assertFalse(html.contains("class=\"fault\""));
        assertTrue(html.contains("还没有检查记录"));
    }

    @Test
    void theHeaderOffersLogoutOnlyToAVisitorSignedInThroughTheLoginPage() {
        String button = "<form class=\"logout\" method=\"post\" action=\"/logout\"><button type=\"submit\" "
                + "class=\"logout-button\" id=\"logout\">退出登录</button></form>";

        assertTrue(PAGES.signedIn(true).index(List.of(), List.of(), null, List.of()).contains(button));
        assertTrue(PAGES.signedIn(true).error(404, "找不到该页面", "没有路径 /x").contains(button));
        assertFalse(PAGES.index(List.of(), List.of(), null, List.of()).contains("/logout"));
        assertFalse(PAGES.error(404, "找不到该页面", "没有路径 /x").contains("/logout"));
    }

    @Test
    void theLogoutPageAsksWithThePostForm() {
        String html = PAGES.signedIn(true).logout();

        assertTrue(html.contains("确定要退出登录吗？"));
        assertTrue(html.contains("<form method=\"post\" action=\"/logout\">"));
        assertTrue(html.contains("<button type=\"submit\" class=\"button primary\" id=\"logout-confirm\">退出登录</button>"));
    }

    @Test
    void theLoginPageHasTheTokenFormAndKeepsThePageToReturnTo() {
        String html = PAGES.login("/assessments/x1", Pages.LoginNotice.NONE);

        assertTrue(html.contains("<title>登录 · 文明单位复审自查</title>"));
        assertTrue(html.contains("<form method=\"post\" action=\"/login\">\n"
                + "    <input type=\"hidden\" name=\"next\" value=\"/assessments/x1\">\n"
                + "    <p><label for=\"token\">访问令牌</label> <input type=\"password\" name=\"token\" id=\"token\" "
                + "autocomplete=\"current-password\" required></p>\n"
                + "    <p><button type=\"submit\" class=\"button primary\">登录</button></p>\n"
                + "  </form>"), html);
        assertFalse(html.contains("令牌无效"));
        assertFalse(html.contains("已退出登录"));
        assertFalse(html.contains("site-nav"), "no navigation to pages the visitor cannot open yet");
        assertFalse(PAGES.signedIn(true).login("/", Pages.LoginNotice.NONE).contains("/logout"));
    }

    @Test
    void aRejectedTokenIsSaidAboveTheLoginForm() {
        String html = PAGES.login("/", Pages.LoginNotice.TOKEN_REJECTED);

        int notice = html.indexOf("<p class=\"faults\" role=\"alert\">令牌无效，请检查后重新输入。</p>");
        assertTrue(notice > html.indexOf("<h1>登录</h1>"), html);
        assertTrue(notice < html.indexOf("<form method=\"post\" action=\"/login\">"));
        assertFalse(html.contains("已退出登录"));
    }

    @Test
    void afterLogoutTheLoginPageSaysSo() {
        String html = PAGES.login("/", Pages.LoginNotice.LOGGED_OUT);

        int notice = html.indexOf("<p class=\"signed-out\" id=\"signed-out\" role=\"status\">已退出登录</p>");
        assertTrue(notice > html.indexOf("<h1>登录</h1>"), html);
        assertTrue(notice < html.indexOf("<form method=\"post\" action=\"/login\">"));
        assertFalse(html.contains("令牌无效"));
    }

    @Test
    void theLoginPageReturnsOnlyToALocalPageAndEscapesIt() {
        assertTrue(PAGES.login("https://evil.example/", Pages.LoginNotice.NONE)
                .contains("<input type=\"hidden\" name=\"next\" value=\"/\">"));
        assertTrue(PAGES.login("//evil.example/", Pages.LoginNotice.NONE)
                .contains("<input type=\"hidden\" name=\"next\" value=\"/\">"));

        String html = PAGES.login("/\"><script>alert(1)</script>", Pages.LoginNotice.NONE);

        assertFalse(html.contains(SCRIPT));
        assertTrue(html.contains("<input type=\"hidden\" name=\"next\" value=\"/&#34;>&lt;script>alert(1)&lt;/script>\">"),
                html);
    }

    private static Assessment explained(String finding, String rule, List<String> evidence) {
        Assessment a = DecisionTraceTest.withIndicators(PageFixtures.result(84, List.of(gap("regular-work", "mechanism", 1.5),
                gap("department-participation", "participation", 3))));
        return a.withExplanation(new Explanation(List.of(
                new Explanation.IndicatorTrace("regular-work", "regularity",
                        java.util.Map.of("types", List.of("festival"), "minMonths", 10.0), "partial", 1.5, 3,
                        List.of(new Explanation.MeasureTrace(rule, "coverage", 0.5, false, finding, evidence)),
                        "经常性开展", List.of(new Explanation.ParameterLabel("types", "活动类型", "[activityTypes]", ""),
                                new Explanation.ParameterLabel("minMonths", "最少开展月数", "count", "个月")))),
                List.of(new Explanation.WhatIf("regular-work", 1.5, 85.5, "ready", "补齐这一项可挽回1.5分，得分85.5，结论变为“可以通过”"),
                        new Explanation.WhatIf("department-participation", 3, 87, "not-ready",
                                "补齐这一项可挽回3分，得分87，结论仍为“难以通过”")),
                java.util.Map.of()));
    }

    @Test
    void underEachGapIsWhatClosingItWouldChangeAVerdictChangeStressed() {
        String html = results(explained("仅在5个月开展", "regularity: months", List.of()), null, null);

        assertTrue(html.contains("<p class=\"whatif whatif-change\" data-verdict-if-closed=\"ready\">"
                + "<span class=\"tag tag-change\">可改变结论</span>补齐这一项可挽回1.5分，得分85.5，"
                + "<strong>结论变为“可以通过”</strong></p>"), html);
        assertTrue(html.contains("<p class=\"whatif\" data-verdict-if-closed=\"not-ready\">"
                + "补齐这一项可挽回3分，得分87，结论仍为“难以通过”</p>"), html);
        for (String[] g : new String[][] {{"regular-work", "补齐这一项可挽回1.5分"}, {"department-participation", "补齐这一项可挽回3分"}}) {
            int start = html.indexOf("<li class=\"gap\" data-problem=");
            start = html.indexOf("data-indicator=\"" + g[0] + "\">", start);
            int end = html.indexOf("</li>", start);
            int line = html.indexOf(g[1], start);
            assertTrue(start > 0 && line > start && line < end, "the line under its own gap: " + g[0]);
        }
    }

    @Test
    void everyExplainedIndicatorFoldsItsCheckThresholdsAndMeasures() {
        Activity a1 = PageFixtures.activity("a1", "festival", LocalDate.of(2025, 5, 1));
        String html = results(explained("仅在5个月开展", "regularity: months of the period with activity",
                List.of("a1", "gone")), PageFixtures.evidence(LocalDate.of(2026, 1, 20), List.of(a1)), null);

        assertTrue(html.contains("<details class=\"trace\" data-indicator=\"regular-work\">"));
        assertTrue(html.contains("<span class=\"trace-summary\">经常性开展，1项测量，未达到要求</span>"));
        assertTrue(html.contains("<dd>经常性开展</dd>"), "the check by its Chinese name only");
        assertFalse(html.contains("<code>regularity</code>"), "no code word");
        assertTrue(html.contains("<div data-param=\"types\"><dt>活动类型</dt><dd>我们的节日</dd></div>"), html);
        assertTrue(html.contains("<div data-param=\"minMonths\"><dt>最少开展月数</dt><dd>10个月</dd></div>"));
        assertTrue(html.contains("<li class=\"measure measure-short\" data-aspect=\"coverage\">"));
        assertTrue(html.contains(">✗</span>"));
        assertTrue(html.contains("<p class=\"measure-finding\">仅在5个月开展</p>"));
        assertTrue(html.contains("<p class=\"measure-rule\" data-rule=\"regularity: months of the period with activity\">"
                + "计分 50%</p>"), "the rule's name only for tools, not as text");
        assertTrue(html.contains("<a class=\"ev\" href=\"#act-a1\""));
        assertTrue(html.contains("title=\"证据包中没有编号为 gone 的材料\""));
        assertEquals(1, html.split("<details class=\"trace\"", -1).length - 1, "only the explained indicator folds");
    }

    @Test
    void aResultStoredWithoutAnExplanationStillRendersWithoutFoldsOrWhatIfs() {
        Assessment old = DecisionTraceTest.withIndicators(PageFixtures.result(84, List.of(gap("regular-work", "mechanism", 1.5))));

        String html = results(old, null, null);

        assertTrue(html.contains("<tr data-indicator=\"regular-work\">"));
        assertFalse(html.contains("class=\"trace"));
        assertFalse(html.contains("whatif"));
        assertFalse(html.contains("判定依据"));
    }

    @Test
    void textInTheTraceIsEscaped() {
        String html = results(explained(SCRIPT, SCRIPT, List.of("\"><img src=x>")), null, null);

        assertFalse(html.contains(SCRIPT));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("<p class=\"measure-finding\">&lt;script&gt;alert(1)&lt;/script&gt;</p>"));
    }
}
