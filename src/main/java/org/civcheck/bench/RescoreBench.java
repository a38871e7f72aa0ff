package org.civcheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;
import org.civcheck.store.RescoreStore;
import org.civcheck.web.AssessmentService;
import org.civcheck.web.RescoreReport;
import org.civcheck.web.Rescores;

/**
 * Re-scoring throughput: {@code units} units (the example packages in turn, as uploaded by the
 * units) stored in a database, then one run re-scores them all through the background queue,
 * worked by {@code instances} schedulers in this process (each as a separate instance would, with
 * its own threads; they share this process's CPU). Reports units per second in all and per
 * instance, from the first unit queued to the run's end.
 */
public final class RescoreBench {

    /** What one run measured. */
    public record Result(int units, int instances, int threadsPerInstance, String database, double seconds,
            Map<String, Integer> unitsByInstance) {

        public double unitsPerSecond() {
            return units / seconds;
        }

        public String text() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "全部单位重新评分（%,d 个单位，%d 个实例，每个实例 %d 个线程，%s）%n  用时 %.1f 秒，合计 %.1f 个单位/秒%n",
                    units, instances, threadsPerInstance, database, seconds, unitsPerSecond()));
            unitsByInstance.forEach((name, n) -> out.append(String.format(Locale.ROOT, "  实例 %s：%,d 个单位，%.1f 个单位/秒%n",
                    name, n, n / seconds)));
            return out.toString();
        }
    }

    private static final List<String> EXAMPLES = List.of("well-run-library.json", "rushed-before-inspection.json",
            "seed-district-office.json");

    private RescoreBench() {}

    /**
     * Measures on {@code jdbcUrl} (null: a new H2 file in a temporary folder), with the criteria and
     * rules given and the example packages of {@code examples}.
     */
    public static Result run(int units, int instances, String jdbcUrl, Path criteria, Path rules, Path examples,
            Consumer<String> progress) throws InterruptedException {
        CriteriaRegistry registry = new CriteriaRegistry(criteria, rules);
        if (!registry.reload().ok()) {
            throw new IllegalStateException("the criteria do not load: " + registry.status().lastAttempt().problems());
        }
        Path temp = null;
        String url = jdbcUrl;
        try {
            if (url == null) {
                temp = Files.createTempDirectory("civcheck-rescore-bench");
                url = "jdbc:h2:file:" + temp.resolve("civcheck").toAbsolutePath();
            }
            try (Database db = Database.open(url)) {
                AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(ReadLimits.defaults()),
                        new AssessmentStore(db.dataSource()));
                String prefix = "bench-" + Long.toHexString(System.nanoTime()) + "-";
                List<String> ids = new ArrayList<>();
                ObjectMapper json = new ObjectMapper();
                List<ObjectNode> packages = new ArrayList<>();
                for (String file : EXAMPLES) {
                    packages.add((ObjectNode) json.readTree(examples.resolve(file).toFile()));
                }
                progress.accept("重新评分基准：保存 " + units + " 个单位的证据包……");
                for (int i = 0; i < units; i++) {
                    ObjectNode pkg = packages.get(i % packages.size()).deepCopy();
                    String id = prefix + i;
                    ((ObjectNode) pkg.get("unit")).put("id", id);
                    service.check(json.writeValueAsBytes(pkg), "package.json", false);
                    ids.add(id);
                }
                Rescores.Settings settings = Rescores.Settings.defaults();
                List<Rescores> workers = new ArrayList<>();
                try {
                    for (int i = 0; i < instances; i++) {
                        workers.add(Rescores.start(service, db.dataSource(), "bench-" + (i + 1), settings));
                    }
                    progress.accept("重新评分基准：开始重新评分……");
                    long start = System.nanoTime();
                    String run = workers.get(0).begin("bench", null, ids).id();
                    RescoreReport report;
                    while (!(report = workers.get(0).report(run).orElseThrow()).finished()) {
                        Thread.sleep(50);
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Map<String, Integer> byInstance = new TreeMap<>();
                    for (RescoreStore.Unit u : new RescoreStore(db.dataSource()).units(run)) {
                        byInstance.merge(u.doneBy(), 1, Integer::sum);
                    }
                    return new Result(report.total(), instances, settings.threads(), jdbcUrl == null ? "H2" : db.describe(),
                            seconds, byInstance);
                } finally {
                    workers.forEach(Rescores::close);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
