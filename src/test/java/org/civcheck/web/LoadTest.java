package org.civcheck.web;

import static org.civcheck.web.Http.bytes;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.exampleTree;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.sha256;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load on loopback, bounded for CI (at most {@value #MAX_REQUESTS} requests or {@value #MAX_SECONDS}
 * s of traffic, whichever comes first): {@value #THREADS} clients mixing uploads of example packages,
 * each made unique, with reads of results, packages, lists and /health. Every 201 must later read
 * back byte for byte, no answer may be a 5xx or a broken connection, and the store must hold exactly
 * the assessments that were acknowledged.
 */
@Tag("slow")
class LoadTest {

    static final int THREADS = 8;
    static final int MAX_REQUESTS = 3000;
    static final int MAX_SECONDS = 35;

    private static final List<String> JSON_EXAMPLES = List.of("well-run-library.json", "seed-district-office.json",
            "vetoed-water-bureau.json", "rushed-before-inspection.json");

    @TempDir
    Path dir;

    /** An acknowledged upload: the id the service gave it and the sha256 of the bytes sent. */
    record Ack(String id, String sha256, String unit) {}

    @Test
    void concurrentUploadsAndReadsLoseNothingAndNeverFail() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<ObjectNode> templates = JSON_EXAMPLES.stream().map(Http::exampleTree).toList();
        byte[] zipTemplate = example("well-run-library.zip");

        try (TestApp app = TestApp.start(dir)) {
            Http http = new Http(app);
            Map<String, Ack> acked = new ConcurrentHashMap<>();
            List<String> ackedIds = Collections.synchronizedList(new ArrayList<>());
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger issued = new AtomicInteger();
            AtomicInteger uploads = new AtomicInteger();
            AtomicInteger serverErrors = new AtomicInteger();
            AtomicInteger transportErrors = new AtomicInteger();
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(MAX_SECONDS);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                clients.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    int n;
                    while ((n = issued.getAndIncrement()) < MAX_REQUESTS && System.nanoTime() < deadline) {
                        String unit = "load-" + run + "-" + (n % 10);
                        int pick = random.nextInt(100);
                        String what = "?";
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response;
                            if (pick < 40 || ackedIds.isEmpty()) {
                                uploads.incrementAndGet();
                                boolean zip = pick % 5 == 0;
                                byte[] body;
                                if (zip) {
                                    what = "POST zip #" + n;
                                    body = uniqueZip(zipTemplate, unit, n);
                                } else {
                                    what = "POST json #" + n;
                                    ObjectNode pkg = templates.get(n % templates.size()).deepCopy();
                                    makeUnique(pkg, unit, n);
                                    body = bytes(pkg);
                                }
                                response = http.post("/api/assessments", zip ? "application/zip" : "application/json", body);
                                if (response.statusCode() == 201) {
                                    JsonNode doc = json(response);
                                    String id = doc.path("id").asText();
                                    String sent = sha256(body);
                                    if (!sent.equals(doc.path("package").path("sha256").asText())) {
                                        failures.add(what + ": 201 reports sha256 " + doc.path("package").path("sha256")
                                                + ", sent " + sent);
                                    }
                                    if (acked.putIfAbsent(id, new Ack(id, sent, unit)) != null) {
                                        failures.add(what + ": id " + id + " given twice");
                                    }
                                    ackedIds.add(id);
                                } else {
                                    failures.add(what + ": " + response.statusCode() + " " + text(response));
                                }
                            } else {
                                Ack known = acked.get(ackedIds.get(random.nextInt(ackedIds.size())));
                                int kind = pick % 4;
                                if (kind == 0) {
                                    what = "GET result " + known.id();
                                    response = http.get("/api/assessments/" + known.id());
                                    if (response.statusCode() == 200
                                            && !known.sha256().equals(json(response).path("package").path("sha256").asText())) {
                                        failures.add(what + ": wrong package sha256");
                                    }
                                } else if (kind == 1) {
                                    what = "GET package " + known.id();
                                    response = http.get("/api/assessments/" + known.id() + "/package");
                                    if (response.statusCode() == 200 && !known.sha256().equals(sha256(response.body()))) {
                                        failures.add(what + ": bytes differ from those uploaded");
                                    }
                                } else if (kind == 2) {
                                    what = "GET list " + known.unit();
                                    response = http.get("/api/assessments?unit=" + known.unit() + "&size=5");
                                    if (response.statusCode() == 200 && json(response).path("total").asLong() < 1) {
                                        failures.add(what + ": an acknowledged unit lists nothing");
                                    }
                                } else {
                                    what = "GET /health";
                                    response = http.get("/health");
                                }
                                if (response.statusCode() != 200) {
                                    failures.add(what + ": " + response.statusCode() + " " + text(response));
                                }
                            }
                            if (response.statusCode() >= 500) {
                                serverErrors.incrementAndGet();
                            }
                        } catch (UncheckedIOException e) {
                            transportErrors.incrementAndGet();
                            failures.add(what + ": transport error " + e.getCause());
                        } catch (RuntimeException | AssertionError e) {
                            failures.add(what + ": " + e);
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(MAX_SECONDS + 60, TimeUnit.SECONDS);
            }
            pool.shutdownNow();
            double seconds = (System.nanoTime() - start) / 1e9;

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("LoadTest: %d requests (%d uploads, %d acknowledged) by %d clients in %.1f s = %.0f req/s;"
                    + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; %d 5xx, %d transport errors%n",
                    sorted.size(), uploads.get(), acked.size(), THREADS, seconds, sorted.size() / seconds,
                    percentile(sorted, 50), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6,
                    serverErrors.get(), transportErrors.get());

            assertEquals(0, serverErrors.get(), () -> "5xx answers: " + first(failures));
            assertEquals(0, transportErrors.get(), () -> "transport errors: " + first(failures));
            assertTrue(failures.isEmpty(), () -> failures.size() + " failures: " + first(failures));
            assertTrue(acked.size() > 20, "enough uploads were acknowledged to mean something: " + acked.size());

            // every acknowledged upload reads back byte for byte, on a fresh client
            Http reader = new Http(app);
            List<String> wrong = new ArrayList<>();
            for (Ack ack : acked.values()) {
                HttpResponse<byte[]> pkg = reader.get("/api/assessments/" + ack.id() + "/package");
                if (pkg.statusCode() != 200 || !ack.sha256().equals(sha256(pkg.body()))) {
                    wrong.add(ack.id() + " → " + pkg.statusCode());
                }
            }
            assertEquals(List.of(), wrong, "acknowledged uploads that do not read back identically");

            // the store holds exactly what was acknowledged: by the API and by the tables themselves
            HttpResponse<byte[]> all = reader.get("/api/assessments?size=1");
            assertEquals(200, all.statusCode(), text(all));
            assertEquals(acked.size(), json(all).path("total").asLong(), "stored total by the API");
            try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                assertEquals(acked.size(), count(s, "SELECT COUNT(*) FROM assessment"), "assessment rows");
                assertEquals(acked.size(), count(s, "SELECT COUNT(*) FROM assessment_package"), "package rows");
            }
        }
    }

    /** The package under {@code unit}, its unit name carrying the request number so every hash differs. */
    static void makeUnique(ObjectNode pkg, String unit, int n) {
        ObjectNode u = (ObjectNode) pkg.get("unit");
        u.put("id", unit);
        u.put("name", u.path("name").asText() + "（压测" + n + "）");
    }

    /** The example zip with its evidence.json made unique, every attachment kept. */
    static byte[] uniqueZip(byte[] template, String unit, int n) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(template))) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(buffer)) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    byte[] content = in.readAllBytes();
                    if (e.getName().equals("evidence.json")) {
                        ObjectNode pkg = (ObjectNode) Http.JSON.readTree(content);
                        makeUnique(pkg, unit, n);
                        content = bytes(pkg);
                    }
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(content);
                    out.closeEntry();
                }
            }
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double percentile(List<Long> sortedNanos, int p) {
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(i, sortedNanos.size() - 1))) / 1e6;
    }

    static String first(ConcurrentLinkedQueue<String> failures) {
        return failures.stream().limit(10).toList().toString();
    }
}
