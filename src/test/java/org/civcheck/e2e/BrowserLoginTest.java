package org.civcheck.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.civcheck.web.TestApp;
import org.civcheck.web.access.Access;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A unit's coordinator logs in and out in a real browser ({@link Chromium}) on a service with an
 * access file: the header's 退出登录 button ends the session at a login page that says 已退出登录,
 * a typed {@code /logout} asks first, a wrong token is said on the login page.
 * Skipped, saying why, where Chromium or its driver is not installed.
 */
class BrowserLoginTest {

    @TempDir
    static Path dir;

    static TestApp app;
    static WebDriver browser;
    static String token;

    @BeforeAll
    static void start() throws IOException {
        if (Chromium.missing() != null) {
            return;
        }
        AccessConfig.Added added = new AccessConfig(List.of()).add(AccessEntry.Role.UNIT, "qw-office");
        token = added.token();
        app = TestApp.startWithAccess(Files.createDirectories(dir.resolve("db")), Access.of(added.config()));
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

    /** Every test starts logged out. */
    @BeforeEach
    void loggedOutInChromium() {
        assumeTrue(Chromium.missing() == null, Chromium::missing);
        browser.get(app.uri("/login").toString());
        browser.manage().deleteAllCookies();
    }

    @Test
    void clickingLogoutInTheHeaderEndsTheSessionAtTheLoginPage() throws IOException {
        logIn();
        WebElement logout = browser.findElement(By.id("logout"));
        assertEquals("退出登录", logout.getText());
        Chromium.screenshot(browser, "signed-in-header.png");

        logout.click();

        waitFor().until(ExpectedConditions.urlToBe(app.uri("/login?out=1").toString()));
        assertEquals("已退出登录", browser.findElement(By.id("signed-out")).getText());
        assertTrue(browser.findElements(By.id("logout")).isEmpty(), "no 退出登录 on the login page");
        Chromium.screenshot(browser, "logged-out.png");
        browser.get(app.uri("/").toString());
        waitFor().until(ExpectedConditions.urlContains("/login?next="));
        assertTrue(browser.findElement(By.id("token")).isDisplayed(), "the session ended: the login page again");
    }

    @Test
    void aTypedLogoutAddressAsksFirstAndOnlyTheButtonLogsOut() throws IOException {
        logIn();

        browser.get(app.uri("/logout").toString());
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-confirm")));
        Chromium.screenshot(browser, "logout-page.png");
        browser.get(app.uri("/").toString());
        assertEquals(app.uri("/").toString(), browser.getCurrentUrl(), "opening /logout logged nobody out");
        assertTrue(browser.findElement(By.id("logout")).isDisplayed());

        browser.get(app.uri("/logout").toString());
        browser.findElement(By.id("logout-confirm")).click();
        waitFor().until(ExpectedConditions.urlToBe(app.uri("/login?out=1").toString()));
        assertEquals("已退出登录", browser.findElement(By.id("signed-out")).getText());
        browser.get(app.uri("/").toString());
        waitFor().until(ExpectedConditions.urlContains("/login?next="));
    }

    @Test
    void aWrongTokenIsSaidAndThePageContentStandsClearOfTheHeader() throws IOException {
        browser.get(app.uri("/").toString());
        waitFor().until(ExpectedConditions.urlContains("/login?next="));
        browser.findElement(By.id("token")).sendKeys("not-a-token");
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();

        WebElement alert = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertEquals("令牌无效，请检查后重新输入。", alert.getText());
        Chromium.screenshot(browser, "login-rejected.png");
        Rectangle header = browser.findElement(By.cssSelector("header.site")).getRect();
        Rectangle card = browser.findElement(By.cssSelector("main .card")).getRect();
        assertTrue(card.getY() - (header.getY() + header.getHeight()) >= 20,
                "the login card starts " + (card.getY() - header.getY() - header.getHeight())
                        + " px below the header, not against it");

        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlToBe(app.uri("/").toString()));
    }

    @Test
    void aSignedInLiaisonTriesAnotherUnitsExampleWorkbookAndSeesItsResultNotKept() throws IOException {
        logIn();

        browser.findElement(By.cssSelector("form[action='/examples/workbooks/vetoed-water-bureau.xlsx'] button")).click();

        WebElement notice = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("example-notice")));
        assertTrue(notice.getText().contains("没有保存"), notice.getText());
        assertEquals("vetoed", browser.findElement(By.id("verdict")).getAttribute("data-verdict"));
        assertEquals("××市水务局", browser.findElement(By.cssSelector(".report-head h1")).getText());
        assertTrue(browser.findElements(By.id("delete-form")).isEmpty(), "nothing stored, nothing to delete");
        Chromium.screenshot(browser, "signed-in-example.png");
    }

    /** Logs in with the unit's token from the login page the service sends a visitor to. */
    private static void logIn() {
        browser.get(app.uri("/").toString());
        waitFor().until(ExpectedConditions.urlContains("/login?next="));
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor().until(ExpectedConditions.urlToBe(app.uri("/").toString()));
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("logout")));
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }
}
