package org.civcheck.web;

import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.bytes;
import static org.civcheck.web.Http.contentType;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.exampleTree;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.sha256;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pages' routes as a browser meets them: a form upload or an example redirects to the stored
 * result, a refused upload stays on the upload page with its faults, unknown things are 404 pages.
 * Only the markup hooks the pages promise are read (ids, classes, data attributes).
 */
class PageRoutesTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern RESULT_PAGE = Pattern.compile("/assessments/[0-9a-f]{32}");

    @TempDir
    static Path dir;

    static TestApp app;
    /** A client of its own for each test: no test inherits another's connections. */
    Http http;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
    }

    @BeforeEach
    void newClient() {
        http = new Http(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theUploadPageHasTheFileInputAndOneFormPerExample() {
        HttpResponse<byte[]> page = http.get("/", BROWSER);

        assertEquals(200, page.statusCode());
        assertTrue(contentType(page).startsWith("text/html"), contentType(page));
        String html = text(page);
        assertTrue(html.contains("id=\"package\""), html);
        assertTrue(html.contains("action=\"/assessments\""), html);
        for (String example : new String[] {"seed-district-office.json", "well-run-library.zip",
            "vetoed-water-bureau.json"}) {
            assertTrue(html.contains("action=\"/examples/" + example + "\""), example + " offered: " + html);
        }
    }

    @Test
    void aFormUploadRedirectsToItsResultsPage() {
        HttpResponse<byte[]> upload = http.postForm("/assessments", "package", "seed.json",
                example("seed-district-office.json"));

        assertEquals(303, upload.statusCode(), text(upload));
        String location = upload.headers().firstValue("Location").orElse("");
        assertTrue(RESULT_PAGE.matcher(location).matches(), location);
        HttpResponse<byte[]> page = http.get(location, BROWSER);
        assertEquals(200, page.statusCode());
        assertTrue(text(page).contains("data-verdict=\"not-ready\""), text(page));
    }

    @Test
    void theResultsPageOffersThePackageExactlyAsUploaded() {
        byte[] pkg = example("seed-district-office.json");
        String location = http.postForm("/assessments", "package", "seed.json", pkg)
                .headers().firstValue("Location").orElseThrow();

        HttpResponse<byte[]> download = http.get(location + "/package", BROWSER);

        assertEquals(200, download.statusCode());
        assertEquals(sha256(pkg), sha256(download.body()));
    }

    @Test
    void anExampleButtonChecksThatExampleAndShowsItsVerdict() {
        HttpResponse<byte[]> check = http.post("/examples/vetoed-water-bureau.json", "application/x-www-form-urlencoded",
                new byte[0]);

        assertEquals(303, check.statusCode(), text(check));
        String location = check.headers().firstValue("Location").orElse("");
        assertTrue(RESULT_PAGE.matcher(location).matches(), location);
        String html = text(http.get(location, BROWSER));
        assertTrue(html.contains("data-verdict=\"vetoed\""), html);
        assertTrue(html.contains("veto"), html);
    }

    @Test
    void aRefusedUploadStaysOnTheUploadPageWithItsFaultsAndStoresNothing() {
        long before = json(http.get("/api/assessments")).path("total").asLong();
        ObjectNode broken = exampleTree("seed-district-office.json");
        ((ObjectNode) broken.path("activities").get(0)).put("date", "2025-02-30");

        HttpResponse<byte[]> page = http.postForm("/assessments", "package", "broken.json", bytes(broken));

        assertEquals(422, page.statusCode());
        assertTrue(contentType(page).startsWith("text/html"), contentType(page));
        String html = text(page);
        assertTrue(html.contains("class=\"fault\""), html);
        assertTrue(html.contains("$.activities[0].date"), html);
        assertTrue(html.contains("id=\"package\""), "the upload form is there to try again: " + html);
        assertEquals(before, json(http.get("/api/assessments")).path("total").asLong(), "nothing stored");
    }

    @Test
    void anExampleOutsideTheExamplesFolderIsNotFound() {
        for (String name : new String[] {"..%2Fpom.xml", "generate_examples.py", "no-such.json"}) {
            HttpResponse<byte[]> response = http.post("/examples/" + name, "application/x-www-form-urlencoded",
                    new byte[0]);
            assertProblem(404, response);
        }
    }

    @Test
    void anUnknownResultsPageIsANotFoundPageForABrowser() {
        HttpResponse<byte[]> page = http.get("/assessments/0123456789abcdef0123456789abcdef", BROWSER);

        assertEquals(404, page.statusCode());
        assertTrue(contentType(page).startsWith("text/html"), contentType(page));
        assertTrue(text(page).contains("找不到"), text(page));
        assertFalse(text(page).contains("Exception"), text(page));
    }

    @Test
    void anUnknownAddressIsAChineseNotFoundPageForABrowser() {
        HttpResponse<byte[]> page = http.get("/no-such-page", BROWSER);

        assertEquals(404, page.statusCode());
        assertTrue(contentType(page).startsWith("text/html"), contentType(page));
        assertTrue(text(page).contains("找不到"), text(page));
        assertFalse(text(page).contains("Endpoint GET"), "no framework message: " + text(page));
    }

    @Test
    void theStylesheetIsServed() {
        HttpResponse<byte[]> css = http.get("/static/civcheck.css");

        assertEquals(200, css.statusCode());
        assertTrue(contentType(css).startsWith("text/css"), contentType(css));
    }
}
