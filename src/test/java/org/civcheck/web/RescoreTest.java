package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.engine.Verdicts;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.Database;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-scoring every unit after a criteria change, on H2 in this process: the runs go through
 * db-scheduler's queue in the database; a run stopped half way resumes in a new scheduler on the
 * same file and scores each unit once; the impact names the units whose verdict changed, and which way.
 */
@Tag("slow")
class RescoreTest {

    static final int UNITS = 10;
    static final Duration WAIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void aLowerPassLineRescoresEveryUnitOnceEvenAcrossARestartAndNamesThoseThatImproved() throws Exception {
        Path criteria = copyCriteria();
        CriteriaRegistry registry = new CriteriaRegistry(criteria, Path.of("rules"));
        assertTrue(registry.reload().ok());
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath())) {
            AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(ReadLimits.defaults()),
                    new AssessmentStore(db.dataSource()));
            seed(service);
            Map<String, String> before = verdicts(service);
            assertEquals(UNITS, before.size());

            // the criteria change: a pass line of 60, which brings the seed-like office (59 points) within the
            // margin of it (存在风险); the rushing unit stays at risk on a key indicator, the library ready
            Path yaml = criteria.resolve("provincial/criteria.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("passScore: 85", "passScore: 60"));
            assertTrue(registry.reload().ok());

            String runId;
            Rescores first = Rescores.start(service, db.dataSource(), "first", Rescores.Settings.defaults());
            try {
                runId = first.begin("t-author", null, null).id();
                // stopped once some units are done (or all, on a fast machine): the rest wait in the queue
                waitFor(() -> first.report(runId).orElseThrow().done() > 0, "a first unit re-scored");
            } finally {
                first.close();
            }
            Rescores second = Rescores.start(service, db.dataSource(), "second", Rescores.Settings.defaults());
            RescoreReport report;
            try {
                waitFor(() -> second.report(runId).orElseThrow().finished(), "the run finished after the restart");
                report = second.report(runId).orElseThrow();
                // a unit's task run again (a retry, a revived execution) scores nothing more
                second.rescoreUnit(runId, "rescore-u00");
            } finally {
                second.close();
            }

            assertEquals(UNITS, report.total());
            assertEquals(UNITS, report.done());
            assertEquals(0, report.failed());
            Map<String, List<AssessmentSummary>> history = service.list(null, 1, 100).items().stream()
                    .collect(Collectors.groupingBy(AssessmentSummary::unitId));
            for (int i = 0; i < UNITS; i++) {
                String unit = unit(i);
                assertEquals(2, history.get(unit).size(), unit + " scored once by the run: " + history.get(unit));
            }
            List<String> improved = java.util.stream.IntStream.range(0, UNITS).filter(i -> i % 3 == 2)
                    .mapToObj(RescoreTest::unit).toList();
            assertEquals(improved, report.changes().stream().map(RescoreReport.Change::unit).sorted().toList(),
                    "the units that changed: the seed-like offices, and only they; before " + before);
            assertEquals(improved.size(), report.better());
            assertEquals(0, report.worse());
            assertTrue(report.changes().stream().allMatch(c -> c.better() && c.before().equals(Verdicts.NOT_READY)
                    && before.get(c.unit()).equals(c.before())), report.changes().toString());
            assertTrue(report.summary().contains("结论变化 " + improved.size() + " 个：好转 " + improved.size() + " 个，变差 0 个"),
                    report.summary());
        }
    }

    @Test
    void aRunOverSomeUnitsOnlyTouchesThoseAndAnUnknownSetIsRefused() throws Exception {
        CriteriaRegistry registry = new CriteriaRegistry(copyCriteria(), Path.of("rules"));
        assertTrue(registry.reload().ok());
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("some").toAbsolutePath())) {
            AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(ReadLimits.defaults()),
                    new AssessmentStore(db.dataSource()));
            seed(service);
            Rescores rescores = Rescores.start(service, db.dataSource(), "only", Rescores.Settings.defaults());
            try {
                String runId = rescores.begin("t-author", null, List.of(unit(1), unit(2), "no-such-unit")).id();
                waitFor(() -> rescores.report(runId).orElseThrow().finished(), "the run finished");
                RescoreReport report = rescores.report(runId).orElseThrow();
                assertEquals(2, report.total(), "units without an assessment are not in the run");
                assertEquals(0, report.changed(), "the same criteria give the same verdicts");
                assertTrue(report.summary().contains("结论变化 0 个"), report.summary());
                try {
                    rescores.begin("t-author", "no-such-set", null);
                    fail("an unknown set starts no run");
                } catch (UnknownCriteriaSetException expected) {
                    // the API answers 422
                }
            } finally {
                rescores.close();
            }
            assertEquals(UNITS + 2, service.list(null, 1, 100).total());
        }
    }

    private Path copyCriteria() throws IOException {
        Path target = dir.resolve("criteria");
        Path source = Path.of("criteria", "provincial");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve("provincial").resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    /** UNITS units, alternately a well-run library and a unit rushing before the inspection. */
    static void seed(AssessmentService service) {
        List<String> examples = List.of("well-run-library.json", "rushed-before-inspection.json", "seed-district-office.json");
        for (int i = 0; i < UNITS; i++) {
            ObjectNode pkg = Http.exampleTree(examples.get(i % examples.size()));
            ((ObjectNode) pkg.get("unit")).put("id", unit(i));
            service.check(Http.bytes(pkg), "package.json", false);
        }
    }

    static String unit(int i) {
        return String.format("rescore-u%02d", i);
    }

    private static Map<String, String> verdicts(AssessmentService service) {
        return service.latestPerUnit(null).stream().collect(Collectors.toMap(AssessmentSummary::unitId,
                AssessmentSummary::verdict));
    }

    static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + WAIT.toMinutes() + " minutes: " + what);
            }
            Thread.sleep(200);
        }
    }
}
