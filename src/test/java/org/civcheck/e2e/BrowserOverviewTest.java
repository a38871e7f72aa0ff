package org.civcheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civcheck.register.RegisterFile;
import org.civcheck.store.UnitRegister;
import org.civcheck.web.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The overview in Chromium at 360 and 1280 px, with four example units checked in two cities and
 * one unit never checked: it fits the screen, reads as Chinese, and a bar of the chart and a
 * common gap each list their units.
 */
public class BrowserOverviewTest {

    static final String REGISTER = """
            单位编号,单位名称,文明单位级别,省,市,区县
            qw-office,玄武区委办公室,市级,江苏省,南京市,玄武区
            hz-tax-branch,秦淮税务分局,市级,江苏省,南京市,秦淮区
            kf-water-bureau,苏州水务局,省级,江苏省,苏州市,姑苏区
            sz-library,苏州图书馆,省级,江苏省,苏州市,
            nj-never,南京某中学,县级,江苏省,南京市,鼓楼区
            """;
    private static final Pattern LATIN = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]");

    @TempDir
    static Path dir;

    static TestApp app;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        if (Chromium.missing() != null) {
            return;
        }
        app = TestApp.start(Files.createDirectories(dir.resolve("db")));
        HttpClient client = HttpClient.newHttpClient();
        for (String example : List.of("seed-district-office.json", "rushed-before-inspection.json",
                "vetoed-water-bureau.json", "well-run-library.json")) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(app.uri("/api/assessments"))
                    .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(TestApp.EXAMPLES.resolve(example))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, r.statusCode(), r.body());
        }
        new UnitRegister(app.database().dataSource()).importRegister(
                RegisterFile.read("名册.csv", REGISTER.getBytes(StandardCharsets.UTF_8)).register());
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
    void theOverviewFitsBothScreensReadsAsChineseAndItsChartAndGapsListTheirUnits() throws IOException {
        List<String> problems = new ArrayList<>();
        for (int width : new int[] {360, 1280}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                    "deviceScaleFactor", 1, "mobile", width < 600));
            browser.get(app.uri("/overview").toString());
            assertEquals(5, browser.findElements(By.cssSelector("tr.unit-row")).size());
            long scroll = ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
            long inner = ((Number) browser.executeScript("return document.documentElement.clientWidth;")).longValue();
            if (scroll > inner) {
                problems.add(width + "px：页面宽 " + scroll + "px，超出屏幕 " + inner + "px");
            }
            String text = (String) browser.executeScript("return document.body.innerText;");
            Set<String> latin = new TreeSet<>();
            Matcher m = LATIN.matcher(text);
            while (m.find()) {
                if (!BrowserPagesTest.ALLOWED.contains(m.group())) {
                    latin.add(m.group());
                }
            }
            if (!latin.isEmpty()) {
                problems.add(width + "px：英文或代码 " + latin);
            }
            Chromium.screenshot(browser, "overview-" + width + ".png");

            browser.findElement(By.cssSelector("li.bar-row[data-verdict='unchecked'] a")).click();
            assertEquals(List.of("南京某中学"), names(), "the bar of units never checked");

            browser.get(app.uri("/overview").toString());
            browser.findElement(By.cssSelector("table.gap-indicators tbody tr a")).click();
            long units = Long.parseLong(browser.findElement(By.cssSelector("table.gap-indicators tbody tr td.num")).getText());
            assertTrue(browser.findElement(By.id("gap-filter")).getText().startsWith("只列出"));
            assertEquals(units, names().size(), "the gap's units are listed");
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static List<String> names() {
        return browser.findElements(By.cssSelector("tr.unit-row th")).stream().map(e -> e.getText().strip()).toList();
    }
}
