package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civcheck.bench.SyntheticPackages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service ({@code civcheck serve}) in a child JVM of {@value #HEAP}, sent {@value #CLIENTS} packages
 * of {@value #ACTIVITIES} activities (about 32 MB each) at once, {@value #ROUNDS} times. The bodies
 * are admitted to the memory budget before they are read, so the heap never runs out: every answer is
 * 201, 413 or 503 (never a 500 or a broken connection), the database stays usable, {@code /health}
 * stays "ok", and every 201 reads back byte for byte. Slow: excluded by {@code -DexcludedGroups=slow}.
 */
@Tag("slow")
class LargeUploadsTest {

    static final String HEAP = "-Xmx512m";
    static final int CLIENTS = 5;
    static final int ROUNDS = 3;
    static final int ACTIVITIES = 100_000;
    /** 503 only as the admission's refusal, with Retry-After (a 503 of a broken database has none). */
    static final Set<String> ALLOWED = Set.of("201", "413", "503");

    @TempDir
    Path dir;

    private ServeProcess service;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.kill();
        }
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void fiveConcurrentHundredThousandActivityPackagesNeverExhaustTheHeap() throws Exception {
        service = ServeProcess.onDatabase("jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck"), dir, HEAP);
        byte[] template = SyntheticPackages.json(ACTIVITIES);
        byte[] name = "\"××基准测试单位\"".getBytes(StandardCharsets.UTF_8);
        Map<String, Integer> answers = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        Map<String, String> acked = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                List<Future<String>> sent = new ArrayList<>();
                for (int c = 1; c <= CLIENTS; c++) {
                    byte[] body = HostileInputTest.replaceBytes(template, name,
                            ("\"××基准测试单位-" + round + "-" + c + "\"").getBytes(StandardCharsets.UTF_8));
                    sent.add(pool.submit(() -> post(body, acked)));
                }
                for (Future<String> f : sent) {
                    String answer = f.get(10, TimeUnit.MINUTES);
                    answers.merge(answer.split(" ", 2)[0], 1, Integer::sum);
                    if (!ALLOWED.contains(answer.split(" ", 2)[0])) {
                        wrong.add("round " + round + ": " + answer);
                    }
                }
                HttpResponse<byte[]> health = get("/health");
                assertEquals(200, health.statusCode(), "health after round " + round + ": " + Http.text(health)
                        + "\n" + service.errors());
                assertEquals("ok", Http.json(health).path("database").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("LargeUploadsTest answers: " + answers);
        assertEquals(List.of(), wrong, "answers other than 201/413/503; log:\n" + tail(service.errors()));
        assertTrue(service.process().isAlive(), "the service is still running");
        for (Map.Entry<String, String> ack : acked.entrySet()) {
            HttpResponse<byte[]> pkg = get("/api/assessments/" + ack.getKey() + "/package");
            assertEquals(200, pkg.statusCode(), "package " + ack.getKey());
            assertEquals(ack.getValue(), Http.sha256(pkg.body()), "package " + ack.getKey() + " reads back byte-equal");
        }
        // the database still takes new assessments
        HttpResponse<byte[]> small = client.send(HttpRequest.newBuilder(service.uri("/api/assessments"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(Http.example("well-run-library.json"))).build(), BodyHandlers.ofByteArray());
        assertEquals(201, small.statusCode(), Http.text(small));

        // SIGTERM stops it in bounded time, even with an upload stuck halfway
        try (java.net.Socket stuck = new java.net.Socket("127.0.0.1", service.uri("/").getPort())) {
            stuck.getOutputStream().write(("POST /api/assessments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 30000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            stuck.getOutputStream().flush();
            Thread.sleep(500);
            long began = System.nanoTime();
            service.process().destroy();
            assertTrue(service.process().waitFor(30, TimeUnit.SECONDS), "the service stops within 30 s of SIGTERM");
            System.out.printf("LargeUploadsTest: stopped %.1f s after SIGTERM (exit %d)%n",
                    (System.nanoTime() - began) / 1e9, service.process().exitValue());
        }
    }

    /**
     * "201 id", "503 …": the answer to one upload; a broken connection is "0 " and the error. The
     * client announces its body ({@code Expect: 100-continue}, as curl does for bodies over 1 MiB), so
     * a refusal before the body is read reaches it instead of a reset connection.
     */
    private String post(byte[] body, Map<String, String> acked) {
        try {
            ContinueClient.Answer r = ContinueClient.post(service.uri("/api/assessments"), "application/json", body,
                    (int) Duration.ofMinutes(8).toMillis());
            if (r.status() == 201) {
                String id = Http.JSON.readTree(r.body()).path("id").asText();
                synchronized (acked) {
                    acked.put(id, Http.sha256(body));
                }
                return "201 " + id;
            }
            if (r.status() == 503 && !r.headers().containsKey("retry-after")) {
                return "503-without-Retry-After " + r.text();
            }
            return r.status() + " " + r.text();
        } catch (java.io.IOException e) {
            return "0 " + e;
        }
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        try {
            return client.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            Process p = service.process();
            throw new AssertionError("GET " + path + " failed (" + e + "); the service "
                    + (p.isAlive() ? "is running" : "exited with " + p.exitValue()) + "; its log:\n"
                    + tail(service.errors()), e);
        }
    }

    private static String tail(String log) {
        return log.length() <= 6000 ? log : log.substring(log.length() - 6000);
    }
}
