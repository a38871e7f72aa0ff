package org.civcheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.civcheck.criteria.CriteriaLoader;
import org.civcheck.criteria.CriteriaLoading;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.RuleBaseBuilder;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;
import org.civcheck.web.AssessmentService;
import org.civcheck.web.Examples;
import org.civcheck.web.WebApp;

/**
 * Runs the measurements of one {@link BenchConfig}, in this order: the KieBase build (cold must be
 * the first in the JVM), reading and scoring each package size, then the service on loopback.
 * Progress lines go to {@code progress}; the figures come back as a {@link BenchResult}.
 */
public final class Benchmark {

    /** The criteria or rules do not load: nothing can be measured. */
    public static final class SetupException extends RuntimeException {
        private final List<CriteriaProblem> problems;

        SetupException(List<CriteriaProblem> problems) {
            super("criteria or rules do not load: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<CriteriaProblem> problems() {
            return problems;
        }
    }

    private final BenchConfig config;
    /** Keeps results alive so the JIT cannot drop the work measured. */
    private long sink;

    public Benchmark(BenchConfig config) {
        this.config = config;
    }

    public BenchResult run(Consumer<String> progress) {
        String loadBefore = Machine.loadAverage();
        Machine machine = Machine.describe();
        long peak = 0;

        progress.accept("构建规则库（KieBase）……");
        HeapWatch heap = HeapWatch.start();
        RuleBaseBuilder builder = new RuleBaseBuilder();
        long t0 = System.nanoTime();
        RuleBaseBuilder.Building cold = builder.build(config.rulesDir());
        long coldNanos = System.nanoTime() - t0;
        if (!cold.isBuilt()) {
            throw new SetupException(cold.problems());
        }
        long[] warm = new long[Math.max(1, config.kieRebuilds())];
        for (int i = 0; i < warm.length; i++) {
            t0 = System.nanoTime();
            RuleBaseBuilder.Building again = new RuleBaseBuilder().build(config.rulesDir());
            warm[i] = System.nanoTime() - t0;
            sink += again.ruleBase().fileCount();
        }
        peak = Math.max(peak, heap.peakBytes());
        CriteriaLoading criteria = org.civcheck.engine.CheckKind.loader(cold).load(config.criteriaDir());
        if (!criteria.isLoaded()) {
            throw new SetupException(criteria.problems());
        }
        Assessor assessor = new Assessor(criteria.criteria(), cold.ruleBase());
        var kie = new BenchResult.KieBuild(coldNanos, Stats.of(warm), cold.ruleBase().fileCount());

        // The service first: what the large packages leave on the heap must not weigh on it.
        progress.accept("HTTP：POST /api/assessments，" + config.httpActivities() + " 条活动……");
        BenchResult.Http http = http(assessor);
        peak = Math.max(peak, http.peakHeapBytes());

        List<BenchResult.Scoring> scoring = new ArrayList<>();
        for (int size : config.sizes()) {
            progress.accept("读取与评分：" + size + " 条活动……");
            BenchResult.Scoring s = score(assessor, size);
            scoring.add(s);
            peak = Math.max(peak, s.peakHeapBytes());
        }
        return new BenchResult(machine, loadBefore, Machine.loadAverage(), config, kie, scoring, http, peak);
    }

