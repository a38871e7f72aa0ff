package org.civcheck.web;

import static org.civcheck.web.Http.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other web sites cannot use a browser to reach the service on 127.0.0.1 (DNS rebinding, cross-site posts). */
class LoopbackGuardTest {

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

    private static int port() {
        return app.uri("/").getPort();
    }

    private static long stored() {
        return Http.json(new Http(app).get("/api/assessments")).path("total").asLong();
    }

    /** Sends a raw request (the JDK client will not set Host or Origin) and returns the status line. */
    private static String send(String requestHead, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.lines().findFirst().orElse("");
        }
    }

    @Test
    void aRequestNamingAnotherHostIsRefused() throws IOException {
        String status = send("GET /api/assessments HTTP/1.1\r\nHost: attacker.example:" + port()
                + "\r\nConnection: close\r\n\r\n", new byte[0]);
        assertTrue(status.contains(" 403 "), status);
    }

    @Test
    void aRequestNamingLocalhostIsServed() throws IOException {
        String status = send("GET /health HTTP/1.1\r\nHost: localhost:" + port()
                + "\r\nConnection: close\r\n\r\n", new byte[0]);
        assertTrue(status.contains(" 200 "), status);
    }

    @Test
    void aCrossSiteUploadIsRefusedAndStoresNothing() throws IOException {
        long before = stored();
        byte[] body = example("seed-district-office.json");
        String status = send("POST /api/assessments HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nOrigin: http://attacker.example\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n", body);
        assertTrue(status.contains(" 403 "), status);
        assertEquals(before, stored(), "nothing stored");
    }

    @Test
    void anUploadFromTheServicesOwnPageIsAccepted() throws IOException {
        byte[] body = example("seed-district-office.json");
        String status = send("POST /api/assessments?dryRun=true HTTP/1.1\r\nHost: 127.0.0.1:" + port()
                + "\r\nOrigin: http://127.0.0.1:" + port() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n", body);
        assertTrue(status.contains(" 200 "), status);
    }

    @Test
    void hostNamesAreReadWithoutTheirPort() {
        assertEquals("127.0.0.1", LoopbackGuard.hostName("127.0.0.1:7070"));
        assertEquals("[::1]", LoopbackGuard.hostName("[::1]:7070"));
        assertEquals("localhost", LoopbackGuard.hostName("LOCALHOST"));
    }
}
