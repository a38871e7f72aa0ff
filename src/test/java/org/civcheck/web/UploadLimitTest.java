package org.civcheck.web;

import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.refusedEarly;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service whose upload limit is smaller than the seed package (87 KB) but larger than a small
 * one: every way of sending too much is refused with 413, and nothing is stored.
 */
class UploadLimitTest {

    static final long LIMIT = 60_000;
    static final byte[] TOO_LARGE = example("seed-district-office.json");
    static final byte[] FITS = example("vetoed-water-bureau.json");

    @TempDir
    static Path dir;

    static TestApp app;
    /** A client of its own for each test: no test inherits another's connections. */
    Http http;

    @BeforeAll
    static void start() {
        assertTrue(TOO_LARGE.length > LIMIT && FITS.length < LIMIT, "the examples straddle the limit");
        app = TestApp.start(dir, LIMIT);
    }

    @BeforeEach
    void newClient() {
        http = new Http(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aJsonBodyOverTheLimitIsRefusedWith413() {
        JsonNode problem = assertProblem(413,
                refusedEarly(() -> http.post("/api/assessments", "application/json", TOO_LARGE)));

        assertEquals("证据包过大", problem.path("title").asText());
        assertEquals(0, stored());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        assertProblem(413, http.postChunked("/api/assessments", "application/json", TOO_LARGE));

        assertEquals(0, stored());
    }

    @Test
    void aFormUploadOverTheLimitIsRefusedWith413() {
        assertProblem(413, refusedEarly(() -> http.postForm("/api/assessments", "package", "seed.json", TOO_LARGE)));

        assertEquals(0, stored());
    }

    @Test
    void aChunkedFormUploadOverTheLimitIsRefusedWith413() {
        assertProblem(413, http.postChunked("/api/assessments", "multipart/form-data; boundary=" + Http.BOUNDARY,
                Http.multipart("package", "seed.json", TOO_LARGE)));

        assertEquals(0, stored());
    }

    /**
     * A browser sends the whole file with its length declared; the service must answer it, not drop
     * the connection with the body unread (the kernel then resets it, and the answer is lost).
     */
    @Test
    void everyOversizedUploadGetsItsAnswerNotAResetConnection() {
        int answered = 0;
        List<String> resets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            try {
                assertEquals(413, new Http(app).post("/api/assessments", "application/json", TOO_LARGE).statusCode());
                answered++;
            } catch (UncheckedIOException e) {
                resets.add(e.getCause().getMessage());
            }
        }

        assertEquals(List.of(), resets, answered + " of 100 answered 413");
    }

    @Test
    void aPackageUnderTheLimitIsStillAccepted() {
        HttpResponse<byte[]> created = http.post("/api/assessments?dryRun=true", "application/json", FITS);

        assertEquals(200, created.statusCode(), text(created));
        assertEquals("vetoed", json(created).path("verdict").asText());
    }

    @Test
    void aJsonPackageOfExactlyTheLimitIsAccepted() {
        HttpResponse<byte[]> checked = http.post("/api/assessments?dryRun=true", "application/json", padded(LIMIT));

        assertEquals(200, checked.statusCode(), text(checked));
    }

    @Test
    void aFormUploadOfAPackageOfExactlyTheLimitIsAccepted() {
        HttpResponse<byte[]> checked = refusedEarly(() -> http.postForm("/api/assessments?dryRun=true", "package",
                "full.json", padded(LIMIT)));

        assertEquals(200, checked.statusCode(), text(checked));
    }

    /** The small example, padded with spaces inside its closing brace to exactly {@code size} bytes. */
    private static byte[] padded(long size) {
        String json = new String(FITS, StandardCharsets.UTF_8).stripTrailing();
        byte[] head = json.substring(0, json.length() - 1).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[(int) size];
        Arrays.fill(out, (byte) ' ');
        System.arraycopy(head, 0, out, 0, head.length);
        out[out.length - 1] = '}';
        return out;
    }

    /** How many assessments are stored, asked on a new connection (a refusal may close the old one). */
    private long stored() {
        return json(new Http(app).get("/api/assessments")).path("total").asLong();
    }
}
