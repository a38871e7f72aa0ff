package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;
import org.civcheck.store.TestPostgres;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code civcheck serve} processes on one PostgreSQL, started with the arguments of the
 * documented systemd unit (examples/deploy/civcheck@.service, docs/deployment.md), act as one
 * service: a login through one is recognised by the other; a criteria reload through one gives the
 * other the same hash; a re-score of {@value #UNITS} units is shared by both, survives a
 * {@code kill -9} of one of them mid-run, and scores every unit exactly once.
 */
@Tag("slow")
class MultiInstanceTest {

    static final int UNITS = 210;
    static final Path UNIT_FILE = Path.of("examples", "deploy", "civcheck@.service");
    static final Path ENV_FILE = Path.of("examples", "deploy", "civcheck.env");
    /** Generous: two JVMs, PostgreSQL and the scoring share two cores with other work. */
    static final Duration WAIT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private String schema;
    private String authorToken;
    private final List<ServeProcess> started = new ArrayList<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void database() throws Exception {
        TestPostgres.assumeConfigured();
        schema = TestPostgres.createSchema();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (ServeProcess p : started) {
            p.kill();
        }
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }

    @Test
    void twoInstancesOnOnePostgresActAsOneServiceThroughAKillMidRescore() throws Exception {
        String url = TestPostgres.url(schema);
        Path criteria = copyCriteria();
        AccessConfig.Added author = new AccessConfig(List.of()).add(AccessEntry.Role.AUTHOR, null);
        Path access = dir.resolve("access.json");
        author.config().save(access);
        authorToken = author.token();
        seed(url, criteria);

        List<String> args = documentedServeArguments(url, access, criteria);
        List<String> jvm = List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError");
        ServeProcess a;
        ServeProcess b;
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<ServeProcess> fa = starting.submit(() -> ServeProcess.start(dir, jvm, args));
            Future<ServeProcess> fb = starting.submit(() -> ServeProcess.start(dir, jvm, args));
            a = fa.get();
            started.add(a);
            b = fb.get();
            started.add(b);
        } finally {
            starting.shutdown();
        }

        // a login through one is recognised by the other
        HttpResponse<byte[]> login = send(HttpRequest.newBuilder(a.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("token=" + URLEncoder.encode(author.token(), StandardCharsets.UTF_8)
                        + "&next=%2Frescores")));
        assertEquals(303, login.statusCode(), Http.text(login));
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<byte[]> page = send(HttpRequest.newBuilder(b.uri("/rescores")).header("Cookie", cookie).GET());
        assertEquals(200, page.statusCode(), "the other instance knows the session: " + Http.text(page));
        assertTrue(Http.text(page).contains("开始重新评分全部单位"));
        HttpResponse<byte[]> stranger = send(HttpRequest.newBuilder(b.uri("/rescores"))
                .header("Cookie", cookie + "x").GET());
        assertEquals(303, stranger.statusCode(), "an unknown session is sent to the login page");

        // a reload through one: the other scores with the same hash
        String before = health(b).path("criteriaSha256").asText();
        Path yaml = criteria.resolve("provincial/criteria.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("passScore: 85", "passScore: 60"));
        HttpResponse<byte[]> reload = send(author(HttpRequest.newBuilder(a.uri("/api/criteria/reload")))
                .POST(BodyPublishers.noBody()));
        assertEquals(200, reload.statusCode(), Http.text(reload));
        String reloaded = health(a).path("criteriaSha256").asText();
        assertNotEquals(before, reloaded);
        waitFor(() -> reloaded.equals(health(b).path("criteriaSha256").asText()), "the other instance on the new hash");
        JsonNode sets = Http.json(send(author(HttpRequest.newBuilder(b.uri("/api/criteria"))).GET())).path("sets");
        String setSha = sets.get(0).path("sha256").asText();
        assertEquals("ok", health(b).path("criteriaInForce").asText());

        // a re-score of every unit, shared by both; one killed with SIGKILL half way
        HttpResponse<byte[]> start = send(author(HttpRequest.newBuilder(b.uri("/api/rescores")))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));
        assertEquals(202, start.statusCode(), Http.text(start));
        String run = Http.json(start).path("id").asText();
        assertEquals(UNITS, Http.json(start).path("total").asInt());
        waitFor(() -> doneBy(url, run).size() >= 2 || finished(url, run), "both instances re-scoring");
        boolean killedMidRun = !finished(url, run);
        b.kill();
        assertTrue(killedMidRun, "the run was still going when one instance was killed: " + doneBy(url, run));

        waitFor(() -> Http.json(send(author(HttpRequest.newBuilder(a.uri("/api/rescores/" + run))).GET()))
                .path("finished").asBoolean(), "the run finished on the instance left");
        JsonNode report = Http.json(send(author(HttpRequest.newBuilder(a.uri("/api/rescores/" + run))).GET()));
        assertEquals(UNITS, report.path("done").asInt());
        assertEquals(0, report.path("failed").asInt(), report.toString());
        assertEquals(UNITS / 3, report.path("better").asInt(), "the seed-like offices (59 points) come within the margin of the lower pass line");
        assertTrue(report.path("summary").asText().contains("好转 " + UNITS / 3 + " 个"), report.toString());

        // every unit scored exactly once by the run, with the hash in force, by either instance
        try (Connection c = DriverManager.getConnection(url)) {
            Map<String, Integer> perUnit = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT unit_id, COUNT(*) FROM assessment GROUP BY unit_id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    perUnit.put(rs.getString(1), rs.getInt(2));
                }
            }
            assertEquals(UNITS, perUnit.size());
            List<String> notTwice = perUnit.entrySet().stream().filter(e -> e.getValue() != 2)
                    .map(e -> e.getKey() + "×" + e.getValue()).toList();
            assertEquals(List.of(), notTwice, "each unit: its upload and one re-score");
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM rescore_unit u JOIN assessment x"
                    + " ON x.id = u.after_assessment WHERE u.run_id = ? AND x.criteria_sha256 = ?")) {
                s.setString(1, run);
                s.setString(2, setSha);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertEquals(UNITS, rs.getInt(1), "every re-score recorded, with the set's hash in force");
                }
            }
        }
        assertTrue(doneBy(url, run).size() >= 2, "both instances took units: " + doneBy(url, run));
    }

    /**
     * The {@code serve} arguments of the documented systemd unit, with its paths and port replaced by
     * this test's: the unit's options are the ones tested.
     */
    private List<String> documentedServeArguments(String url, Path access, Path criteria) throws Exception {
        String exec = Files.readAllLines(UNIT_FILE).stream().filter(l -> l.startsWith("ExecStart=")).findFirst()
                .orElseThrow(() -> new AssertionError(UNIT_FILE + " has no ExecStart"));
        List<String> words = List.of(exec.substring("ExecStart=".length()).trim().split("\\s+"));
        assertTrue(Files.readString(ENV_FILE).contains("CIVCHECK_DB=jdbc:postgresql://"), ENV_FILE + " names a PostgreSQL");
        List<String> args = new ArrayList<>();
        for (String w : words.subList(words.indexOf("serve") + 1, words.size())) {
            args.add(switch (w) {
                case "%i" -> "0";
                case "${CIVCHECK_DB}" -> url;
                case "/etc/civcheck/access.json" -> access.toString();
                case "/opt/civcheck/criteria" -> criteria.toString();
                case "/opt/civcheck/rules" -> Path.of("rules").toAbsolutePath().toString();
                default -> w;
            });
        }
        assertTrue(args.containsAll(List.of("--db", url, "--access", "--criteria", "--rules")), args.toString());
        return args;
    }

    /** UNITS units scored under the criteria before the change: every third one a seed-like office (59 points, 难以通过). */
    private void seed(String url, Path criteria) {
        CriteriaRegistry registry = new CriteriaRegistry(criteria, Path.of("rules"));
        assertTrue(registry.reload().ok());
        List<String> examples = List.of("well-run-library.json", "rushed-before-inspection.json", "seed-district-office.json");
        try (Database db = Database.open(url)) {
            AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(ReadLimits.defaults()),
                    new AssessmentStore(db.dataSource()));
            for (int i = 0; i < UNITS; i++) {
                ObjectNode pkg = Http.exampleTree(examples.get(i % examples.size()));
                ((ObjectNode) pkg.get("unit")).put("id", String.format("multi-%03d", i));
                service.check(Http.bytes(pkg), "package.json", false);
            }
        }
    }

    private static List<String> doneBy(String url, String run) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT done_by FROM rescore_unit WHERE run_id = ? AND done_by IS NOT NULL")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static boolean finished(String url, String run) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                PreparedStatement s = c.prepareStatement("SELECT finished_at FROM rescore_run WHERE id = ?")) {
            s.setString(1, run);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getObject(1) != null;
            }
        }
    }

    private JsonNode health(ServeProcess p) throws Exception {
        return Http.json(send(HttpRequest.newBuilder(p.uri("/health")).GET()));
    }

    /** The request with the author's token. */
    private HttpRequest.Builder author(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + authorToken);
    }

    /**
     * Sends the request; a 408 (the service judged the body to arrive too slowly, which a starved JVM
     * on a loaded machine can make of even a tiny form, and which stores nothing) is tried again.
     */
    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        HttpResponse<byte[]> response = client.send(built, BodyHandlers.ofByteArray());
        for (int retry = 0; retry < 5 && response.statusCode() == 408; retry++) {
            Thread.sleep(1000);
            response = client.send(built, BodyHandlers.ofByteArray());
        }
        return response;
    }

    private Path copyCriteria() throws Exception {
        Path target = dir.resolve("criteria");
        Path source = Path.of("criteria", "provincial");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve("provincial").resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private void waitFor(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logs = new StringBuilder();
                for (ServeProcess p : started) {
                    logs.append("\n=== instance ").append(p.pid()).append(" ===\n").append(p.log());
                }
                fail("not within " + WAIT.toMinutes() + " minutes: " + what + logs);
            }
            Thread.sleep(100);
        }
    }
}
