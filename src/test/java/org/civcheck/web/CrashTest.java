package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.civcheck.store.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real service ({@code civcheck serve}) as a child process, killed with SIGKILL in the middle of
 * uploads and started again on the same database, {@value #ROUNDS} times per database. After every
 * kill the tables are read directly: no assessment without its package, no package without its
 * assessment, every package matching its recorded sha256 and size, every result valid JSON. After
 * every restart, every upload ever acknowledged with a 201 reads back byte for byte and /health is ok.
 */
@Tag("slow")
class CrashTest {

    static final int ROUNDS = 3;
    static final int UPLOADERS = 4;

    @TempDir
    Path dir;

    private ServeProcess service;
    private String pgSchema;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Ack(String id, String sha256) {}

    @AfterEach
    void cleanUp() throws Exception {
        if (service != null) {
            service.kill();
        }
        if (pgSchema != null) {
            try (Connection c = DriverManager.getConnection(System.getenv(TestPostgres.ENV));
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
            }
        }
    }

    /**
     * The URL as a user gives it: the service adds {@code WRITE_DELAY=0} itself, while the direct reads
     * between kills open and close the file without it, as any other tool would. On H2 2.3.232 this
     * failed now and then (acknowledged rows gone after such a close and a reopen, or "Double mark" on
     * reopening); see the H2 version in the pom.
     */
    @Test
    void killedMidUploadOnH2LosesNoAcknowledgedAssessmentAndLeavesNoHalfOne() throws Exception {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck");
        killAndRestart(url, url);
    }

    @Test
    void killedMidUploadOnPostgresLosesNoAcknowledgedAssessmentAndLeavesNoHalfOne() throws Exception {
        TestPostgres.assumeConfigured();
        String base = System.getenv(TestPostgres.ENV);
        pgSchema = "crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + pgSchema);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + pgSchema;
        killAndRestart(url, url);
    }

    private void killAndRestart(String serviceUrl, String jdbcUrl) throws Exception {
        long began = System.nanoTime();
        Map<String, Ack> acked = new ConcurrentHashMap<>();
        service = ServeProcess.onDatabase(serviceUrl, dir);
        int attempted = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            attempted += uploadUntilKilled(service, acked);
            service = null;

            // the tables as the crash left them (for H2: once recovered by opening), read directly
            checkTables(jdbcUrl, acked, "after kill " + round);

            service = ServeProcess.onDatabase(serviceUrl, dir);
            HttpResponse<byte[]> health = get(service, "/health");
            assertEquals(200, health.statusCode(), "health after restart " + round + ": " + Http.text(health));
            assertEquals("ok", Http.json(health).path("status").asText());
            List<String> lost = new ArrayList<>();
            for (Ack ack : acked.values()) {
                HttpResponse<byte[]> pkg = get(service, "/api/assessments/" + ack.id() + "/package");
                if (pkg.statusCode() != 200 || !ack.sha256().equals(Http.sha256(pkg.body()))) {
                    lost.add(ack.id() + " → " + pkg.statusCode());
                }
            }
            assertEquals(List.of(), lost, "acknowledged assessments not intact after restart " + round
                    + " (" + acked.size() + " acknowledged)");
        }
        assertTrue(acked.size() >= ROUNDS, "uploads were acknowledged before the kills: " + acked.size());
        System.out.printf("CrashTest on %s: %d kill rounds, %d uploads attempted, %d acknowledged, all intact; %.1f s%n",
                jdbcUrl.startsWith("jdbc:h2") ? "H2" : "PostgreSQL", ROUNDS, attempted, acked.size(),
                (System.nanoTime() - began) / 1e9);
    }

    /**
     * Uploads from {@value #UPLOADERS} threads, kills the service with SIGKILL once some uploads
     * are acknowledged plus a random 0–800 ms, and returns how many uploads were attempted.
     */
    private int uploadUntilKilled(ServeProcess target, Map<String, Ack> acked) throws Exception {
        List<ObjectNode> templates = List.of(Http.exampleTree("well-run-library.json"),
                Http.exampleTree("seed-district-office.json"), Http.exampleTree("rushed-before-inspection.json"));
        AtomicBoolean killing = new AtomicBoolean();
        AtomicInteger attempted = new AtomicInteger();
        CountDownLatch someAcked = new CountDownLatch(3);
        List<String> unexpected = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < UPLOADERS; t++) {
            Thread thread = new Thread(() -> {
                while (true) {
                    int n = attempted.incrementAndGet();
                    ObjectNode pkg = templates.get(n % templates.size()).deepCopy();
                    ObjectNode unit = (ObjectNode) pkg.get("unit");
                    unit.put("id", "crash-" + (n % 5));
                    unit.put("name", unit.path("name").asText() + "（" + UUID.randomUUID() + "）");
                    byte[] body = Http.bytes(pkg);
                    try {
                        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(target.uri("/api/assessments"))
                                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofByteArray(body)).build(), BodyHandlers.ofByteArray());
                        if (r.statusCode() == 201) {
                            JsonNode doc = Http.json(r);
                            acked.put(doc.path("id").asText(), new Ack(doc.path("id").asText(), Http.sha256(body)));
                            someAcked.countDown();
                        } else {
                            synchronized (unexpected) {
                                unexpected.add(r.statusCode() + " " + Http.text(r));
                            }
                        }
                    } catch (IOException e) {
                        // the service died under this request: not acknowledged, so nothing is owed
                        if (!killing.get()) {
                            synchronized (unexpected) {
                                unexpected.add("transport error while the service was alive: " + e);
                            }
                        }
                        return;
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "crash-uploader-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            if (!someAcked.await(20, TimeUnit.SECONDS)) {
                fail("no uploads acknowledged within 20 s: " + unexpected + "\n" + target.log());
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(800));
        } finally {
            killing.set(true);
            target.kill();
        }
        for (Thread thread : threads) {
            thread.join(30_000);
        }
        synchronized (unexpected) {
            assertEquals(List.of(), unexpected, "answers other than 201 before the kill");
        }
        return attempted.get();
    }

    /**
     * Every assessment row has its package row and vice versa; each package matches its recorded
     * sha256 and size; each result is a JSON object with a verdict; every acknowledged id is there.
     */
    private static void checkTables(String jdbcUrl, Map<String, Ack> acked, String when) throws SQLException {
        List<String> broken = new ArrayList<>();
        Map<String, String> stored = new ConcurrentHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT a.id FROM assessment a LEFT JOIN assessment_package p"
                    + " ON p.assessment_id = a.id WHERE p.assessment_id IS NULL")) {
                while (rs.next()) {
                    broken.add("assessment without package: " + rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT p.assessment_id FROM assessment_package p LEFT JOIN assessment a"
                    + " ON a.id = p.assessment_id WHERE a.id IS NULL")) {
                while (rs.next()) {
                    broken.add("package without assessment: " + rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT a.id, a.package_sha256, a.package_size, a.result_json, p.bytes"
                    + " FROM assessment a JOIN assessment_package p ON p.assessment_id = a.id")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    byte[] bytes = rs.getBytes(5);
                    String sha = Http.sha256(bytes);
                    if (!sha.equals(rs.getString(2)) || bytes.length != rs.getLong(3)) {
                        broken.add("package bytes of " + id + " do not match their recorded sha256/size");
                    }
                    try {
                        JsonNode result = Http.JSON.readTree(rs.getString(4));
                        if (result == null || !result.isObject() || result.path("verdict").asText().isEmpty()) {
                            broken.add("result of " + id + " is not a result document");
                        }
                    } catch (IOException e) {
                        broken.add("result of " + id + " is not valid JSON: " + e.getMessage());
                    }
                    stored.put(id, sha);
                }
            }
        }
        for (Ack ack : acked.values()) {
            if (!ack.sha256().equals(stored.get(ack.id()))) {
                broken.add("acknowledged " + ack.id() + (stored.containsKey(ack.id()) ? " has other bytes" : " is missing"));
            }
        }
        assertEquals(List.of(), broken, when + ": " + stored.size() + " rows, " + acked.size() + " acknowledged");
    }

    private HttpResponse<byte[]> get(ServeProcess target, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(target.uri(path)).timeout(Duration.ofSeconds(20)).GET().build(),
                BodyHandlers.ofByteArray());
    }
}
