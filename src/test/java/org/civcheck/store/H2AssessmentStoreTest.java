package org.civcheck.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded default: an H2 file, a new one in its own folder for each test. */
class H2AssessmentStoreTest extends AssessmentStoreContract {

    @TempDir
    Path dir;

    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck");
    }

    @Override
    void dropDatabase() {
        // the folder goes with the test
    }

    /** A database of the first release holding three packages, left as a stopped migration 2 left it. */
    private List<String> firstRelease(String url, String... stoppedAfter) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Database first = Database.openAt(url, "1")) {
            for (int i = 0; i < 3; i++) {
                ids.add(FirstRelease.save(first.dataSource(), assessment("unit-" + i, new byte[] {(byte) i, 1, 2})));
            }
            try (Connection c = first.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String sql : stoppedAfter) {
                    s.execute(sql.replace("$FIRST", ids.get(0)));
                }
            }
        }
        return ids;
    }

    private static void assertPackagesKept(String url, List<String> ids) throws SQLException {
        try (Database db = Database.open(url)) {
            AssessmentStore store = new AssessmentStore(db.dataSource());
            for (int i = 0; i < ids.size(); i++) {
                assertArrayEquals(new byte[] {(byte) i, 1, 2}, store.findPackage(ids.get(i)).orElseThrow().bytes());
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_NAME = 'ASSESSMENT_PACKAGE' AND COLUMN_NAME = 'BYTES'")) {
                rs.next();
                assertEquals("BINARY LARGE OBJECT", rs.getString(1), "package bytes out of the row");
            }
        }
    }

    private static final String NEW_TABLE = "CREATE TABLE assessment_package_out (assessment_id VARCHAR(40) NOT NULL"
            + " PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE, bytes BLOB NOT NULL)";

    @Test
    void migration2StoppedAfterCopyingOnePackageCopiesTheRest() throws Exception {
        String url = freshDatabaseUrl() + "-copying";
        List<String> ids = firstRelease(url, NEW_TABLE,
                "INSERT INTO assessment_package_out SELECT * FROM assessment_package WHERE assessment_id = '$FIRST'");

        assertPackagesKept(url, ids);
    }

    @Test
    void migration2StoppedAfterDroppingTheOldTableOnlyRenames() throws Exception {
        String url = freshDatabaseUrl() + "-dropped";
        List<String> ids = firstRelease(url, NEW_TABLE,
                "INSERT INTO assessment_package_out SELECT * FROM assessment_package", "DROP TABLE assessment_package");

        assertPackagesKept(url, ids);
    }

    @Test
    void migration2RecordedAsFailedIsRunAgain() throws Exception {
        String url = freshDatabaseUrl() + "-failed";
        List<String> ids = firstRelease(url, NEW_TABLE,
                "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                        + " \"script\", \"installed_by\", \"execution_time\", \"success\")"
                        + " VALUES (2, '2', 'Package bytes out of row', 'JDBC', 'org.civcheck.store.PackageBytesOutOfRow',"
                        + " 'test', 1, FALSE)");

        assertPackagesKept(url, ids);
    }
}
