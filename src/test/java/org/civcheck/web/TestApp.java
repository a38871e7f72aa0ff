package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;

/**
 * The service as {@code civcheck serve} wires it, on an H2 file in a test's folder (or a database
 * the test names) and a random port of 127.0.0.1: the project's criteria and rules, the examples folder, the default read limits
 * unless a test asks for a smaller upload limit.
 *
 * <pre>{@code
 * try (TestApp app = TestApp.start(tempDir)) { http.send(..., app.uri("/health")) }
 * }</pre>
 */
public final class TestApp implements AutoCloseable {

    public static final Path EXAMPLES = Path.of("examples");

    private static Assessor assessor;

    private final Database database;
    private final Javalin javalin;

    private TestApp(Database database, Javalin javalin) {
        this.database = database;
        this.javalin = javalin;
    }

    /** The app with the default upload limit, its database in {@code dir}. */
    public static TestApp start(Path dir) {
        return start(dir, ReadLimits.defaults().maxPackageBytes());
    }

    /** The app refusing uploads over {@code maxPackageBytes}, its database in {@code dir}. */
    public static TestApp start(Path dir, long maxPackageBytes) {
        return startOn("jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck"), maxPackageBytes);
    }

    /** The app with access control from {@code access}, its database in {@code dir}. */
    public static TestApp startWithAccess(Path dir, org.civcheck.web.access.Access access) {
        return startOn("jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck"), ReadLimits.defaults().maxPackageBytes(),
                access);
    }

    /** The app on the database at {@code jdbcUrl}, refusing uploads over {@code maxPackageBytes}. */
    public static TestApp startOn(String jdbcUrl, long maxPackageBytes) {
        return startOn(jdbcUrl, maxPackageBytes, null);
    }

    /** The app whose readings and scorings share {@code limiter}, its database in {@code dir}. */
    public static TestApp startWithLimiter(Path dir, ScoringLimiter limiter) {
        return startOn("jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck"), ReadLimits.defaults().maxPackageBytes(),
                null, limiter);
    }

    private static TestApp startOn(String jdbcUrl, long maxPackageBytes, org.civcheck.web.access.Access access) {
        return startOn(jdbcUrl, maxPackageBytes, access, ScoringLimiter.defaults());
    }

    /** The app with {@code limits} on clients and access control from {@code access} (null: open), its database in {@code dir}. */
    public static TestApp startWithLimits(Path dir, ServerLimits limits, org.civcheck.web.access.Access access) {
        return startOn("jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck"), ReadLimits.defaults().maxPackageBytes(),
                access, ScoringLimiter.defaults(), limits);
    }

    private static TestApp startOn(String jdbcUrl, long maxPackageBytes, org.civcheck.web.access.Access access,
            ScoringLimiter limiter) {
        return startOn(jdbcUrl, maxPackageBytes, access, limiter, ServerLimits.defaults());
    }

    private static TestApp startOn(String jdbcUrl, long maxPackageBytes, org.civcheck.web.access.Access access,
            ScoringLimiter limiter, ServerLimits serverLimits) {
        Database database = Database.open(jdbcUrl);
        ReadLimits defaults = ReadLimits.defaults();
        ReadLimits limits = new ReadLimits(maxPackageBytes, defaults.maxZipEntries(), defaults.maxUnpackedBytes(),
                defaults.maxCompressionRatio(), defaults.maxActivities(), defaults.maxNestingDepth(),
                defaults.maxTextLength());
        Assessor loaded = assessor();
        AssessmentService service = new AssessmentService(() -> loaded, new EvidencePackageReader(limits),
                new AssessmentStore(database.dataSource()), limiter);
        Javalin javalin = WebApp.create(service, new Examples(EXAMPLES), maxPackageBytes, access, serverLimits,
                e -> { }).start("127.0.0.1", 0);
        return new TestApp(database, javalin);
    }

    /** The project's criteria and rules, compiled once for every test in this JVM (a build takes seconds). */
    static synchronized Assessor assessor() {
        if (assessor == null) {
            AssessorLoading loading = AssessorLoading.load(Path.of("criteria/provincial"), Path.of("rules"));
            assertTrue(loading.isLoaded(), () -> "the project's criteria and rules load: " + loading.problems());
            assessor = loading.assessor();
        }
        return assessor;
    }

    /** An absolute URI of this app, e.g. {@code uri("/api/assessments?unit=x")}. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + javalin.port() + pathAndQuery);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        javalin.stop();
        database.close();
    }
}
