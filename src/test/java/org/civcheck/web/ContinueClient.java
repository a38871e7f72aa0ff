package org.civcheck.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A POST the way curl sends a large body: headers with {@code Expect: 100-continue} first, the
 * body only once the server says "100 Continue"; a final answer instead (a refusal) ends it with
 * the body unsent. Java 17's HttpClient waits forever for a "100" that a refusal never sends
 * (JDK-8286171), hence this small client on a socket.
 */
final class ContinueClient {

    /** An answer: status, headers (lower-case names), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private ContinueClient() {}

    static Answer post(URI uri, String contentType, byte[] body, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String head = "POST " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Answer first = readHead(in);
            if (first.status() != 100) {
                return withBody(in, first);
            }
            out.write(body);
            out.flush();
            return withBody(in, readHead(in));
        }
    }

    private static Answer readHead(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) {
            throw new IOException("connection closed without an answer");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); l != null && !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        return new Answer(Integer.parseInt(status.split(" ")[1]), headers, new byte[0]);
    }

    private static Answer withBody(InputStream in, Answer head) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else if (head.headers().containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(head.headers().get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(head.status(), head.headers(), body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }
}
