package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civcheck.web.access.Access;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients that send slowly, or send much, cannot take the service from everyone else: bodies
 * trickling in on {@value #SLOW} connections leave {@code /health} answering at once, and the
 * answers that need no body (401, 415, 503) come without waiting for the body, chunked or not.
 */
class SlowClientsTest {

    static final int SLOW = 300;

    @TempDir
    Path dir;

    private TestApp app;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void threeHundredSlowUploadsLeaveHealthAnsweringAtOnce() throws Exception {
        app = TestApp.start(dir);
        slowBodies("/api/assessments", "application/json", null);

        assertHealthAnswersWithin(Duration.ofSeconds(3));
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void threeHundredSlowBodiesWithoutATokenLeaveHealthAnsweringAtOnce() throws Exception {
        app = TestApp.startWithAccess(dir, access());
        slowBodies("/api/assessments", "application/json", null);

        assertHealthAnswersWithin(Duration.ofSeconds(3));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChunkedBodyOfAnUnsupportedTypeIsAnsweredWithoutReadingIt() throws Exception {
        app = TestApp.start(dir);

        String answer = headersThenSomeChunks("/api/assessments", "text/plain", null);

        assertTrue(answer.startsWith("HTTP/1.1 415"), answer);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChunkedBodyWithoutATokenIsAnsweredWithoutReadingIt() throws Exception {
        app = TestApp.startWithAccess(dir, access());

        String answer = headersThenSomeChunks("/api/assessments", "application/json", null);

        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aChunkedBodyWithAWrongTokenIsAnsweredWithoutReadingIt() throws Exception {
        app = TestApp.startWithAccess(dir, access());

        String answer = headersThenSomeChunks("/api/assessments", "application/json", "Bearer not-a-token");

        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void uploadsOverTheCapAreAnswered503WithRetryAfterAtOnce() throws Exception {
        app = TestApp.startWithLimits(dir, ServerLimits.defaults().withMaxConcurrentUploads(2), null);
        // two uploads whose bodies never finish hold the two places
        for (int i = 0; i < 2; i++) {
            Socket s = open();
            send(s, "POST /api/assessments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{");
        }
        Thread.sleep(300);

        // no chunk at all: the answer must come from the headers alone, and nothing is left unread
        // for the server's close to turn into a reset before the client reads the answer
        String answer = headersThenChunks("/api/assessments", "application/json", null, 0);

        assertTrue(answer.startsWith("HTTP/1.1 503"), answer);
        assertTrue(answer.contains("Retry-After:"), answer);
    }

    /** {@value #SLOW} connections, each with headers sent and its declared body trickling in. */
    private void slowBodies(String path, String type, String authorization) throws IOException, InterruptedException {
        for (int i = 0; i < SLOW; i++) {
            Socket s = open();
            send(s, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Length: 100000\r\n\r\n{");
        }
        Thread.sleep(500);
        for (Socket s : sockets) {
            try {
                send(s, " ");
            } catch (IOException closed) {
                // answered and closed already
            }
        }
    }

    private void assertHealthAnswersWithin(Duration limit) {
        long began = System.nanoTime();
        HttpResponse<byte[]> health = new Http(app).get("/health");
        long took = (System.nanoTime() - began) / 1_000_000;
        assertEquals(200, health.statusCode(), Http.text(health));
        assertTrue(took < limit.toMillis(), "/health took " + took + " ms with " + SLOW + " slow clients");
    }

    /**
     * Sends the headers of a chunked POST and 64 KiB of chunks (a body that would go on for a
     * gigabyte), then reads the answer's first lines without sending more.
     */
    private String headersThenSomeChunks(String path, String type, String authorization) throws IOException {
        return headersThenChunks(path, type, authorization, 4);
    }

    /** As {@link #headersThenSomeChunks}, with {@code chunks} chunks of 16 KiB. */
    private String headersThenChunks(String path, String type, String authorization, int chunks) throws IOException {
        Socket s = open();
        s.setSoTimeout(10_000);
        send(s, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Transfer-Encoding: chunked\r\n\r\n");
        String chunk = "4000\r\n" + " ".repeat(0x4000) + "\r\n";
        try {
            for (int i = 0; i < chunks; i++) {
                send(s, chunk);
            }
        } catch (IOException answeredAndClosed) {
            // the server answered without reading and closed: what it answered is still to be read
        }
        try {
            InputStream in = s.getInputStream();
            byte[] head = new byte[2048];
            int n = in.read(head);
            return n <= 0 ? "(closed without an answer)" : new String(head, 0, n, StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            return "(no answer in 10 s: the server waits for the rest of the body)";
        }
    }

    private Socket open() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", app.uri("/").getPort()), 5000);
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static Access access() {
        AccessConfig.Added added = new AccessConfig(List.of()).add(AccessEntry.Role.AUTHOR, null);
        return Access.of(added.config());
    }
}
