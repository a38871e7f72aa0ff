package org.civcheck.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser of the end-to-end tests: Debian's headless Chromium driven through Debian's
 * chromedriver (named explicitly, so Selenium Manager never downloads a driver or a browser).
 */
final class Chromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/e2e");

    private Chromium() {}

    /** Why the browser tests cannot run here, or null when they can. */
    static String missing() {
        for (Path binary : List.of(BINARY, DRIVER)) {
            if (!Files.isExecutable(binary)) {
                return binary + " is not installed, so the browser tests are skipped"
                        + " (apt-get install chromium chromium-driver; .ci/run installs both)";
            }
        }
        return null;
    }

    /** A new headless browser, its profile in {@code profile}; the caller quits it. */
    static ChromeDriver start(Path profile) throws IOException {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1600", "--lang=zh-CN",
                "--user-data-dir=" + Files.createDirectories(profile));
        return new ChromeDriver(service, options);
    }

    /** From now on {@code browser} saves downloads into {@code dir}, without asking. */
    static void downloadInto(ChromeDriver browser, Path dir) throws IOException {
        browser.executeCdpCommand("Browser.setDownloadBehavior", java.util.Map.of("behavior", "allow",
                "downloadPath", Files.createDirectories(dir).toAbsolutePath().toString()));
    }

    /**
     * The one file downloaded into {@code dir} once it is complete (Chromium writes a
     * {@code .crdownload} file first), waiting up to a generous {@code timeout} on a busy machine.
     */
    static Path downloaded(Path dir, java.time.Duration timeout) throws IOException, InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            try (var files = Files.list(dir)) {
                List<Path> all = files.toList();
                if (all.size() == 1 && !all.get(0).toString().endsWith(".crdownload") && Files.size(all.get(0)) > 0) {
                    return all.get(0);
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nothing was downloaded into " + dir + " within " + timeout);
    }

    /** Saves what {@code element} shows now, all of it, as {@code target/e2e/<name>}. */
    static void screenshot(org.openqa.selenium.WebElement element, String name) throws IOException {
        Path shot = element.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOTS.resolve(name)) > 0, "the screenshot " + name + " is not empty");
    }

    /** Saves what {@code browser} shows now as {@code target/e2e/<name>}. */
    static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(SCREENSHOTS.resolve(name)) > 0, "the screenshot " + name + " is not empty");
    }
}
