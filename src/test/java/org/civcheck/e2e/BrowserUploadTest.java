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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civcheck.web.FilledTemplate;
import org.civcheck.web.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A coordinator's visit in a real browser ({@link Chromium}): skipped, saying why, where Chromium
 * or its driver is not installed. Reads only the pages' promised hooks.
 */
class BrowserUploadTest {

    static final String RESULTS_URL = ".*/assessments/[0-9a-f]{32}$";

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

    /** A skip said per test: a skip in {@code @BeforeAll} would leave no trace in the test reports. */
    @BeforeEach
    void needsChromium() {
        assumeTrue(Chromium.missing() == null, Chromium::missing);
    }

    @Test
    void uploadingTheSeedPackageShowsNotReadyWithItsThreeProblems() throws IOException {
        browser.get(app.uri("/").toString());

        browser.findElement(By.id("package"))
                .sendKeys(Path.of("examples/seed-district-office.json").toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();

        WebElement verdict = resultsPage();
        assertEquals("not-ready", verdict.getAttribute("data-verdict"));
        assertTrue(verdict.getText().contains("难以通过"), "the verdict in Chinese: " + verdict.getText());
        assertFalse(browser.findElement(By.id("score")).getText().isBlank(), "the score is shown");
        List<WebElement> gaps = browser.findElements(By.cssSelector(".gap[data-problem][data-indicator]"));
        Set<String> problems = new TreeSet<>();
        gaps.forEach(g -> problems.add(g.getAttribute("data-problem")));
        assertTrue(problems.containsAll(Set.of("mechanism", "participation", "diversity")),
                "the seed report's three problems: " + problems);
        gaps.forEach(g -> assertFalse(g.getAttribute("data-indicator").isBlank(), "each gap names its indicator"));
        assertTrue(browser.findElements(By.cssSelector(".veto")).isEmpty(), "no veto for the seed office");
        Chromium.screenshot(browser, "seed-results.png");
    }

    @Test
    void theVetoedExampleButtonShowsTheVeto() {
        browser.get(app.uri("/").toString());

        browser.findElement(By.cssSelector("form[action='/examples/vetoed-water-bureau.json'] button")).click();

        WebElement verdict = resultsPage();
        assertEquals("vetoed", verdict.getAttribute("data-verdict"));
        assertTrue(verdict.getText().contains("一票否决"), "the verdict in Chinese: " + verdict.getText());
        List<WebElement> vetoes = browser.findElements(By.cssSelector(".veto"));
        assertFalse(vetoes.isEmpty(), "the veto is shown");
        assertTrue(vetoes.stream().anyMatch(v -> v.getText().contains("违纪")),
                "the veto names the discipline case: " + vetoes.stream().map(WebElement::getText).toList());
    }

    @Test
    void theVetoedExampleWorkbookIsCheckedWithOneClick() throws IOException {
        browser.get(app.uri("/").toString());
        Chromium.screenshot(browser.findElement(By.id("examples")), "upload-examples.png");

        browser.findElement(By.cssSelector("form[action='/examples/workbooks/vetoed-water-bureau.xlsx'] button")).click();

        WebElement verdict = resultsPage();
        assertEquals("vetoed", verdict.getAttribute("data-verdict"));
        assertEquals("××市水务局", browser.findElement(By.cssSelector(".report-head h1")).getText());
    }

    @Test
    void anExampleWorkbookDownloadsFromThePageUnderItsUnitsName() throws Exception {
        Path saved = downloadFromTheUploadPage(By.cssSelector("a[href='/examples/workbooks/seed-district-office.xlsx']"),
                "example-download");

        assertEquals("示例台账-××区委办公室.xlsx", saved.getFileName().toString());
        assertEquals(-1L, Files.mismatch(saved, Path.of("examples/workbooks/seed-district-office.xlsx")),
                "the shipped example, byte for byte");
    }

    @Test
    void theBlankTemplateFromThePageFilledWithOneActivityIsCheckedThroughTheForm() throws Exception {
        Path template = downloadFromTheUploadPage(By.id("download-template"), "template-download");
        Path filled = dir.resolve("台账.xlsx");
        Files.write(filled, FilledTemplate.withOneActivity(Files.readAllBytes(template)));
        browser.get(app.uri("/").toString());
        browser.findElement(By.id("package")).sendKeys(filled.toAbsolutePath().toString());
        browser.findElement(By.id("submit")).click();

        resultsPage();
        assertEquals(FilledTemplate.UNIT_NAME, browser.findElement(By.cssSelector(".report-head h1")).getText());
        assertTrue(template.getFileName().toString().startsWith("创建台账-"), template.toString());
    }

    @Test
    void aBrokenPackageIsRefusedOnTheUploadPageWithTheFaultsPath() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode pkg = (ObjectNode) json.readTree(Path.of("examples/seed-district-office.json").toFile());
        ((ObjectNode) pkg.path("activities").get(0)).put("date", "2025-02-30");
        File broken = dir.resolve("broken.json").toFile();
        json.writeValue(broken, pkg);
        browser.get(app.uri("/").toString());

        browser.findElement(By.id("package")).sendKeys(broken.getAbsolutePath());
        browser.findElement(By.id("submit")).click();

        List<WebElement> faults = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfAllElementsLocatedBy(By.cssSelector(".fault")));
        assertTrue(faults.stream().anyMatch(f -> f.getText().contains("第1项活动的日期")),
                "the fault names its place in words: " + faults.stream().map(WebElement::getText).toList());
        assertFalse(browser.getCurrentUrl().matches(RESULTS_URL), "no result was made: " + browser.getCurrentUrl());
        assertTrue(browser.findElement(By.id("package")).isDisplayed(), "the upload form is there to try again");
    }

    @Test
    void theUnitNameStaysOnOneLineAndTheButtonsWrapOnADesktopAndANarrowWindow() throws IOException {
        browser.get(app.uri("/").toString());
        browser.findElement(By.cssSelector("form[action='/examples/seed-district-office.json'] button")).click();
        resultsPage();
        try {
            for (int width : new int[] {1280, 400}) {
                browser.manage().window().setSize(new Dimension(width, 1600));
                WebElement name = browser.findElement(By.cssSelector(".report-head h1"));
                assertEquals("××区委办公室", name.getText());
                assertEquals(1L, lines(name), "at " + width + " px the unit name reads on one line, not squeezed"
                        + " beside the buttons (" + name.getRect().getWidth() + " px wide)");
                long viewport = (Long) js().executeScript("return document.documentElement.clientWidth");
                List<WebElement> buttons = browser.findElements(By.cssSelector(".report-actions .button"));
                assertEquals(7, buttons.size(), "print, five downloads (the 台账 workbook too) and 检查新的证据包");
                for (WebElement button : buttons) {
                    Rectangle r = button.getRect();
                    assertTrue(button.isDisplayed() && r.getX() >= 0 && r.getX() + r.getWidth() <= viewport,
                            "at " + width + " px 「" + button.getText() + "」 is within the window: " + r.getX()
                                    + ".." + (r.getX() + r.getWidth()) + " of " + viewport);
                    assertEquals(1L, lines(button), "at " + width + " px 「" + button.getText() + "」 reads on one line");
                }
                assertTrue((Long) js().executeScript("return document.documentElement.scrollWidth") <= viewport,
                        "at " + width + " px the page does not scroll sideways");
                Chromium.screenshot(browser, "seed-results-" + width + ".png");
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1600));
        }
    }

    /** Clicks {@code link} on the upload page and waits for the file it downloads into the test's {@code folder}. */
    private static Path downloadFromTheUploadPage(By link, String folder) throws Exception {
        Path downloads = dir.resolve(folder);
        Chromium.downloadInto(browser, downloads);
        browser.get(app.uri("/").toString());
        browser.findElement(link).click();
        return Chromium.downloaded(downloads, Duration.ofSeconds(60));
    }

    /** How many lines the element's text takes on the screen. */
    private static long lines(WebElement element) {
        return (Long) js().executeScript("var r = document.createRange(); r.selectNodeContents(arguments[0]);"
                + " return new Set(Array.from(r.getClientRects(), function (b) { return Math.round(b.top); })).size;",
                element);
    }

    private static JavascriptExecutor js() {
        return (JavascriptExecutor) browser;
    }

    /** Waits for the redirect to a stored result and for its verdict; returns the verdict. */
    private static WebElement resultsPage() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.urlMatches(RESULTS_URL));
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
    }
}