    /**
     * One package size. The floor (Jackson's tree of the package) is measured in a loop of its
     * own, before the scoring loop and with a collection between: a tree of 100,000 activities
     * is some 300 MiB, and measured in turn with each scoring it left that garbage to be
     * collected during the scoring, which production never has. Peak heap and collections are
     * the scoring loop's: what the service needs.
     */
    private BenchResult.Scoring score(Assessor assessor, int size) {
        int warmups = config.warmupsFor(size);
        int runs = config.runsFor(size);
        HeapWatch heap = HeapWatch.start();
        try {
            byte[] json = SyntheticPackages.json(size);
            ObjectMapper plain = new ObjectMapper();
            long[] parse = new long[runs];
            for (int i = -warmups; i < runs; i++) {
                long t0 = System.nanoTime();
                JsonNode tree = parse(plain, json);
                long t1 = System.nanoTime();
                sink += tree.size();
                if (i >= 0) {
                    parse[i] = t1 - t0;
                }
            }
            heap = HeapWatch.start();
            EvidencePackageReader reader = new EvidencePackageReader(ReadLimits.defaults());
            long[] read = new long[runs];
            long[] assess = new long[runs];
            long[] total = new long[runs];
            String verdict = null;
            int warnings = 0;
            for (int i = -warmups; i < runs; i++) {
                long t1 = System.nanoTime();
                PackageReading reading = reader.read(json, "bench-" + size + ".json");
                long t2 = System.nanoTime();
                if (!reading.isAccepted()) {
                    throw new IllegalStateException("synthetic package of " + size + " activities refused: "
                            + reading.faults().subList(0, Math.min(5, reading.faults().size())));
                }
                Assessment a = assessor.assess(reading.evidence(), reading.warnings(), false);
                long t3 = System.nanoTime();
                verdict = a.verdict();
                warnings = reading.warnings().size();
                reading = null;
                a = null;
                if (i >= 0) {
                    read[i] = t2 - t1;
                    assess[i] = t3 - t2;
                    total[i] = t3 - t1;
                }
            }
            long peakBytes = heap.peakBytes();
            long collections = heap.collections();
            long collectionMillis = heap.collectionMillis();
            int bytes = json.length;
            json = null;
            return new BenchResult.Scoring(size, bytes, warmups, runs, Stats.of(parse), Stats.of(read),
                    Stats.of(assess), Stats.of(total), verdict, warnings, peakBytes, collections,
                    collectionMillis, HeapWatch.liveBytes(), false);
        } catch (OutOfMemoryError e) {
            long peak = heap.peakBytes();
            System.gc();
            return new BenchResult.Scoring(size, 0, warmups, runs, null, null, null, null, null, 0, peak,
                    heap.collections(), heap.collectionMillis(), HeapWatch.liveBytes(), true);
        }
    }

    private static JsonNode parse(ObjectMapper plain, byte[] json) {
        try {
            return plain.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BenchResult.Http http(Assessor assessor) {
        byte[] body = SyntheticPackages.json(config.httpActivities());
        Path dir;
        try {
            dir = Files.createTempDirectory("civcheck-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HeapWatch heap = HeapWatch.start();
        Database database = Database.open("jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck"));
        ReadLimits limits = ReadLimits.defaults();
        AssessmentService service = new AssessmentService(() -> assessor, new EvidencePackageReader(limits),
                new AssessmentStore(database.dataSource()));
        Javalin app = WebApp.create(service, new Examples(config.examplesDir()), limits.maxPackageBytes())
                .start("127.0.0.1", 0);
        int maxClients = config.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
        ExecutorService pool = Executors.newFixedThreadPool(maxClients);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/assessments");
        try {
            load(client, pool, uri, body, 1, config.httpWarmups());
            List<BenchResult.HttpLevel> levels = new ArrayList<>();
            for (int clients : config.concurrency()) {
                levels.add(load(client, pool, uri, body, clients, config.httpRequests()));
            }
            return new BenchResult.Http(config.httpActivities(), body.length, false, levels, heap.peakBytes());
        } finally {
            pool.shutdownNow();
            app.stop();
            database.close();
            deleteQuietly(dir);
        }
    }

    /** {@code requests} POSTs shared among {@code clients} threads, each sending one after another. */
    private static BenchResult.HttpLevel load(HttpClient client, ExecutorService pool, URI uri, byte[] body,
            int clients, int requests) {
        long[] latency = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        List<Future<?>> running = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    latency[i] = System.nanoTime() - t0;
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("HTTP client failed", e);
            }
        }
        long wall = System.nanoTime() - start;
        return new BenchResult.HttpLevel(clients, requests, wall, Stats.of(latency), failures.get());
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
