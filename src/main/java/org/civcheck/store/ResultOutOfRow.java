package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Migration 3: the stored result out of the row on H2, for the reason migration 2 moved the
 * package bytes ({@link PackageBytesOutOfRow}). Migration 1 declared {@code result_json TEXT},
 * which H2 keeps as CHARACTER VARYING inside its B-tree page; a result of 100,000 activities is
 * several MB of text, a page holds several of them, and H2 rewrites a page whole at each commit:
 * five such uploads at once ran a 512 MiB service out of heap in H2's write buffer. A CHARACTER
 * LARGE OBJECT is written once, in blocks, beside the row. PostgreSQL keeps TEXT out of the row
 * already (TOAST): there this migration does nothing.
 *
 * <p>The results are copied into a new column one row per commit, then the old column is dropped
 * and the new one takes its name. Safe to run again from wherever it stopped.
 */
final class ResultOutOfRow extends H2OutOfRow {

    static final String VERSION = "3";

    private static final String CLOB = "CHARACTER LARGE OBJECT";

    @Override
    String version() {
        return VERSION;
    }

    @Override
    String description() {
        return "Result_out_of_row";
    }

    @Override
    void migrateOnH2(Connection c) throws SQLException {
        String type = type(c, "ASSESSMENT", "RESULT_JSON");
        if (CLOB.equals(type)) {
            return; // done
        }
        if (type != null) {
            execute(c, "ALTER TABLE assessment ADD COLUMN IF NOT EXISTS result_out CLOB");
            for (String id : uncopied(c)) {
                try (PreparedStatement copy = c.prepareStatement(
                        "UPDATE assessment SET result_out = result_json WHERE id = ?")) {
                    copy.setString(1, id);
                    copy.executeUpdate();
                }
            }
            execute(c, "ALTER TABLE assessment DROP COLUMN result_json");
        }
        execute(c, "ALTER TABLE assessment ALTER COLUMN result_out RENAME TO result_json");
        execute(c, "ALTER TABLE assessment ALTER COLUMN result_json SET NOT NULL");
    }

    /** Rows whose result is not yet in the new column. */
    private static List<String> uncopied(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM assessment WHERE result_out IS NULL")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
