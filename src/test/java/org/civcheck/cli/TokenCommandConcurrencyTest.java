package org.civcheck.cli;

import static org.civcheck.cli.CheckCommandTest.civcheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code civcheck token add} and {@code remove} run at the same time, from threads of one JVM and
 * from several processes: each holds the access file's lock for its load-change-save, so no run
 * loses another's token.
 */
class TokenCommandConcurrencyTest {

    static final int THREADS = 8;
    static final int ADDS_PER_THREAD = 10;

    @TempDir
    Path dir;

    @Test
    void concurrentAddsInOneProcessKeepEveryToken() throws Exception {
        Path file = dir.resolve("access.json");
        List<String> tokens = inThreads(THREADS, t -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < ADDS_PER_THREAD; i++) {
                mine.add(tokenOf(civcheck("token", "add", "--unit", "u" + t + "-" + i, "--file", file.toString())));
            }
            return mine;
        });

        assertEquals(THREADS * ADDS_PER_THREAD, new TreeSet<>(tokens).size(), "every run printed its own token");
        assertEveryTokenIsIn(file, tokens);
        assertEquals(tokens.size(), AccessConfig.load(file).entries().size(), "and no other");
        assertEquals(List.of("access.json", "access.json.lock"), listing(dir), "no temporary file left behind");
    }

    @Test
    void concurrentAddsAndRemovesLoseNeitherChange() throws Exception {
        Path file = dir.resolve("access.json");
        AccessConfig config = new AccessConfig(List.of());
        List<String> doomed = new ArrayList<>();
        for (int i = 0; i < THREADS * 2; i++) {
            AccessConfig.Added added = config.add(AccessEntry.Role.UNIT, "old-" + i);
            doomed.add(added.entry().id());
            config = added.config();
        }
        config.save(file);

        List<String> added = inThreads(THREADS, t -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                CheckCommandTest.Run remove = civcheck("token", "remove", doomed.get(t * 2 + i), "--file", file.toString());
                assertEquals(0, remove.exit(), remove.err());
                mine.add(tokenOf(civcheck("token", "add", "--unit", "new-" + t + "-" + i, "--file", file.toString())));
            }
            return mine;
        });

        AccessConfig after = AccessConfig.load(file);
        assertEveryTokenIsIn(file, added);
        assertTrue(doomed.stream().allMatch(id -> after.find(id).isEmpty()), "every removed token stays removed");
        assertEquals(added.size(), after.entries().size());
    }

    @Test
    void concurrentAddsFromSeveralProcessesKeepEveryToken() throws Exception {
        Path file = dir.resolve("access.json");
        Path go = dir.resolve("go");
        int processes = 3;
        List<Process> started = new ArrayList<>();
        try {
            for (int p = 0; p < processes; p++) {
                started.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Xmx128m",
                        "-cp", System.getProperty("java.class.path"), Adds.class.getName(),
                        file.toString(), go.toString(), "p" + p, "2", "8")
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process process : started) {
                BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("ready", out.readLine(), "the child process started");
                outputs.add(out);
            }
            Files.createFile(go);

            List<String> tokens = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                outputs.get(p).lines().forEach(tokens::add);
                assertTrue(started.get(p).waitFor(60, TimeUnit.SECONDS), "the child process finished");
                assertEquals(0, started.get(p).exitValue(), "every add in the child process succeeded");
            }

            assertEquals(processes * 2 * 8, new TreeSet<>(tokens).size(), "every run printed its own token");
            assertEveryTokenIsIn(file, tokens);
            assertEquals(tokens.size(), AccessConfig.load(file).entries().size(), "and no other");
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    /**
     * A child process for the test above: waits for the go file, then runs {@code token add} from
     * several threads and prints each new token on a line. Arguments: file, go file, unit prefix,
     * threads, adds per thread.
     */
    static final class Adds {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            Path go = Path.of(args[1]);
            int threads = Integer.parseInt(args[3]);
            int adds = Integer.parseInt(args[4]);
            System.out.println("ready");
            System.out.flush();
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            List<String> tokens = inThreads(threads, t -> {
                List<String> mine = new ArrayList<>();
                for (int i = 0; i < adds; i++) {
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                            "token", "add", "--unit", args[2] + "-" + t + "-" + i, "--file", file.toString());
                    if (exit != 0) {
                        throw new IllegalStateException("token add failed (exit " + exit + "): " + err);
                    }
                    mine.add(tokenOf(new CheckCommandTest.Run(exit, out.toString(), err.toString())));
                }
                return mine;
            });
            tokens.forEach(System.out::println);
        }
    }

    interface Worker {
        List<String> run(int thread) throws Exception;
    }

    /** Runs {@code worker} on {@code threads} threads released together; everything they returned. */
    static List<String> inThreads(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit((Callable<List<String>>) () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return worker.run(thread);
                }));
            }
            List<String> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<String>> f : futures) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The token a successful {@code token add} printed on its last line. */
    static String tokenOf(CheckCommandTest.Run add) {
        assertEquals(0, add.exit(), add.err());
        String[] lines = add.out().strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    static void assertEveryTokenIsIn(Path file, List<String> tokens) {
        AccessConfig config = AccessConfig.load(file);
        List<String> lost = tokens.stream().filter(t -> config.match(t).isEmpty()).toList();
        assertTrue(lost.isEmpty(), lost.size() + " of " + tokens.size() + " tokens were lost");
    }

    static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
