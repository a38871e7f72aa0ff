package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as {@code serve} runs it on the project's criteria folder offers the national set and its
 * city overlay beside the provincial one, and scores a package with it through the API and the page.
 */
class NationalSetServiceTest {

    static final String HOSPITAL = "national-2012/county-hospital.json";

    @TempDir
    static Path dir;

    static CriteriaRegistry registry;
    static Database database;
    static Javalin app;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        registry = new CriteriaRegistry(Path.of("criteria"), Path.of("rules"));
        assertTrue(registry.reload().ok(), () -> "the project's criteria load: " + registry.status().lastAttempt());
        database = Database.open("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/civcheck"));
        ReadLimits limits = ReadLimits.defaults();
        AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(limits),
                new AssessmentStore(database.dataSource()));
        app = WebApp.create(service, new Examples(TestApp.EXAMPLES), limits.maxPackageBytes()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        registry.close();
        app.stop();
        database.close();
    }

    @Test
    void theCriteriaListOffersTheNationalSetAndItsCityOverlayWithTheProvincialFirst() throws IOException {
        JsonNode sets = JSON.readTree(send(HttpRequest.newBuilder(uri("/api/criteria")).GET()).body());
        List<String> ids = new ArrayList<>();
        sets.findValues("id").forEach(n -> ids.add(n.asText()));
        assertEquals("provincial", ids.get(0), sets::toString);
        assertTrue(ids.contains("national-2012") && ids.contains("national-city-example"), sets::toString);
        String home = new String(send(HttpRequest.newBuilder(uri("/")).GET()).body(), StandardCharsets.UTF_8);
        assertTrue(home.contains("全国文明单位测评体系（试行，2012年版）"), home);
    }

    @Test
    void theApiScoresTheCountyHospitalWithTheNationalSetKeepingClaimsApart() throws IOException {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri("/api/assessments?criteria=national-2012"))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofByteArray(Http.example(HOSPITAL))));
        assertEquals(201, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        JsonNode a = JSON.readTree(r.body());
        assertEquals("national-2012", a.path("criteria").path("id").asText());
        assertEquals("ready", a.path("verdict").asText());
        assertEquals(99.0, a.path("score").asDouble());
        assertEquals(81.0, a.path("claims").path("scoredByRules").asDouble(), a.path("claims")::toString);
        assertTrue(a.path("verdictReason").asText().endsWith("；其中18分（占18%）为单位自评分，有待测评组现场确认"),
                a.path("verdictReason").asText());
    }

    @Test
    void thePageScoresAnUploadWithTheCitysOverlayOfTheNationalSet() {
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri("/assessments?criteria=national-city-example"))
                .header("Content-Type", "multipart/form-data; boundary=" + Http.BOUNDARY)
                .POST(BodyPublishers.ofByteArray(Http.multipart("package", "county-hospital.json",
                        Http.example(HOSPITAL)))));
        assertEquals(303, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        String location = r.headers().firstValue("Location").orElseThrow();
        String page = new String(send(HttpRequest.newBuilder(uri(location)).GET()).body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("××市文明单位测评体系（示例，依全国文明单位测评体系）"), page);
        assertTrue(page.contains("道德讲堂有固定场所、标识和氛围"), page);
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
