package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.CriteriaRecord;
import org.civcheck.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database, each with its own copy of the criteria: a reload on one is
 * followed by the other when its files agree; when they do not, the other says so and scores
 * nothing until its files agree again.
 */
class CriteriaInForceTest {

    /** Long enough never to poll by itself: the test polls when it wants to. */
    static final Duration NEVER = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void aReloadOnOneIsFollowedByTheOtherAndDifferentFilesStopTheOtherScoringUntilTheyAgree() throws Exception {
        Path filesA = copyCriteria("a");
        Path filesB = copyCriteria("b");
        CriteriaRegistry a = registry(filesA);
        CriteriaRegistry b = registry(filesB);
        List<String> saidByB = new ArrayList<>();
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("civcheck").toAbsolutePath());
                CriteriaInForce inA = CriteriaInForce.start(a, new CriteriaRecord(db.dataSource()), "a", NEVER, s -> { });
                CriteriaInForce inB = CriteriaInForce.start(b, new CriteriaRecord(db.dataSource()), "b", NEVER, saidByB::add)) {
            AssessmentService serviceB = new AssessmentService(b, new EvidencePackageReader(ReadLimits.defaults()),
                    new AssessmentStore(db.dataSource()));
            serviceB.refuseWhile(inB::outOfStep);
            String first = a.current().sha256();
            assertEquals(first, b.current().sha256(), "the same files give the same hash");

            // the same edit on both machines, reloaded through A: B follows without a reload of its own
            edit(filesA);
            edit(filesB);
            assertTrue(a.reload().ok());
            assertNotEquals(first, a.current().sha256());
            inB.poll();
            assertEquals(a.current().sha256(), b.current().sha256(), "B reloaded its files and agrees");
            assertEquals(a.current().sha256(), inB.recorded().orElseThrow().sha256());
            assertTrue(inB.outOfStep().isEmpty());

            // an edit on A only: B's files give another hash, and B scores nothing
            Path yaml = filesA.resolve("provincial/criteria.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("atRiskMargin: 5", "atRiskMargin: 4"));
            assertTrue(a.reload().ok());
            inB.poll();
            assertNotEquals(a.current().sha256(), b.current().sha256());
            String reason = inB.outOfStep().orElseThrow();
            assertTrue(reason.contains("不一致") && reason.contains("a"), reason);
            assertTrue(saidByB.stream().anyMatch(line -> line.startsWith("警告") && line.contains("不一致")), saidByB.toString());
            byte[] pkg = Files.readAllBytes(TestApp.EXAMPLES.resolve("well-run-library.json"));
            CriteriaOutOfStepException refused = assertThrows(CriteriaOutOfStepException.class,
                    () -> serviceB.check(pkg, "package.json", false));
            assertTrue(refused.getMessage().contains("暂停评分"), refused.getMessage());

            // B's files put right and loaded: B scores again, and A follows B's record
            Path yamlB = filesB.resolve("provincial/criteria.yaml");
            Files.writeString(yamlB, Files.readString(yamlB).replace("atRiskMargin: 5", "atRiskMargin: 4"));
            assertTrue(b.reload().ok());
            assertTrue(inB.outOfStep().isEmpty());
            assertTrue(serviceB.check(pkg, "package.json", false).stored().isPresent());
            inA.poll();
            assertTrue(inA.outOfStep().isEmpty());
            assertEquals(a.current().sha256(), b.current().sha256());
        }
    }

    private static CriteriaRegistry registry(Path criteria) {
        CriteriaRegistry registry = new CriteriaRegistry(criteria, Path.of("rules"));
        assertTrue(registry.reload().ok());
        return registry;
    }

    private static void edit(Path criteria) throws IOException {
        Path yaml = criteria.resolve("provincial/criteria.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("passScore: 85", "passScore: 80"));
    }

    private Path copyCriteria(String name) throws IOException {
        Path target = dir.resolve(name);
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
}
