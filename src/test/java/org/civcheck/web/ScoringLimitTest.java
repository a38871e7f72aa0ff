package org.civcheck.web;

import static org.civcheck.web.AssessmentApiTest.uniqueUnit;
import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.bytes;
import static org.civcheck.web.Http.contentType;
import static org.civcheck.web.Http.exampleTree;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.civcheck.bench.SyntheticPackages;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scoring limit over real HTTP, with the real rules and database: while one scoring holds the
 * budget, another upload (API or browser form) or a rescore waits briefly and is then refused with
 * 503 and Retry-After, storing nothing; once the first finishes, uploads succeed again.
 *
 * <p>Deterministic, not timed: the first scoring is held in flight by the limiter's hook (a latch,
 * released by the test), so the budget is surely full when the second request arrives; no
 * assertion is about a duration.
 */
class ScoringLimitTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch admitted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    /** Set to hold the next admitted scoring until {@link #release}. */
    private final AtomicBoolean holdNext = new AtomicBoolean();
    private TestApp app;
    private ScoringLimiter limiter;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "every request thread ended");
        if (app != null) {
            app.close();
        }
    }

    /** Keeps the next admitted scoring in flight, holding its room, until the test releases it. */
    private void hold(long bytes) {
        if (holdNext.compareAndSet(true, false)) {
            admitted.countDown();
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A budget with room for one scoring of the seed package (or one like it), not two. */
    private static long roomForOneSeed() {
        byte[] seed = bytes(exampleTree("seed-district-office.json"));
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(seed, "seed.json");
        long one = Math.max(ScoringCost.ofRecords(seed.length, seed.length),
                ScoringCost.ofEvidence(reading.evidence(), seed.length));
        return one * 3 / 2;
    }

    private TestApp start(Duration wait) {
        limiter = new ScoringLimiter(roomForOneSeed(), wait, this::hold);
        app = TestApp.startWithLimiter(dir, limiter);
        return app;
    }

    @Test
    void whileOneScoringHoldsTheBudgetOthersAre503WithRetryAfterAndStoreNothing() throws Exception {
        start(Duration.ofMillis(200));
        Http http = new Http(app);
        JsonNode earlier = json(http.post("/api/assessments", "application/json",
                bytes(uniqueUnit(exampleTree("seed-district-office.json")))));
        assertEquals(1, stored(), "one stored before the budget fills");

        holdNext.set(true);
        byte[] first = bytes(uniqueUnit(exampleTree("seed-district-office.json")));
        Future<HttpResponse<byte[]>> inFlight = pool.submit(
                () -> new Http(app).post("/api/assessments", "application/json", first));
        assertTrue(admitted.await(60, TimeUnit.SECONDS), "the first upload is being scored");

        // The API: a problem document in Chinese, with Retry-After.
        JsonNode secondPkg = uniqueUnit(exampleTree("seed-district-office.json"));
        HttpResponse<byte[]> busy = http.post("/api/assessments", "application/json", bytes(secondPkg));
        JsonNode problem = assertProblem(503, busy);
        assertEquals("/problems/busy", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("未保存任何内容"), problem.toString());
        assertRetryAfter(busy);

        // A dry run is scored too, so it waits its turn like the rest.
        assertProblem(503, http.post("/api/assessments?dryRun=true", "application/json", bytes(secondPkg)));

        // The browser's form: an error page in Chinese, with Retry-After.
        HttpResponse<byte[]> page = http.postForm("/assessments", "package", "seed.json", bytes(secondPkg), BROWSER);
        assertEquals(503, page.statusCode(), text(page));
        assertTrue(contentType(page).startsWith("text/html"), contentType(page));
        assertTrue(text(page).contains("服务繁忙"), text(page));
        assertFalse(text(page).contains("Exception"), text(page));
        assertRetryAfter(page);

        // Rescoring a stored package assesses it again: the same limit.
        HttpResponse<byte[]> rescore = http.post("/api/assessments/" + earlier.path("id").asText() + "/rescore", "",
                new byte[0]);
        assertProblem(503, rescore);
        assertRetryAfter(rescore);

        // Stored results are still read, and nothing of the refused requests was stored.
        assertEquals(200, http.get("/api/assessments/" + earlier.path("id").asText()).statusCode());
        assertEquals(1, stored());
        assertEquals(0, stored(secondPkg.path("unit").path("id").asText()));

        release.countDown();
        HttpResponse<byte[]> firstDone = inFlight.get(120, TimeUnit.SECONDS);
        assertEquals(201, firstDone.statusCode(), text(firstDone));

        HttpResponse<byte[]> again = http.post("/api/assessments", "application/json", bytes(secondPkg));
        assertEquals(201, again.statusCode(), text(again));
        HttpResponse<byte[]> rescored = http.post("/api/assessments/" + earlier.path("id").asText() + "/rescore", "",
                new byte[0]);
        assertEquals(201, rescored.statusCode(), text(rescored));
        assertEquals(4, stored(), "the earlier one, the held one, the retried one, the rescore");
    }

    @Test
    void anUploadThatFindsTheBudgetFullWaitsAndIsScoredWhenRoomComesFree() throws Exception {
        start(Duration.ofSeconds(120));
        holdNext.set(true);
        byte[] first = bytes(uniqueUnit(exampleTree("seed-district-office.json")));
        Future<HttpResponse<byte[]>> inFlight = pool.submit(
                () -> new Http(app).post("/api/assessments", "application/json", first));
        assertTrue(admitted.await(60, TimeUnit.SECONDS), "the first upload is being scored");

        byte[] second = bytes(uniqueUnit(exampleTree("seed-district-office.json")));
        Future<HttpResponse<byte[]>> waiting = pool.submit(
                () -> new Http(app).post("/api/assessments", "application/json", second));
        for (int i = 0; i < 12_000 && limiter.waiting() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, limiter.waiting(), "the second upload waits for room");
        assertFalse(waiting.isDone());

        release.countDown();

        assertEquals(201, inFlight.get(120, TimeUnit.SECONDS).statusCode());
        HttpResponse<byte[]> secondDone = waiting.get(120, TimeUnit.SECONDS);
        assertEquals(201, secondDone.statusCode(), text(secondDone));
        assertEquals(2, stored());
        assertEquals(0, limiter.inUseBytes(), "all room given back");
    }

    @Test
    void aPackageWhoseScoringAloneExceedsTheBudgetIs413AndStoresNothing() {
        app = TestApp.startWithLimiter(dir, new ScoringLimiter(8 * MIB, Duration.ofMillis(200)));
        Http http = new Http(app);
        byte[] big = SyntheticPackages.json(5_000);

        HttpResponse<byte[]> refused = http.post("/api/assessments", "application/json", big);

        JsonNode problem = assertProblem(413, refused);
        assertEquals("/problems/too-large-to-score", problem.path("type").asText());
        assertTrue(problem.path("detail").asText().contains("5000 条活动"), problem.toString());
        assertEquals(0, stored());

        HttpResponse<byte[]> small = http.post("/api/assessments", "application/json",
                bytes(uniqueUnit(exampleTree("well-run-library.json"))));
        assertEquals(201, small.statusCode(), text(small));
        assertEquals(1, stored());
    }

    private static void assertRetryAfter(HttpResponse<byte[]> response) {
        String retryAfter = response.headers().firstValue("Retry-After").orElse("");
        assertTrue(retryAfter.matches("[1-9][0-9]*"), "Retry-After in whole seconds, was “" + retryAfter + "”");
    }

    /** Assessments stored, asked on a new connection. */
    private long stored() {
        return json(new Http(app).get("/api/assessments")).path("total").asLong();
    }

    private long stored(String unit) {
        return json(new Http(app).get("/api/assessments?unit=" + unit)).path("total").asLong();
    }
}
