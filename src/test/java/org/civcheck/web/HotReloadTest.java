package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service over copies of the project's criteria and rules, two sets side by side (provincial,
 * the default, and a city's copy of it): a threshold changed in YAML while it runs changes the next
 * result; a broken edit changes nothing but the status; requests during swaps each see one version;
 * a stored package can be scored again under the current criteria; the set is chosen per upload.
 */
class HotReloadTest {

    static final String LIBRARY = "well-run-library.json";
    static final String THEORY_24 = "params: { types: [theory-study], min: 24 }";
    static final String THEORY_BROKEN_YAML = "params: { types: [theory-study], min: 24";
    static final String THEORY_NO_MIN = "params: { types: [theory-study] }";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path criteria;
    static Path rules;
    static CriteriaRegistry registry;
    static Database database;
    static Javalin app;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Every rebuild the registry runs, in order; a test empties it before it edits. */
    static final BlockingQueue<CriteriaRegistry.Attempt> ATTEMPTS = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        criteria = dir.resolve("criteria");
        rules = dir.resolve("rules");
        restoreCriteriaAndRules();
        registry = new CriteriaRegistry(criteria, rules);
        assertTrue(registry.reload().ok(), () -> "the copied criteria load: " + registry.status().lastAttempt());
        registry.onReload(ATTEMPTS::add);
        database = Database.open("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db/civcheck"));
        ReadLimits limits = ReadLimits.defaults();
        AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(limits),
                new AssessmentStore(database.dataSource()));
        app = WebApp.create(service, new Examples(TestApp.EXAMPLES), limits.maxPackageBytes()).start("127.0.0.1", 0);
    }

    /** Each test starts from the project's files, serving, and not watching. */
    @AfterEach
    void restore() {
        registry.close();
        restoreCriteriaAndRules();
        assertTrue(registry.reload().ok(), () -> "the restored criteria load: " + registry.status().lastAttempt());
        ATTEMPTS.clear();
    }

    @AfterAll
    static void stop() {
        registry.close();
        app.stop();
        database.close();
    }

    // --- a threshold changed while the service runs changes the next result --------------------------

    @Test
    void aThresholdChangedInYamlChangesTheNextResultAfterAReloadCall() {
        JsonNode before = dryRun("");

        edit(provincialIndicators(), THEORY_24, "params: { types: [theory-study], min: 48 }");
        HttpResponse<byte[]> reloaded = post("/api/criteria/reload", "application/json", new byte[0]);

        assertEquals(200, reloaded.statusCode(), text(reloaded));
        assertEquals("ok", json(reloaded).path("status").asText());
        JsonNode after = dryRun("");
        assertEquals(4.0, theoryStudy(before));
        assertEquals(2.0, theoryStudy(after));
        assertEquals(before.path("score").asDouble() - 2, after.path("score").asDouble(), 1e-9);
        assertNotEquals(sha(before), sha(after));
        assertEquals(sha(after), servedSha("provincial"));
    }

    @Test
    void aThresholdChangedInYamlChangesTheNextResultThroughTheWatcher() throws Exception {
        String before = servedSha("provincial");
        registry.watch();

        edit(provincialIndicators(), THEORY_24, "params: { types: [theory-study], min: 48 }");

        awaitAttempt(a -> a.ok() && !registry.current().sha256s().get("provincial").equals(before));
        JsonNode after = dryRun("");
        assertEquals(2.0, theoryStudy(after));
        assertEquals(servedSha("provincial"), sha(after));
    }

    // --- a broken edit changes nothing but the status ------------------------------------------------

    @Test
    void aYamlSyntaxErrorChangesNothingButTheStatus() {
        assertBrokenEditChangesNothingButTheStatus(() -> edit(provincialIndicators(), THEORY_24, THEORY_BROKEN_YAML),
                "provincial/indicators.yaml:");
    }

    @Test
    void aDrlCompileErrorChangesNothingButTheStatus() {
        assertBrokenEditChangesNothingButTheStatus(() -> append(rules.resolve("count.drl"),
                "\nrule \"a rule that does not compile\"\nwhen\n    $x : NoSuchFact( )\nthen\nend\n"), "rules/count.drl:");
    }

    @Test
    void aMissingRequiredParameterChangesNothingButTheStatus() {
        int line = lineOf(provincialIndicators(), "      - id: theory-study");
        assertBrokenEditChangesNothingButTheStatus(() -> edit(provincialIndicators(), THEORY_24, THEORY_NO_MIN),
                "provincial/indicators.yaml:" + line + ": 指标“theory-study”缺少检查类型“activity-count”必需的参数 min");
    }

    @Test
    void aBrokenEditSeenByTheWatcherShowsOnTheStatusAndTheFixRecovers() throws Exception {
        String good = servedSha("provincial");
        registry.watch();

        edit(provincialIndicators(), THEORY_24, THEORY_BROKEN_YAML);

        awaitAttempt(a -> !a.ok());
        JsonNode status = json(get("/api/criteria/status"));
        assertEquals("failed", status.path("status").asText());
        assertEquals(good, servedSha("provincial"));
        assertEquals(good, sha(dryRun("")));
        edit(provincialIndicators(), THEORY_BROKEN_YAML, "params: { types: [theory-study], min: 48 }");
        awaitAttempt(CriteriaRegistry.Attempt::ok);
        assertEquals("ok", json(get("/api/criteria/status")).path("status").asText());
        assertEquals(2.0, theoryStudy(dryRun("")));
    }

    private void assertBrokenEditChangesNothingButTheStatus(Runnable brokenEdit, String problemStart) {
        JsonNode before = dryRun("");
        String served = servedSha("provincial");

        brokenEdit.run();
        HttpResponse<byte[]> reloaded = post("/api/criteria/reload", "application/json", new byte[0]);

        JsonNode problem = Http.assertProblem(422, reloaded);
        assertTrue(text(reloaded).contains(problemStart.substring(0, problemStart.indexOf(':'))), text(reloaded));
        JsonNode status = json(get("/api/criteria/status"));
        assertEquals("failed", status.path("status").asText(), status.toString());
        assertFalse(status.path("lastAttempt").path("ok").asBoolean());
        List<String> problems = new ArrayList<>();
        status.path("lastAttempt").path("problems").forEach(p -> problems.add(p.asText()));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(problemStart) && p.matches("[^:]+:\\d+: .+")),
                () -> "a problem starting " + problemStart + " in " + problems);
        assertEquals(problems.size(), problem.path("errors").size());
        assertEquals(served, servedSha("provincial"));
        JsonNode after = dryRun("");
        assertEquals(sha(before), sha(after));
        assertEquals(before.path("score").asDouble(), after.path("score").asDouble());
        String page = text(get("/"));
        assertTrue(page.contains("id=\"reload-failed\""), "the upload page shows the failed reload");
        String where = problems.get(0).substring(0, problems.get(0).indexOf(": "));
        assertTrue(page.contains("<li class=\"reload-problem\"><code>" + where + ": "), page);

        restoreCriteriaAndRules();
        assertEquals(200, post("/api/criteria/reload", "application/json", new byte[0]).statusCode());
        assertEquals("ok", json(get("/api/criteria/status")).path("status").asText());
        assertFalse(text(get("/")).contains("id=\"reload-failed\""), "the banner goes once a reload works");
    }

    // --- swaps under load ------------------------------------------------------------------------------

    @Test
    void requestsDuringRepeatedSwapsAllSucceedEachWithOneGenerationsHash() throws Exception {
        Set<String> hashes = ConcurrentHashMap.newKeySet();
        hashes.add(servedSha("provincial"));
        AtomicBoolean swapping = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<List<JsonNode>>> results = new ArrayList<>();
        try {
            for (int c = 0; c < 4; c++) {
                results.add(clients.submit(() -> {
                    List<JsonNode> seen = new ArrayList<>();
                    for (int i = 0; i < 200 && (swapping.get() || seen.size() < 3); i++) {
                        HttpResponse<byte[]> r = post("/api/assessments?dryRun=true", "application/json",
                                example(LIBRARY));
                        assertEquals(200, r.statusCode(), text(r));
                        seen.add(json(r));
                    }
                    return seen;
                }));
            }
            String current = THEORY_24;
            for (int min = 25; min <= 30; min++) {
                String next = "params: { types: [theory-study], min: " + min + " }";
                edit(provincialIndicators(), current, next);
                current = next;
                assertTrue(registry.reload().ok());
                hashes.add(servedSha("provincial"));
            }
        } finally {
            swapping.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS), "the clients finished");
        }
        Map<String, Double> scoreByHash = new HashMap<>();
        int requests = 0;
        for (Future<List<JsonNode>> f : results) {
            for (JsonNode result : f.get()) {
                requests++;
                String sha = sha(result);
                assertTrue(hashes.contains(sha), "a generation's hash: " + sha + " not in " + hashes);
                Double earlier = scoreByHash.putIfAbsent(sha, theoryStudy(result));
                assertTrue(earlier == null || earlier == theoryStudy(result),
                        "one hash, one scoring: " + sha + " gave " + earlier + " and " + theoryStudy(result));
            }
        }
        assertEquals(7, hashes.size(), "seven generations: " + hashes);
        assertTrue(requests >= 12, "every client sent requests: " + requests);
    }

    // --- re-scoring ------------------------------------------------------------------------------------

    @Test
    void rescoringAStoredPackageStoresANewAssessmentUnderTheCurrentCriteria() {
        HttpResponse<byte[]> created = post("/api/assessments", "application/json", example(LIBRARY));
        assertEquals(201, created.statusCode(), text(created));
        JsonNode first = json(created);
        edit(provincialIndicators(), THEORY_24, "params: { types: [theory-study], min: 48 }");
        assertTrue(registry.reload().ok());

        HttpResponse<byte[]> rescored = post("/api/assessments/" + first.path("id").asText() + "/rescore", "", new byte[0]);

        assertEquals(201, rescored.statusCode(), text(rescored));
        JsonNode second = json(rescored);
        assertNotEquals(first.path("id").asText(), second.path("id").asText());
        assertEquals("/api/assessments/" + second.path("id").asText(),
                rescored.headers().firstValue("Location").orElse(""));
        assertEquals(servedSha("provincial"), sha(second));
        assertNotEquals(sha(first), sha(second));
        assertEquals(2.0, theoryStudy(second));
        assertEquals(first.path("package").path("sha256").asText(), second.path("package").path("sha256").asText());
        assertEquals(sha(first), sha(json(get("/api/assessments/" + first.path("id").asText()))), "the old one stays");
    }

    @Test
    void rescoringKeepsTheSetThatScoredBeforeUnlessAskedForAnother() {
        JsonNode city = json(post("/api/assessments?criteria=city", "application/json", example(LIBRARY)));
        assertEquals("city", city.path("criteria").path("id").asText());

        JsonNode again = json(post("/api/assessments/" + city.path("id").asText() + "/rescore", "", new byte[0]));
        JsonNode provincial = json(post("/api/assessments/" + city.path("id").asText() + "/rescore?criteria=provincial",
                "", new byte[0]));

        assertEquals("city", again.path("criteria").path("id").asText());
        assertEquals("provincial", provincial.path("criteria").path("id").asText());
        Http.assertProblem(404, post("/api/assessments/0123456789abcdef0123456789abcdef/rescore", "", new byte[0]));
        Http.assertProblem(422, post("/api/assessments/" + city.path("id").asText() + "/rescore?criteria=nowhere", "",
                new byte[0]));
    }

    // --- several sets --------------------------------------------------------------------------------

    @Test
    void theCriteriaEndpointListsEverySetWithTheDefaultFirst() {
        JsonNode body = json(get("/api/criteria"));

        assertEquals("provincial", body.path("default").asText());
        JsonNode sets = body.path("sets");
        assertEquals(2, sets.size(), body.toString());
        assertEquals("provincial", sets.get(0).path("id").asText());
        assertTrue(sets.get(0).path("default").asBoolean());
        assertEquals("city", sets.get(1).path("id").asText());
        assertFalse(sets.get(1).path("default").asBoolean());
        for (JsonNode set : sets) {
            assertEquals(registry.current().sha256s().get(set.path("id").asText()), set.path("sha256").asText());
            assertEquals(100.0, set.path("maxScore").asDouble());
            assertEquals(85.0, set.path("passScore").asDouble());
            assertFalse(set.path("name").asText().isBlank());
            assertFalse(set.path("version").asText().isBlank());
        }
    }

    @Test
    void theSetIsChosenPerUploadByQueryOrFormField() {
        JsonNode byQuery = dryRun("&criteria=city");
        HttpResponse<byte[]> form = post("/assessments", "multipart/form-data; boundary=" + Http.BOUNDARY,
                multipart(example(LIBRARY), "city"));

        assertEquals("city", byQuery.path("criteria").path("id").asText());
        assertEquals(servedSha("city"), sha(byQuery));
        assertEquals("provincial", dryRun("").path("criteria").path("id").asText());
        assertEquals(303, form.statusCode(), text(form));
        String id = form.headers().firstValue("Location").orElseThrow().replace("/assessments/", "");
        assertEquals("city", json(get("/api/assessments/" + id)).path("criteria").path("id").asText());
    }

    @Test
    void anUnknownSetIsA422NamingTheKnownOnes() {
        HttpResponse<byte[]> response = post("/api/assessments?criteria=nowhere", "application/json", example(LIBRARY));

        JsonNode problem = Http.assertProblem(422, response);
        assertEquals("/problems/unknown-criteria", problem.path("type").asText());
        assertEquals("没有编号为“nowhere”的测评体系，可选：city、provincial", problem.path("detail").asText());
        Http.assertProblem(422, post("/assessments", "multipart/form-data; boundary=" + Http.BOUNDARY,
                multipart(example(LIBRARY), "nowhere")));
    }

    @Test
    void theUploadPageOffersTheSetsWhenThereAreSeveral() {
        String page = text(get("/"));

        assertTrue(page.contains("<select name=\"criteria\" id=\"criteria\">"), page);
        assertTrue(page.contains("<option value=\"provincial\" selected>"), page);
        assertTrue(page.contains("<option value=\"city\">"), page);
        assertFalse(page.contains("id=\"reload-failed\""));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** The project's provincial set, a city's copy of it, and the project's rules, as files in the test's folder. */
    static void restoreCriteriaAndRules() {
        copy(Path.of("criteria/provincial"), criteria.resolve("provincial"));
        copy(Path.of("criteria/provincial"), criteria.resolve("city"));
        edit(criteria.resolve("city/criteria.yaml"), "id: provincial", "id: city");
        copy(Path.of("rules"), rules);
    }

    static Path provincialIndicators() {
        return criteria.resolve("provincial/indicators.yaml");
    }

    /** Waits (up to {@link #WAIT}) for a rebuild that {@code done} accepts. */
    static void awaitAttempt(Predicate<CriteriaRegistry.Attempt> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<CriteriaRegistry.Attempt> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            CriteriaRegistry.Attempt a = ATTEMPTS.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (a == null) {
                break;
            }
            seen.add(a);
            if (done.test(a)) {
                return;
            }
        }
        throw new AssertionError("no such rebuild within " + WAIT + "; saw " + seen);
    }

    static JsonNode dryRun(String moreQuery) {
        HttpResponse<byte[]> r = post("/api/assessments?dryRun=true" + moreQuery, "application/json", example(LIBRARY));
        assertEquals(200, r.statusCode(), text(r));
        return json(r);
    }

    static String servedSha(String set) {
        for (JsonNode s : json(get("/api/criteria")).path("sets")) {
            if (s.path("id").asText().equals(set)) {
                return s.path("sha256").asText();
            }
        }
        throw new AssertionError("no set " + set + " served");
    }

    static String sha(JsonNode result) {
        return result.path("criteria").path("sha256").asText();
    }

    static double theoryStudy(JsonNode result) {
        for (JsonNode i : result.path("indicators")) {
            if (i.path("id").asText().equals("theory-study")) {
                return i.path("score").asDouble();
            }
        }
        throw new AssertionError("no theory-study indicator in " + result);
    }

    static byte[] multipart(byte[] pkg, String criteriaId) {
        byte[] file = Http.multipart("package", LIBRARY, pkg);
        String field = "--" + Http.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"criteria\"\r\n\r\n"
                + criteriaId + "\r\n";
        byte[] head = field.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + file.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(file, 0, out, head.length, file.length);
        return out;
    }

    static HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html,application/json").GET());
    }

    static HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(response), e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static byte[] example(String file) {
        return Http.example(file);
    }

    static void edit(Path file, String from, String to) {
        String text = read(file);
        assertTrue(text.contains(from), () -> file + " contains " + from);
        write(file, text.replace(from, to));
    }

    static void append(Path file, String more) {
        write(file, read(file) + more);
    }

    static int lineOf(Path file, String line) {
        List<String> all = List.of(read(file).split("\n", -1));
        assertTrue(all.contains(line), () -> file + " has the line " + line);
        return all.indexOf(line) + 1;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target) || Files.mismatch(f, target) != -1) {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
