package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;
import org.civcheck.web.access.Access;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-scoring through the service as an author uses it: the API starts a run and reports its
 * progress and impact, the page shows the button and then the run in Chinese; unit tokens get
 * neither, and a malformed request says what is wrong.
 */
@Tag("slow")
class RescoreApiTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void anAuthorStartsARunThroughTheApiAndFollowsItOnThePageAndAUnitTokenCannot() throws Exception {
        AccessConfig.Added author = new AccessConfig(List.of()).add(AccessEntry.Role.AUTHOR, null);
        AccessConfig.Added unit = author.config().add(AccessEntry.Role.UNIT, RescoreTest.unit(0));
        CriteriaRegistry registry = CriteriaRegistry.of(TestApp.assessor());
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath())) {
            AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(ReadLimits.defaults()),
                    new AssessmentStore(db.dataSource()));
            RescoreTest.seed(service);
            Rescores rescores = Rescores.start(service, db.dataSource(), "api-test", Rescores.Settings.defaults());
            Javalin app = WebApp.create(service, new Examples(TestApp.EXAMPLES), ReadLimits.defaults().maxPackageBytes(),
                    Access.of(unit.config()), ServerLimits.defaults(), e -> { }, rescores).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<byte[]> refused = post(base + "/api/rescores", unit.token(), "{}");
                Http.assertProblem(403, refused);
                Http.assertProblem(400, post(base + "/api/rescores", author.token(), "{\"units\": \"rescore-u01\"}"));
                Http.assertProblem(422, post(base + "/api/rescores", author.token(), "{\"criteria\": \"no-such-set\"}"));

                HttpResponse<byte[]> started = post(base + "/api/rescores", author.token(), "");
                assertEquals(202, started.statusCode(), Http.text(started));
                String id = Http.json(started).path("id").asText();
                assertEquals("/api/rescores/" + id, started.headers().firstValue("Location").orElseThrow());
                assertEquals(RescoreTest.UNITS, Http.json(started).path("total").asInt());

                HttpResponse<byte[]> running = get(base + "/rescores/" + id, author.token());
                assertEquals(200, running.statusCode());
                assertTrue(Http.text(running).contains("rescore-bar"), "the page has its progress bar");

                long deadline = System.nanoTime() + RescoreTest.WAIT.toNanos();
                JsonNode report;
                while (!(report = Http.json(get(base + "/api/rescores/" + id, author.token()))).path("finished").asBoolean()) {
                    assertTrue(System.nanoTime() < deadline, "the run finished in time: " + report);
                    Thread.sleep(200);
                }
                assertEquals(RescoreTest.UNITS, report.path("done").asInt());
                assertEquals(0, report.path("changed").asInt(), "the same criteria give the same verdicts");
                assertTrue(report.path("summary").asText().startsWith("共重新评分 " + RescoreTest.UNITS + " 个单位"));

                String page = Http.text(get(base + "/rescores/" + id, author.token()));
                assertTrue(page.contains("所有单位的结论都没有变化") && page.contains("100%"), page);
                String list = Http.text(get(base + "/rescores", author.token()));
                assertTrue(list.contains("开始重新评分全部单位") && list.contains("/rescores/" + id), list);
                assertFalse(list.contains(">provincial<"), "the set by its name, not its id");
                Http.assertProblem(403, get(base + "/api/rescores/" + id, unit.token()));
                Http.assertProblem(404, get(base + "/api/rescores/no-such-run", author.token()));
            } finally {
                app.stop();
                rescores.close();
            }
        }
    }

    private HttpResponse<byte[]> post(String url, String token, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String url, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), BodyHandlers.ofByteArray());
    }
}
