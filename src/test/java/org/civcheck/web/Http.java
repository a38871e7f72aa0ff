package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** A plain HTTP client for the service, and what the tests read from its answers. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BOUNDARY = "civcheck-test-boundary-7MA4YWxkTrZu0gW";
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final TestApp app;

    Http(TestApp app) {
        this.app = app;
    }

    HttpResponse<byte[]> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<byte[]> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    HttpResponse<byte[]> delete(String path) {
        return send(request(path).DELETE().build());
    }

    HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        return post(path, contentType, BodyPublishers.ofByteArray(body));
    }

    /** A POST whose body is sent chunked, without a Content-Length. */
    HttpResponse<byte[]> postChunked(String path, String contentType, byte[] body) {
        return post(path, contentType, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    HttpResponse<byte[]> post(String path, String contentType, BodyPublisher body) {
        HttpRequest.Builder request = request(path).POST(body);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A browser-style form upload: one file field {@code field} named {@code filename}. */
    HttpResponse<byte[]> postForm(String path, String field, String filename, byte[] content) {
        return post(path, "multipart/form-data; boundary=" + BOUNDARY, multipart(field, filename, content));
    }

    /** A form upload as a browser's page sends it, asking for {@code accept} (e.g. text/html). */
    HttpResponse<byte[]> postForm(String path, String field, String filename, byte[] content, String accept) {
        return send(request(path).header("Accept", accept)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(BodyPublishers.ofByteArray(multipart(field, filename, content))).build());
    }

    static byte[] multipart(String field, String filename, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + BOUNDARY + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private HttpRequest.Builder request(String path) {
        URI uri = app.uri(path);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer to a request the service refuses before reading its body (415, or 413 by the
     * declared length), retried when the connection is reset: the service then closes with the body
     * unread and the reset can overtake its answer. That race is the subject of
     * {@code UploadLimitTest.everyOversizedUploadGetsItsAnswerNotAResetConnection}; other tests
     * only want the answer.
     */
    static HttpResponse<byte[]> refusedEarly(Supplier<HttpResponse<byte[]>> request) {
        UncheckedIOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return request.get();
            } catch (UncheckedIOException e) {
                last = e;
            }
        }
        throw last;
    }

    // --- reading answers -------------------------------------------------------------------------

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(response), e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /**
     * Asserts an RFC 9457 problem of {@code status}: application/problem+json, a Chinese title, the
     * status repeated in the body, and nothing of a stack trace. Returns the document.
     */
    static JsonNode assertProblem(int status, HttpResponse<byte[]> response) {
        String body = text(response);
        assertEquals(status, response.statusCode(), body);
        assertTrue(contentType(response).startsWith("application/problem+json"),
                "problem content type, was " + contentType(response) + ": " + body);
        JsonNode problem = json(response);
        assertEquals(status, problem.path("status").asInt(), body);
        assertTrue(problem.path("type").asText().startsWith("/problems/"), body);
        assertTrue(CHINESE.matcher(problem.path("title").asText()).find(), "a Chinese title: " + body);
        assertFalse(body.contains("Exception"), "no exception names: " + body);
        assertFalse(body.contains("at org."), "no stack trace: " + body);
        return problem;
    }

    // --- packages ------------------------------------------------------------------------------------

    static byte[] example(String file) {
        try {
            return Files.readAllBytes(TestApp.EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An editable copy of an example JSON package. */
    static ObjectNode exampleTree(String file) {
        try {
            return (ObjectNode) JSON.readTree(example(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path examplePath(String file) {
        return TestApp.EXAMPLES.resolve(file).toAbsolutePath();
    }
}
