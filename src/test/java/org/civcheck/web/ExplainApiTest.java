package org.civcheck.web;

import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civcheck.store.AssessmentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules' explanation through the API: always stored with a result, sent only on
 * {@code ?explain=true}, and folded under every indicator on the results page.
 */
class ExplainApiTest {

    private static final String SEED = "seed-district-office.json";
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TempDir
    static Path dir;

    static TestApp app;
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

    private JsonNode created(String query) {
        HttpResponse<byte[]> created = http.post("/api/assessments" + query, "application/json", example(SEED));
        assertEquals(201, created.statusCode(), text(created));
        return json(created);
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path(field).asText()));
        return ids;
    }

    /** Asserts a full explanation of {@code doc}: a trace for every indicator, a what-if for every gap. */
    private static void assertExplains(JsonNode doc) {
        JsonNode explain = doc.path("explain");
        assertTrue(explain.isObject(), "an explanation: " + doc);
        List<String> indicators = ids(doc.path("indicators"), "id");
        assertEquals(TestApp.assessor().criteria().indicators().size(), indicators.size(), "every indicator scored");
        assertEquals(indicators, ids(explain.path("indicators"), "indicator"), "every indicator traced, in order");
        for (JsonNode t : explain.path("indicators")) {
            assertFalse(t.path("check").asText().isEmpty(), t.toString());
            assertTrue(t.path("params").isObject(), t.toString());
            if (!"not-applicable".equals(t.path("status").asText())) {
                assertTrue(t.path("measures").size() > 0, "a measured indicator names its measures: " + t);
            }
        }
        assertEquals(ids(doc.path("gaps"), "indicator"), ids(explain.path("whatIf"), "indicator"));
        assertTrue(explain.path("rulesFired").size() > 0);
    }

    @Test
    void aStoredResultIsSentWithoutItsExplanationUnlessAskedAndWithACompleteOneWhenAsked() {
        JsonNode doc = created("");
        assertFalse(doc.has("explain"), "not asked: " + doc.fieldNames());
        String location = "/api/assessments/" + doc.path("id").asText();

        HttpResponse<byte[]> plain = http.get(location);
        assertEquals(200, plain.statusCode(), text(plain));
        assertFalse(json(plain).has("explain"));
        assertEquals(doc, json(plain));

        HttpResponse<byte[]> explained = http.get(location + "?explain=true");
        assertEquals(200, explained.statusCode(), text(explained));
        JsonNode full = json(explained);
        assertExplains(full);
        full = full.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) full).remove("explain");
        assertEquals(doc, full, "the same document, with its explanation added");
    }

    @Test
    void theStoredResultAlwaysKeepsItsExplanation() {
        JsonNode doc = created("");

        String stored = new AssessmentStore(app.database().dataSource()).find(doc.path("id").asText()).orElseThrow()
                .resultJson();

        assertTrue(stored.contains("\"explain\""), "stored with its explanation");
        assertTrue(stored.contains("\"whatIf\""));
    }

    @Test
    void postingWithExplainAnswersWithTheExplanation() {
        JsonNode doc = created("?explain=true");

        assertExplains(doc);
        assertEquals("not-ready", doc.path("verdict").asText());
        JsonNode plan = null;
        for (JsonNode w : doc.path("explain").path("whatIf")) {
            if (w.path("indicator").asText().equals("annual-plan")) {
                plan = w;
            }
        }
        assertEquals("补齐这一项可挽回3分，得分62，结论仍为“难以通过”", plan.path("sentence").asText());
    }

    @Test
    void aDryRunSendsTheExplanationOnlyWhenAsked() {
        HttpResponse<byte[]> plain = http.post("/api/assessments?dryRun=true", "application/json", example(SEED));
        HttpResponse<byte[]> explained = http.post("/api/assessments?dryRun=true&explain=true", "application/json",
                example(SEED));

        assertEquals(200, plain.statusCode(), text(plain));
        assertFalse(json(plain).has("explain"));
        assertEquals(200, explained.statusCode(), text(explained));
        assertExplains(json(explained));
    }

    @Test
    void aRescoreSendsTheExplanationOnlyWhenAskedAndStoresItEitherWay() {
        String id = created("").path("id").asText();

        HttpResponse<byte[]> plain = http.post("/api/assessments/" + id + "/rescore", "", new byte[0]);
        HttpResponse<byte[]> explained = http.post("/api/assessments/" + id + "/rescore?explain=true", "", new byte[0]);

        assertEquals(201, plain.statusCode(), text(plain));
        assertFalse(json(plain).has("explain"));
        assertExplains(json(http.get("/api/assessments/" + json(plain).path("id").asText() + "?explain=true")));
        assertEquals(201, explained.statusCode(), text(explained));
        assertExplains(json(explained));
    }

    @Test
    void theResultsPageSaysWhatEachGapWouldChangeAndFoldsWhatDecidedEveryIndicator() {
        String id = created("").path("id").asText();

        HttpResponse<byte[]> page = http.get("/assessments/" + id, BROWSER);

        assertEquals(200, page.statusCode());
        String html = text(page);
        assertEquals(TestApp.assessor().criteria().indicators().size(), html.split("<details class=\"trace\" data-indicator=", -1).length - 1, "a fold per indicator");
        assertTrue(html.contains("<details class=\"trace\" data-indicator=\"annual-plan\">"));
        assertTrue(html.contains("<p class=\"whatif\" data-verdict-if-closed=\"not-ready\">"
                + "补齐这一项可挽回3分，得分62，结论仍为“难以通过”</p>"), html);
        assertTrue(html.contains("<div data-param=\"deadline\"><dt>印发期限</dt><dd>3月31日前</dd></div>"));
        assertTrue(html.contains("<div data-param=\"types\"><dt>活动类型</dt><dd>创建活动（19类）<small class=\"threshold-detail\">"
                + "核心价值观宣传教育、学习道德模范、"), "a class of types by its name, every type beneath");
    }
}
