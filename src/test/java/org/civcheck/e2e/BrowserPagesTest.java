package org.civcheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civcheck.web.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of every example as a liaison sees it, in Chromium on a 360 px phone and a 1280 px
 * screen, every folded section open: nothing wider than the screen, no Latin-letter word but the
 * names of file formats, no JSON path. And deleting one's own check from its page, which asks first.
 */
public class BrowserPagesTest {

    /** Words a liaison meets on any office PC. */
    public static final Set<String> ALLOWED = Set.of("PDF", "Word", "Excel", "CSV", "ZIP", "zip", "JSON", "WPS", "KB", "MB",
            "GB", "Markdown");
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]");
    /** A cell as Excel itself names it (C17), which a fault in a workbook points to. */
    private static final Pattern EXCEL_CELL = Pattern.compile("[A-Z]{1,3}[0-9]{1,7}");
    private static final Pattern JSON_PATH = Pattern.compile("\\$[.\\[]");
    private static final List<String> EXAMPLES = List.of("seed-district-office.json", "well-run-library.json",
            "well-run-library.zip", "vetoed-water-bureau.json", "rushed-before-inspection.json",
            "workbooks/seed-district-office.xlsx");

    @TempDir
    static Path dir;

    static TestApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        if (Chromium.missing() != null) {
            return;
        }
        app = TestApp.start(Files.createDirectories(dir.resolve("db")));
        browser = Chromium.start(dir.resolve("chromium-profile"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(Chromium.missing() == null, Chromium::missing);
    }

    @Test
    void everyPageOfEveryExampleReadsAsChineseAndFitsTheScreen() throws IOException {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("首页", app.uri("/").toString());
        for (String example : EXAMPLES) {
            browser.get(app.uri("/").toString());
            browser.findElement(By.cssSelector("form[action='/examples/" + example + "'] button")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.urlMatches(BrowserUploadTest.RESULTS_URL));
            pages.put(example, browser.getCurrentUrl());
        }
        // The same unit checked twice: the history has two checks of one day.
        browser.get(app.uri("/").toString());
        browser.findElement(By.cssSelector("form[action='/examples/" + EXAMPLES.get(0) + "'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.urlMatches(BrowserUploadTest.RESULTS_URL));
        pages.put(EXAMPLES.get(0) + "（第二次）", browser.getCurrentUrl());
        pages.put("首页（有记录）", app.uri("/").toString());

        List<String> problems = new ArrayList<>();
        for (int width : new int[] {360, 1280}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.get(page.getValue());
                browser.executeScript("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
                String where = page.getKey() + " @" + width + "px";
                long scroll = ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
                long inner = ((Number) browser.executeScript("return document.documentElement.clientWidth;")).longValue();
                if (scroll > inner) {
                    problems.add(where + "：页面宽 " + scroll + "px，超出屏幕 " + inner + "px；最宽的元素："
                            + browser.executeScript(WIDEST));
                }
                Object scrolled = browser.executeScript("""
                        var out = [];
                        document.querySelectorAll('.chart-scroll, .chart').forEach(function (e) {
                          if (e.scrollWidth > e.clientWidth + 1) { out.push((e.id || e.className) + ' ' + e.scrollWidth + '>' + e.clientWidth); }
                        });
                        return out.join('; ');""");
                if (!String.valueOf(scrolled).isEmpty()) {
                    problems.add(where + "：图表需要横向滚动 " + scrolled);
                }
                String text = (String) browser.executeScript("return document.body.innerText;");
                Set<String> latin = new TreeSet<>();
                Matcher m = LATIN.matcher(text);
                while (m.find()) {
                    if (!ALLOWED.contains(m.group()) && !EXCEL_CELL.matcher(m.group()).matches()) {
                        latin.add(m.group());
                    }
                }
                if (!latin.isEmpty()) {
                    problems.add(where + "：英文或代码 " + latin);
                }
                Matcher path = JSON_PATH.matcher(text);
                if (path.find()) {
                    problems.add(where + "：JSON 路径 " + text.substring(path.start(), Math.min(text.length(), path.start() + 40)));
                }
                if (width == 360) {
                    Chromium.screenshot(browser, "page-" + page.getKey().replaceAll("[^A-Za-z0-9.-]", "_") + "-360.png");
                }
            }
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        assertEquals(List.of(), problems);
    }

    @Test
    void aRefusedUploadsFaultsAndAMissingPageReadAsChinese() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode pkg = (ObjectNode) json.readTree(Path.of("examples/seed-district-office.json").toFile());
        ((ObjectNode) pkg.path("activities").get(0)).put("date", "2025/3/6");
        ((ObjectNode) pkg.path("activities").get(1)).put("date", "2025-02-30");
        ((ObjectNode) pkg.path("activities").get(2)).putNull("title");
        ((ObjectNode) pkg.path("unit")).put("staff", "四十六");
        File broken = dir.resolve("refused.json").toFile();
        json.writeValue(broken, pkg);
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {360, 1280}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            browser.get(app.uri("/").toString());
            browser.findElement(By.id("package")).sendKeys(broken.getAbsolutePath());
            browser.findElement(By.id("submit")).click();
            List<WebElement> faults = new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector(".fault")));
            assertTrue(faults.size() >= 2, "the faults are listed: " + faults.stream().map(WebElement::getText).toList());
            assertTrue(faults.stream().anyMatch(f -> f.getText().contains("年-月-日")),
                    "the date fault says how to write a date in words: " + faults.stream().map(WebElement::getText).toList());
            problems.addAll(reading("退回的上传 @" + width + "px", broken.getName()));
            browser.get(app.uri("/assessments/no-such-check").toString());
            problems.addAll(reading("找不到的页面 @" + width + "px", ""));
        }
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        assertEquals(List.of(), problems);
    }

    /** What the current page shows that a liaison should not read: Latin-letter words, JSON paths, a too-wide page. */
    private static List<String> reading(String where, String ownFileName) {
        List<String> problems = new ArrayList<>();
        long scroll = ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long inner = ((Number) browser.executeScript("return document.documentElement.clientWidth;")).longValue();
        if (scroll > inner) {
            problems.add(where + "：页面宽 " + scroll + "px，超出屏幕 " + inner + "px；最宽的元素：" + browser.executeScript(WIDEST));
        }
        // The liaison's own file name, shown back to them, is their words.
        String text = ((String) browser.executeScript("return document.body.innerText;")).replace(ownFileName, "");
        Set<String> latin = new TreeSet<>();
        Matcher m = LATIN.matcher(text);
        while (m.find()) {
            if (!ALLOWED.contains(m.group()) && !EXCEL_CELL.matcher(m.group()).matches()) {
                latin.add(m.group());
            }
        }
        if (!latin.isEmpty()) {
            problems.add(where + "：英文或代码 " + latin);
        }
        Matcher path = JSON_PATH.matcher(text);
        if (path.find()) {
            problems.add(where + "：JSON 路径 " + text.substring(path.start(), Math.min(text.length(), path.start() + 40)));
        }
        return problems;
    }

    @Test
    void aCheckIsDeletedFromItsPageAfterTheBrowserAsks() {
        browser.get(app.uri("/").toString());
        browser.findElement(By.cssSelector("form[action='/examples/rushed-before-inspection.json'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.urlMatches(BrowserUploadTest.RESULTS_URL));
        String results = browser.getCurrentUrl();

        browser.findElement(By.id("delete-button")).click();
        var question = new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());
        assertTrue(question.getText().contains("确定删除"), question.getText());
        question.dismiss();
        assertEquals(results, browser.getCurrentUrl(), "declining keeps the check");

        browser.findElement(By.id("delete-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent()).accept();
        String deleted = new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("deleted"))).getText();
        assertTrue(deleted.contains("已删除") && deleted.contains("××市税务局××分局"), deleted);

        browser.get(results);
        String gone = browser.findElement(By.tagName("body")).getText();
        assertTrue(gone.contains("找不到"), "the check is gone: " + gone);
        browser.get(app.uri("/").toString());
        assertFalse(browser.findElements(By.cssSelector("a[href='" + results.substring(results.indexOf("/assessments/")) + "']"))
                .stream().findAny().isPresent(), "no longer listed");
    }

    /** The element sticking out furthest to the right, as tag#id.class. */
    private static final String WIDEST = """
            var worst = null, right = document.documentElement.clientWidth;
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                var o = getComputedStyle(p).overflowX;
                if (o === 'auto' || o === 'scroll' || o === 'hidden') { return; }
              }
              if (r.right > right + 0.5 && (worst === null || r.right > worst.r)) { worst = { e: e, r: r.right }; }
            });
            if (!worst) { return 'none'; }
            var path = [];
            for (var e = worst.e; e && e !== document.body; e = e.parentElement) {
              path.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                  + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).trim().replace(/ +/g, '.') : ''));
            }
            return path.join(' > ') + ' → ' + Math.round(worst.r) + 'px';
            """;
}
