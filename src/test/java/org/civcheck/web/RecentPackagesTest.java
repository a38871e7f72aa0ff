package org.civcheck.web;

import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A results page viewed again does not re-read its stored package; a deleted one is forgotten. */
class RecentPackagesTest {

    @TempDir
    Path dir;

    @Test
    void viewingAResultAgainReadsItsPackageOnce() throws Exception {
        AtomicInteger readings = new AtomicInteger();
        ScoringLimiter limiter = new ScoringLimiter(256L * 1024 * 1024, Duration.ofSeconds(5), bytes -> readings.incrementAndGet());
        try (TestApp app = TestApp.startWithLimiter(dir, limiter)) {
            Http http = new Http(app);
            HttpResponse<byte[]> created = http.post("/api/assessments", "application/json", example("seed-district-office.json"));
            assertEquals(201, created.statusCode());
            String id = json(created).path("id").asText();
            int afterUpload = readings.get();

            assertEquals(200, http.get("/assessments/" + id, "text/html").statusCode());
            int afterFirstView = readings.get();
            assertEquals(200, http.get("/assessments/" + id, "text/html").statusCode());
            assertEquals(200, http.get("/assessments/" + id, "text/html").statusCode());

            assertTrue(afterFirstView > afterUpload, "the first view reads the stored package");
            assertEquals(afterFirstView, readings.get(), "later views use the package read the first time");
            assertEquals(204, http.delete("/api/assessments/" + id).statusCode());
            assertEquals(404, http.get("/assessments/" + id, "text/html").statusCode());
        }
    }

    @Test
    void keptPackagesAreBoundedByTheirActivitiesOldestViewedFirst() throws Exception {
        var reader = new EvidencePackageReader(ReadLimits.defaults());
        var seed = reader.read(example("seed-district-office.json"), "seed.json").evidence();
        int each = seed.activities().size();
        RecentPackages recent = new RecentPackages();
        int fit = RecentPackages.MAX_ACTIVITIES / each;
        for (int i = 0; i < fit; i++) {
            recent.put("a" + i, seed);
        }
        assertEquals(fit, recent.size());
        recent.get("a0");
        recent.put("new", seed);
        assertEquals(fit, recent.size(), "one went to make room");
        assertTrue(recent.get("a0").isPresent(), "the one viewed last stays");
        assertTrue(recent.get("a1").isEmpty(), "the one viewed longest ago went");
    }
}
