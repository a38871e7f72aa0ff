package org.civcheck.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL database named by {@code CIVCHECK_TEST_PG_URL} (a JDBC URL with user and password,
 * as .ci/run sets up), cut into schemas of their own so reruns and parallel runs never share rows.
 *
 * <pre>{@code
 * String schema = TestPostgres.createSchema();
 * Database db = Database.open(TestPostgres.url(schema));
 * ...
 * TestPostgres.dropSchema(schema);
 * }</pre>
 */
public final class TestPostgres {

    public static final String ENV = "CIVCHECK_TEST_PG_URL";

    private TestPostgres() {}

    /** Whether {@code CIVCHECK_TEST_PG_URL} names a database. */
    public static boolean isConfigured() {
        String url = System.getenv(ENV);
        return url != null && !url.isBlank();
    }

    /**
     * Skips the calling test, saying why, when no PostgreSQL is configured. Call it from a
     * {@code @BeforeEach}: a skip in {@code @BeforeAll} leaves no trace in the test reports.
     */
    public static void assumeConfigured() {
        assumeTrue(isConfigured(), ENV + " is not set, so the tests on PostgreSQL are skipped;"
                + " set it to a JDBC URL with user and password, e.g. jdbc:postgresql://127.0.0.1:5432/"
                + "civcheck_test?user=civcheck_test&password=… (.ci/run sets one up)");
    }

    /** Creates an empty schema with a random name and returns the name. */
    public static String createSchema() throws SQLException {
        String schema = "civcheck_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    /** The configured URL with {@code schema} as the connections' current schema. */
    public static String url(String schema) {
        String base = System.getenv(ENV);
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void dropSchema(String schema) throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(System.getenv(ENV)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
