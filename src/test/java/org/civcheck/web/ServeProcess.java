package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code civcheck serve} with the given arguments in a child JVM on this test's classpath; it
 * reports the port it chose on its standard output, which is kept for failure messages.
 */
final class ServeProcess {

    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
    /** On a shared 2-core machine at load 16 a start (schema, rules) took over 40 s. */
    private static final long START_SECONDS = 120;

    private final Process process;
    private final int port;
    private final StringBuffer log;
    private final Path stderr;

    private ServeProcess(Process process, int port, StringBuffer log, Path stderr) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.stderr = stderr;
    }

    /** Starts {@code java <jvm…> org.civcheck.cli.Main serve <args…>} and waits until it listens. */
    static ServeProcess start(Path dir, List<String> jvm, List<String> args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path stderr = Files.createTempFile(dir, "serve-", ".err");
        List<String> command = new ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8"));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.civcheck.cli.Main", "serve"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectError(stderr.toFile()).start();
        StringBuffer log = new StringBuffer();
        CountDownLatch up = new CountDownLatch(1);
        AtomicInteger port = new AtomicInteger();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (up.getCount() > 0 && line.contains("已启动") && m.find()) {
                        port.set(Integer.parseInt(m.group(1)));
                        up.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed
            }
        }, "serve-stdout");
        reader.setDaemon(true);
        reader.start();
        ServeProcess starting = new ServeProcess(process, 0, log, stderr);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
            while (!up.await(100, TimeUnit.MILLISECONDS)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    fail("serve did not start (exit " + (process.isAlive() ? "none" : process.exitValue()) + "):\n"
                            + log + "\n" + Files.readString(stderr));
                }
            }
            return new ServeProcess(process, port.get(), log, stderr);
        } catch (Throwable e) {
            starting.kill();
            throw e;
        }
    }

    /** {@code serve --port 0 --db jdbcUrl} in a child JVM of 256 MiB. */
    static ServeProcess onDatabase(String jdbcUrl, Path dir) throws Exception {
        return onDatabase(jdbcUrl, dir, "-Xmx256m");
    }

    /** As {@link #onDatabase(String, Path)}, the child JVM with {@code heap} ({@code -Xmx…}). */
    static ServeProcess onDatabase(String jdbcUrl, Path dir, String heap) throws Exception {
        return start(dir, List.of("-Dsun.stdout.encoding=UTF-8", heap), List.of("--port", "0", "--db", jdbcUrl));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** What it wrote so far: standard output, then standard error. */
    String log() {
        try {
            return log + "\n--- stderr ---\n" + Files.readString(stderr);
        } catch (IOException e) {
            return log.toString();
        }
    }

    /** What the service wrote to its standard error so far (its log). */
    String errors() throws IOException {
        return Files.readString(stderr);
    }

    Process process() {
        return process;
    }

    /** SIGKILL (destroyForcibly on Linux), and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
