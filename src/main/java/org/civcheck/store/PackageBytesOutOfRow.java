package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 2: package bytes out of the row on H2. H2 keeps a BINARY VARYING value (the BYTEA of
 * migration 1) inside its B-tree page and rewrites pages whole: storing packages of tens of MB
 * one after another ran out of heap in H2's write buffer, and H2 then closed the database. A BLOB
 * is written once, in blocks, beside the row. PostgreSQL keeps BYTEA out of the row already
 * (TOAST): there this migration does nothing.
 *
 * <p>Changing the column's type in one statement rewrites the whole table in one write, and so
 * does updating rows in place (a page holds several packages): an existing database of many
 * packages would need heap for all of them at once. So the packages are copied, one per commit,
 * into a new table whose rows hold only a reference to their BLOB; then the old table is dropped
 * and the new one takes its name. Safe to run again from wherever it stopped (a kill, or an
 * error that Flyway recorded as failed: see {@link Database}).
 */
final class PackageBytesOutOfRow extends H2OutOfRow {

    static final String VERSION = "2";

    private static final String OLD = "ASSESSMENT_PACKAGE";
    private static final String BLOB = "BINARY LARGE OBJECT";

    @Override
    String version() {
        return VERSION;
    }

    @Override
    String description() {
        return "Package_bytes_out_of_row";
    }

    @Override
    void migrateOnH2(Connection c) throws SQLException {
        if (BLOB.equals(type(c, OLD, "BYTES"))) {
            return; // done
        }
        if (type(c, OLD, "BYTES") != null) {
            execute(c, "CREATE TABLE IF NOT EXISTS assessment_package_out ("
                    + "assessment_id VARCHAR(40) NOT NULL PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,"
                    + " bytes BLOB NOT NULL)");
            for (String id : uncopied(c)) {
                try (PreparedStatement copy = c.prepareStatement("INSERT INTO assessment_package_out (assessment_id, bytes)"
                        + " SELECT assessment_id, bytes FROM assessment_package WHERE assessment_id = ?")) {
                    copy.setString(1, id);
                    copy.executeUpdate();
                }
            }
            execute(c, "DROP TABLE assessment_package");
        }
        execute(c, "ALTER TABLE assessment_package_out RENAME TO assessment_package");
    }

    /** Packages of the old table not yet in the new one. */
    private static List<String> uncopied(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT assessment_id FROM assessment_package WHERE assessment_id NOT IN "
                        + "(SELECT assessment_id FROM assessment_package_out)")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
