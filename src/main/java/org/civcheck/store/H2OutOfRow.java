package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A migration that moves large values out of H2's rows, one commit per row (so an existing
 * database never needs heap for many large values at once), and does nothing on PostgreSQL,
 * which keeps large values out of the row already (TOAST). Each is safe to run again from
 * wherever it stopped: see {@link Database} for how a failed run is repaired.
 */
abstract class H2OutOfRow extends BaseJavaMigration {

    /** Flyway's version of the migration. Called from Flyway's constructor: return a constant. */
    abstract String version();

    /** The migration's description, words joined by underscores. Called from Flyway's constructor. */
    abstract String description();

    @Override
    protected void init() {
        extractVersionAndDescription("V" + version() + "__" + description(), "V", false);
    }

    /** One commit per row: the point of these migrations. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public final void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            migrateOnH2(c);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The migration on H2, with each statement committed as it runs. */
    abstract void migrateOnH2(Connection c) throws SQLException;

    /** The column's data type as H2 names it (e.g. {@code BINARY LARGE OBJECT}), or null when there is none. */
    static String type(Connection c, String table, String column) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            s.setString(1, table);
            s.setString(2, column);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
