package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the service writes besides its answers: a client that goes away is one INFO line in the
 * log, not a server error with a stack trace; every answer carries the security headers.
 */
class OutputHygieneTest {

    @TempDir
    static Path dir;

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aClientThatGoesAwayMidUploadIsOneInfoLineNotAServerError() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", app.uri("/").getPort()), 5000);
                OutputStream out = s.getOutputStream();
                out.write(("POST /api/assessments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 200000\r\n\r\n{\"schemaVersion\": 1, ").getBytes(StandardCharsets.UTF_8));
                out.write(new byte[50_000]);
                out.flush();
                Thread.sleep(300);
            }
            long deadline = System.currentTimeMillis() + 5000;
            while (!captured.toString(StandardCharsets.UTF_8).contains("client went away")
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line:\n" + log);
        assertTrue(lines.get(0).startsWith("INFO ") && lines.get(0).contains("client went away during POST /api/assessments"),
                log);
        assertFalse(log.contains("\tat "), "no stack trace:\n" + log);
        assertEquals(200, new Http(app).get("/health").statusCode());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Http http = new Http(app);
        for (String path : List.of("/", "/health", "/api/assessments", "/static/civcheck.css", "/no-such-page")) {
            HttpResponse<byte[]> r = http.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'")
                    && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }
}
