package org.civcheck.web;

import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.bytes;
import static org.civcheck.web.Http.contentType;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.exampleTree;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.refusedEarly;
import static org.civcheck.web.Http.sha256;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON API as a client uses it: upload, list, read, download, delete, and every refusal. */
class AssessmentApiTest {

    private static final String SEED = "seed-district-office.json";

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

    // --- uploading -----------------------------------------------------------------------------------

    @Test
    void postingJsonStoresTheAssessmentAndAnswers201WithItsLocation() {
        byte[] pkg = example(SEED);
        HttpResponse<byte[]> created = http.post("/api/assessments", "application/json", pkg);

        assertEquals(201, created.statusCode(), text(created));
        assertTrue(contentType(created).startsWith("application/json"), contentType(created));
        JsonNode doc = json(created);
        String id = doc.path("id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"), "a 128-bit hex id, was " + id);
        assertEquals("/api/assessments/" + id, created.headers().firstValue("Location").orElse(""));
        assertTrue(Duration.between(OffsetDateTime.parse(doc.path("createdAt").asText()), OffsetDateTime.now())
                .abs().toMinutes() < 5, "createdAt is now: " + doc.path("createdAt"));
        assertEquals(sha256(pkg), doc.path("package").path("sha256").asText());
        assertEquals(pkg.length, doc.path("package").path("size").asLong());
        assertEquals("application/json", doc.path("package").path("mediaType").asText());
        assertEquals("/api/assessments/" + id + "/package", doc.path("package").path("href").asText());
        assertEquals("qw-office", doc.path("unit").path("id").asText());
        assertEquals("××区委办公室", doc.path("unit").path("name").asText());
        assertEquals("not-ready", doc.path("verdict").asText());
        assertContractFields(doc);
    }

    @Test
    void theStoredDocumentReadsBackUnchangedFromItsLocation() {
        HttpResponse<byte[]> created = http.post("/api/assessments", "application/json", example(SEED));
        assertEquals(201, created.statusCode(), text(created));

        HttpResponse<byte[]> read = http.get(created.headers().firstValue("Location").orElseThrow());

        assertEquals(200, read.statusCode(), text(read));
        assertEquals(json(created), json(read));
    }

    @Test
    void postingTheZipStoresAReadyResultAndItsExactBytes() {
        byte[] zip = example("well-run-library.zip");
        HttpResponse<byte[]> created = http.post("/api/assessments", "application/zip", zip);

        assertEquals(201, created.statusCode(), text(created));
        JsonNode doc = json(created);
        assertEquals("ready", doc.path("verdict").asText());
        assertEquals("application/zip", doc.path("package").path("mediaType").asText());
        assertEquals(sha256(zip), doc.path("package").path("sha256").asText());
        assertContractFields(doc);

        HttpResponse<byte[]> download = http.get(doc.path("package").path("href").asText());
        assertEquals(200, download.statusCode());
        assertEquals("application/zip", contentType(download));
        assertArrayEquals(zip, download.body(), "the package comes back byte for byte");
        assertEquals(sha256(zip), sha256(download.body()));
        assertEquals(sha256(zip), download.headers().firstValue("X-Content-SHA256").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains(".zip"),
                "downloads as a .zip file");
    }

    /**
     * The example zip as a streaming writer (Python's zipfile on a pipe, Go's archive/zip) writes it:
     * STORED entries with data descriptors. Accepted, with the result of the ordinary zip.
     */
    @Test
    void aZipOfStoredEntriesWithDataDescriptorsScoresLikeTheOrdinaryZip() {
        byte[] zip = example("well-run-library.zip");
        byte[] streamed = org.civcheck.evidence.StreamedZips.repack(zip);

        HttpResponse<byte[]> ordinary = http.post("/api/assessments?dryRun=true", "application/zip", zip);
        HttpResponse<byte[]> created = http.post("/api/assessments", "application/zip", streamed);

        assertEquals(200, ordinary.statusCode(), text(ordinary));
        assertEquals(201, created.statusCode(), text(created));
        ObjectNode result = (ObjectNode) json(created);
        assertEquals(sha256(streamed), result.path("package").path("sha256").asText());
        assertEquals("application/zip", result.path("package").path("mediaType").asText());
        result.remove(List.of("id", "createdAt", "package", "page"));
        assertEquals(json(ordinary), result);
    }

    @Test
    void theDownloadedJsonPackageIsTheUploadedBytesNotAReformattedCopy() {
        byte[] pkg = example(SEED);
        JsonNode doc = json(http.post("/api/assessments", "application/json", pkg));

        HttpResponse<byte[]> download = http.get("/api/assessments/" + doc.path("id").asText() + "/package");

        assertEquals(200, download.statusCode());
        assertTrue(contentType(download).startsWith("application/json"), contentType(download));
        assertEquals(sha256(pkg), sha256(download.body()));
    }

    @Test
    void aFormUploadReadsThePackageField() {
        byte[] pkg = example(SEED);
        HttpResponse<byte[]> created = http.postForm("/api/assessments", "package", "区委办2025.json", pkg);

        assertEquals(201, created.statusCode(), text(created));
        JsonNode doc = json(created);
        assertEquals("not-ready", doc.path("verdict").asText());
        assertEquals("区委办2025.json", doc.path("package").path("name").asText());
        assertEquals(sha256(pkg), doc.path("package").path("sha256").asText());
        assertContractFields(doc);
    }

    @Test
    void aFormUploadWithoutThePackageFieldIsRefusedWith400() {
        long before = total(null);

        HttpResponse<byte[]> response = http.postForm("/api/assessments", "file", "x.json", example(SEED));

        JsonNode problem = assertProblem(400, response);
        assertTrue(problem.path("detail").asText().contains("package"), problem.toString());
        assertEquals(before, total(null), "nothing stored");
    }

    @Test
    void aMalformedFormBodyIsRefusedWith400() {
        long before = total(null);

        HttpResponse<byte[]> response = http.post("/api/assessments",
                "multipart/form-data; boundary=" + Http.BOUNDARY, "这不是一个表单".getBytes());

        assertProblem(400, response);
        assertEquals(before, total(null), "nothing stored");
    }

    @Test
    void aLongFileNameInAFormUploadIsStillStored() {
        String name = "x".repeat(300) + ".json";

        HttpResponse<byte[]> created = http.postForm("/api/assessments", "package", name, example(SEED));

        assertEquals(201, created.statusCode(), text(created));
    }

    @Test
    void aLongUnitNameIsStoredOrRefusedAsAPackageFaultNeverADatabaseOutage() {
        ObjectNode pkg = uniqueUnit(exampleTree(SEED));
        ((ObjectNode) pkg.get("unit")).put("name", "××区委办公室".repeat(80));

        HttpResponse<byte[]> response = http.post("/api/assessments", "application/json", bytes(pkg));

        if (response.statusCode() == 422) {
            assertTrue(text(response).contains("$.unit.name"), text(response));
        } else {
            assertEquals(201, response.statusCode(), text(response));
            assertEquals(pkg.path("unit").path("name").asText(), json(response).path("unit").path("name").asText());
        }
    }

    @Test
    void aDryRunScoresThePackageAndStoresNothing() {
        long before = total(null);

        HttpResponse<byte[]> response = http.post("/api/assessments?dryRun=true", "application/json", example(SEED));

        assertEquals(200, response.statusCode(), text(response));
        JsonNode result = json(response);
        assertEquals("not-ready", result.path("verdict").asText());
        assertContractFields(result);
        assertFalse(result.has("id"), "a dry run has no id");
        assertTrue(response.headers().firstValue("Location").isEmpty(), "a dry run has no location");
        assertEquals(before, total(null), "nothing stored");
    }

    @Test
    void aDryRunOfABrokenPackageIsStillRefusedWith422() {
        HttpResponse<byte[]> response = http.post("/api/assessments?dryRun=true", "application/json",
                bytes(withFirstActivityDate(exampleTree(SEED), "2025-02-30")));

        assertProblem(422, response);
    }

    // --- refusals ------------------------------------------------------------------------------------

    @Test
    void anImpossibleDateIsRefusedWith422NamingItsJsonPathAndNothingIsStored() {
        long before = total(null);

        HttpResponse<byte[]> response = http.post("/api/assessments", "application/json",
                bytes(withFirstActivityDate(exampleTree(SEED), "2025-02-30")));

        JsonNode problem = assertProblem(422, response);
        assertEquals("证据包不符合格式要求", problem.path("title").asText());
        List<String> paths = new ArrayList<>();
        problem.path("errors").forEach(e -> paths.add(e.path("path").asText()));
        assertTrue(paths.contains("$.activities[0].date"), paths.toString());
        problem.path("errors").forEach(e -> assertFalse(e.path("message").asText().isBlank(), e.toString()));
        assertEquals(before, total(null), "nothing stored");
    }

    @Test
    void aFormUploadOfABrokenPackageIsRefusedWith422AndNothingIsStored() {
        long before = total(null);

        HttpResponse<byte[]> response = http.postForm("/api/assessments", "package", "broken.json",
                bytes(withFirstActivityDate(exampleTree(SEED), "2025-02-30")));

        JsonNode problem = assertProblem(422, response);
        assertTrue(problem.toString().contains("$.activities[0].date"), problem.toString());
        assertEquals(before, total(null), "nothing stored");
    }

    @Test
    void textThatIsNotJsonIsRefusedWith422() {
        HttpResponse<byte[]> response = http.post("/api/assessments", "application/json", "{\"unit\": ".getBytes());

        JsonNode problem = assertProblem(422, response);
        assertFalse(problem.path("errors").isEmpty(), problem.toString());
    }

    @Test
    void plainTextIsRefusedWith415() {
        long before = total(null);

        HttpResponse<byte[]> response = refusedEarly(() -> http.post("/api/assessments", "text/plain", example(SEED)));

        JsonNode problem = assertProblem(415, response);
        assertTrue(problem.path("detail").asText().contains("text/plain"), problem.toString());
        assertEquals(before, total(null), "nothing stored");
    }

    /**
     * Refused for its type, the body goes unread; the service must still answer, not drop the
     * connection with the body unread (the kernel then resets it, and the 415 is lost).
     */
    @Test
    void everyUploadOfAnUnsupportedTypeGetsItsAnswerNotAResetConnection() {
        int answered = 0;
        List<String> resets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            try {
                assertEquals(415, new Http(app).post("/api/assessments", "text/plain", example(SEED)).statusCode());
                answered++;
            } catch (UncheckedIOException e) {
                resets.add(e.getCause().getMessage());
            }
        }

        assertEquals(List.of(), resets, answered + " of 100 answered 415");
    }

    @Test
    void aRequestWithoutContentTypeIsRefusedWith415() {
        HttpResponse<byte[]> response = refusedEarly(() -> http.post("/api/assessments", "", example(SEED)));

        assertProblem(415, response);
    }

    // --- listing -------------------------------------------------------------------------------------

    @Test
    void aUnitsAssessmentsAreListedNewestFirstInPages() {
        ObjectNode pkg = uniqueUnit(exampleTree("well-run-library.json"));
        String unit = pkg.path("unit").path("id").asText();
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posted.add(json(http.post("/api/assessments", "application/json", bytes(pkg))).path("id").asText());
        }
        http.post("/api/assessments", "application/json", example(SEED)); // another unit, not listed

        JsonNode first = json(http.get("/api/assessments?unit=" + unit + "&page=1&size=2"));
        JsonNode second = json(http.get("/api/assessments?unit=" + unit + "&page=2&size=2"));

        assertEquals(3, first.path("total").asLong());
        assertEquals(1, first.path("page").asInt());
        assertEquals(2, first.path("size").asInt());
        assertEquals(List.of(posted.get(2), posted.get(1)), ids(first));
        assertEquals(List.of(posted.get(0)), ids(second));
        assertEquals(3, second.path("total").asLong());
        JsonNode newest = first.path("items").get(0);
        assertEquals(unit, newest.path("unitId").asText());
        assertEquals("ready", newest.path("verdict").asText());
        assertEquals("××市图书馆", newest.path("unitName").asText());
    }

    @Test
    void aPagePastTheEndIsEmptyButKeepsTheTotal() {
        ObjectNode pkg = uniqueUnit(exampleTree("well-run-library.json"));
        String unit = pkg.path("unit").path("id").asText();
        http.post("/api/assessments", "application/json", bytes(pkg));

        HttpResponse<byte[]> response = http.get("/api/assessments?unit=" + unit + "&page=5&size=10");

        assertEquals(200, response.statusCode());
        assertEquals(0, json(response).path("items").size());
        assertEquals(1, json(response).path("total").asLong());
    }

    @Test
    void anUnknownUnitHasAnEmptyList() {
        JsonNode list = json(http.get("/api/assessments?unit=no-such-unit"));

        assertEquals(0, list.path("total").asLong());
        assertEquals(0, list.path("items").size());
    }

    @Test
    void withoutAUnitTheListShowsEveryUnitTwentyToAPage() {
        http.post("/api/assessments", "application/json", example(SEED));

        JsonNode list = json(http.get("/api/assessments"));

        assertEquals(1, list.path("page").asInt());
        assertEquals(20, list.path("size").asInt());
        assertTrue(list.path("total").asLong() >= 1, list.toString());
        assertTrue(list.path("items").size() >= 1 && list.path("items").size() <= 20, list.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=-1", "page=abc", "size=0", "size=101", "size=ten", "page=1.5"})
    void badPagingParametersAreRefusedWith400(String query) {
        JsonNode problem = assertProblem(400, http.get("/api/assessments?" + query));

        assertEquals("参数有误", problem.path("title").asText());
        assertTrue(problem.path("detail").asText().contains(query.substring(0, query.indexOf('='))),
                problem.toString());
    }

    // --- deleting and unknown ids --------------------------------------------------------------------

    @Test
    void deletingAnAssessmentAnswers204AndItIsGoneWithItsPackage() {
        ObjectNode pkg = uniqueUnit(exampleTree(SEED));
        String id = json(http.post("/api/assessments", "application/json", bytes(pkg))).path("id").asText();

        HttpResponse<byte[]> deleted = http.delete("/api/assessments/" + id);

        assertEquals(204, deleted.statusCode(), text(deleted));
        assertEquals(0, deleted.body().length);
        assertProblem(404, http.get("/api/assessments/" + id));
        assertProblem(404, http.get("/api/assessments/" + id + "/package"));
        assertProblem(404, http.delete("/api/assessments/" + id));
        assertEquals(0, total(pkg.path("unit").path("id").asText()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/assessments/0123456789abcdef0123456789abcdef",
        "/api/assessments/0123456789abcdef0123456789abcdef/package", "/api/assessments/' OR '1'='1"})
    void anUnknownIdIsA404Problem(String path) {
        JsonNode problem = assertProblem(404, http.get(path.replace(" ", "%20").replace("'", "%27")));

        assertEquals("找不到该评估记录", problem.path("title").asText());
    }

    @Test
    void deletingAnUnknownIdIsA404Problem() {
        assertProblem(404, http.delete("/api/assessments/0123456789abcdef0123456789abcdef"));
    }

    @Test
    void anUnknownApiPathIsA404ProblemEvenForABrowser() {
        assertProblem(404, http.get("/api/nothing-here", "text/html,application/xhtml+xml"));
    }

    // --- criteria and health -------------------------------------------------------------------------

    @Test
    void theCriteriaServedAreNamedWithVersionAndHash() {
        HttpResponse<byte[]> response = http.get("/api/criteria");

        assertEquals(200, response.statusCode());
        JsonNode set = json(response).path("sets").get(0);
        assertEquals("provincial", set.path("id").asText());
        assertFalse(set.path("version").asText().isBlank(), set.toString());
        assertTrue(set.path("sha256").asText().matches("[0-9a-f]{64}"), set.toString());
        assertEquals(100.0, set.path("maxScore").asDouble());
    }

    @Test
    void everyResultNamesTheCriteriaTheCriteriaEndpointServes() {
        JsonNode set = json(http.get("/api/criteria")).path("sets").get(0);

        JsonNode result = json(http.post("/api/assessments?dryRun=true", "application/json", example(SEED)));

        assertEquals(set.path("id").asText(), result.path("criteria").path("id").asText());
        assertEquals(set.path("version").asText(), result.path("criteria").path("version").asText());
        assertEquals(set.path("sha256").asText(), result.path("criteria").path("sha256").asText());
    }

    @Test
    void healthReportsTheDatabaseAndCriteria() {
        HttpResponse<byte[]> response = http.get("/health");

        assertEquals(200, response.statusCode());
        JsonNode health = json(response);
        assertEquals("ok", health.path("status").asText());
        assertEquals("ok", health.path("database").asText());
        assertTrue(health.path("criteria").asText().startsWith("provincial "), health.toString());
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** The fields shared/spec/assessment-result.md requires of every result. */
    static void assertContractFields(JsonNode result) {
        for (String field : List.of("unit", "criteria", "score", "maxScore", "passScore", "verdict", "categories",
                "indicators", "vetoes", "gaps", "warnings")) {
            assertTrue(result.has(field), "the result has " + field + ": " + result.fieldNames());
        }
        assertFalse(result.path("unit").path("id").asText().isBlank());
        assertFalse(result.path("criteria").path("version").asText().isBlank());
        assertTrue(result.path("criteria").path("sha256").asText().matches("[0-9a-f]{64}"));
        assertTrue(Set.of("ready", "at-risk", "not-ready", "vetoed").contains(result.path("verdict").asText()));
        double categorySum = 0;
        for (JsonNode c : result.path("categories")) {
            categorySum += Math.min(c.path("score").asDouble(), c.path("max").asDouble());
        }
        assertEquals(categorySum, result.path("score").asDouble(), 1e-9, "score is the sum of the categories");
        double previous = Double.MAX_VALUE;
        for (JsonNode gap : result.path("gaps")) {
            for (String field : List.of("indicator", "problem", "pointsAtStake", "message", "remedy", "evidence")) {
                assertTrue(gap.has(field), "a gap has " + field + ": " + gap);
            }
            assertTrue(gap.path("pointsAtStake").asDouble() <= previous, "gaps largest first");
            previous = gap.path("pointsAtStake").asDouble();
        }
        for (JsonNode indicator : result.path("indicators")) {
            assertTrue(Set.of("met", "partial", "unmet", "not-applicable").contains(indicator.path("status").asText()),
                    indicator.toString());
        }
    }

    /** The package with a unit id no other test uses, so its history is this test's alone. */
    static ObjectNode uniqueUnit(ObjectNode pkg) {
        ((ObjectNode) pkg.get("unit")).put("id", "t-" + UUID.randomUUID());
        return pkg;
    }

    static ObjectNode withFirstActivityDate(ObjectNode pkg, String date) {
        ((ObjectNode) pkg.path("activities").get(0)).put("date", date);
        return pkg;
    }

    /** How many assessments are stored, asked on a new connection (a refusal may close the old one). */
    long total(String unit) {
        HttpResponse<byte[]> response = new Http(app).get("/api/assessments" + (unit == null ? "" : "?unit=" + unit));
        assertEquals(200, response.statusCode(), text(response));
        return json(response).path("total").asLong();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }
}
