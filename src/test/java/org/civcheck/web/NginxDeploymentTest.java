package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reverse proxy of docs/deployment.md, as shipped in {@code examples/deploy/nginx.conf}, run by a
 * real nginx in front of a real service: checked by {@code nginx -t}, then an upload and the
 * health check pass through it, the second instance of the example being down (nginx takes the
 * other). Only the addresses are changed, to free ports. Skipped where nginx is not installed
 * ({@code .ci/run} installs nginx-light). Slow: it starts the service.
 */
@Tag("slow")
class NginxDeploymentTest {

    private static final Path EXAMPLE = Path.of("examples", "deploy", "nginx.conf");

    @TempDir
    Path dir;

    private ServeProcess service;
    private Process nginx;

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (service != null) {
            service.kill();
        }
    }

    @Test
    void theExampleConfigurationPassesUploadsAndTheHealthCheckToAnInstance() throws Exception {
        String binary = nginx();
        assumeTrue(binary != null, "nginx is not installed (.ci/run installs nginx-light)");
        service = ServeProcess.onDatabase("jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath(), dir);
        int proxyPort = freePort();
        int downPort = freePort();
        String site = Files.readString(EXAMPLE, StandardCharsets.UTF_8)
                .replace("127.0.0.1:7071", "127.0.0.1:" + service.uri("/").getPort())
                .replace("127.0.0.1:7072", "127.0.0.1:" + downPort)
                .replace("listen 80;", "listen 127.0.0.1:" + proxyPort + ";");
        assertTrue(site.contains("127.0.0.1:" + proxyPort), "the example listens where the test can replace it");
        Files.writeString(dir.resolve("civcheck.conf"), site, StandardCharsets.UTF_8);
        Path main = dir.resolve("nginx.conf");
        Files.writeString(main, mainConfig(), StandardCharsets.UTF_8);

        Process test = new ProcessBuilder(binary, "-t", "-p", dir.toString(), "-c", main.toString())
                .redirectErrorStream(true).start();
        String checked = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(test.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, test.exitValue(), checked);

        nginx = new ProcessBuilder(binary, "-p", dir.toString(), "-c", main.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        waitForPort(proxyPort);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI proxy = URI.create("http://127.0.0.1:" + proxyPort);

        HttpResponse<byte[]> upload = client.send(HttpRequest.newBuilder(proxy.resolve("/api/assessments"))
                .timeout(Duration.ofMinutes(2)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(Http.example("well-run-library.json"))).build(), BodyHandlers.ofByteArray());
        assertEquals(201, upload.statusCode(), Http.text(upload) + "\n" + log());
        String id = Http.json(upload).path("id").asText();
        HttpResponse<byte[]> page = client.send(HttpRequest.newBuilder(proxy.resolve("/assessments/" + id))
                .timeout(Duration.ofMinutes(1)).build(), BodyHandlers.ofByteArray());
        assertEquals(200, page.statusCode(), log());
        assertTrue(Http.text(page).contains("××市图书馆"), "the results page through the proxy");
        HttpResponse<byte[]> health = client.send(HttpRequest.newBuilder(proxy.resolve("/health"))
                .timeout(Duration.ofMinutes(1)).build(), BodyHandlers.ofByteArray());
        assertEquals(200, health.statusCode(), Http.text(health) + "\n" + log());
    }

    /** A main configuration around the example site, with every path nginx writes under the test's folder. */
    private String mainConfig() {
        String d = dir.toAbsolutePath().toString();
        boolean root = "root".equals(System.getProperty("user.name"));
        return (root ? "user root;\n" : "") + """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %1$s/civcheck.conf;
                }
                """.formatted(d);
    }

    private String log() throws IOException {
        Path error = dir.resolve("error.log");
        return Files.exists(error) ? "nginx: " + Files.readString(error) : "";
    }

    private static String nginx() {
        for (String candidate : new String[] {"/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void waitForPort(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!nginx.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("nginx did not start: " + Files.readString(dir.resolve("nginx.out")) + log());
                }
                Thread.sleep(100);
            }
        }
    }
}
