package org.civcheck.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * A connection pool on a JDBC URL, with the schema migrated to the newest version on opening.
 *
 * <pre>{@code
 * try (Database db = Database.open("jdbc:h2:file:./data/civcheck")) { ... }
 * }</pre>
 */
public final class Database implements AutoCloseable {

    /** The embedded default: an H2 file under ./data. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/civcheck";

    private final HikariDataSource pool;
    private final String url;

    private Database(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = url;
    }

    /** Opens the pool and applies any migration not yet applied; throws when the database cannot be reached. */
    public static Database open(String jdbcUrl) {
        return openAt(jdbcUrl, null);
    }

    /** Opens the pool with the migrations up to {@code version} (null: all); tests make old databases with it. */
    static Database openAt(String jdbcUrl, String version) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(jdbcUrl));
        config.setMaximumPoolSize(8);
        config.setPoolName("civcheck");
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            var configuration = migrations(pool);
            if (version != null) {
                configuration.target(version);
            }
            Flyway flyway = configuration.load();
            // Migrations 2, 3 and 4 are safe to run again; an error that Flyway recorded as a failed run
            // of one (H2 cannot undo DDL) would otherwise stop every later start until a manual repair.
            if (hasFailed(flyway, PackageBytesOutOfRow.VERSION) || hasFailed(flyway, ResultOutOfRow.VERSION)
                    || hasFailed(flyway, OverviewTables.VERSION)) {
                flyway.repair();
            }
            flyway.migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool, jdbcUrl);
    }

    /** Every migration of the schema: the SQL ones under db/migration and the Java ones. */
    static org.flywaydb.core.api.configuration.FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new PackageBytesOutOfRow(), new ResultOutOfRow(), new OverviewTables());
    }

    private static boolean hasFailed(Flyway flyway, String version) {
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getVersion() != null && info.getVersion().getVersion().equals(version) && info.getState().isFailed()) {
                return true;
            }
        }
        return false;
    }

    /**
     * An H2 file database writes committed changes to disk in the background (WRITE_DELAY, 500 ms
     * by default): a killed process would lose assessments already acknowledged. WRITE_DELAY=0
     * writes each commit before it returns. Its page cache is held to {@value #H2_CACHE_KIB} KiB
     * (H2's default is 64 MiB): the cache lives outside the scoring budget, in the half of the heap
     * kept for everything else (docs/limits.md). Other URLs, and an H2 URL that sets either, keep
     * what they say.
     */
    static String durable(String jdbcUrl) {
        boolean h2File = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:mem:");
        if (!h2File) {
            return jdbcUrl;
        }
        String upper = jdbcUrl.toUpperCase(java.util.Locale.ROOT);
        String url = jdbcUrl;
        if (!upper.contains("WRITE_DELAY")) {
            url += ";WRITE_DELAY=0";
        }
        if (!upper.contains("CACHE_SIZE")) {
            url += ";CACHE_SIZE=" + H2_CACHE_KIB;
        }
        return url;
    }

    /** The embedded H2's page cache, KiB. */
    static final int H2_CACHE_KIB = 16 * 1024;

    public DataSource dataSource() {
        return pool;
    }

    /** The URL without credentials, for logs and /health. */
    public String describe() {
        return describeUrl(url);
    }

    /** {@code jdbcUrl} without its query (credentials) and with any password hidden. */
    public static String describeUrl(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        String bare = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
        return bare.replaceAll("password=[^;&]*", "password=***");
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        pool.close();
    }
}
