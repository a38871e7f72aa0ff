package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration 4: the 文明办's overview. Regions (a tree: 省 → 市 → 区/县, each named by its path of
 * names, 江苏省/南京市/玄武区) and the units placed in them; per unit its latest check and the one
 * before ({@code unit_latest}); per check the indicators and problem classes it has gaps on
 * ({@code assessment_gap}), and per unit those of its latest check ({@code unit_gap}: the common
 * gaps of thousands of units are counted from one row per unit and gap, not from every check's). The assessments stored before are read once to fill the last two;
 * their units enter the register without a region.
 *
 * <p>Filled in steps of {@value #STEP} assessments, one commit each, so that a big database needs
 * no more memory than a step. Safe to run again from wherever it stopped (a kill, or an error that
 * Flyway recorded as failed: see {@link Database}): it starts the filling over.
 */
final class OverviewTables extends BaseJavaMigration {

    static final String VERSION = "4";
    static final int STEP = 200;

    private static final List<String> TABLES = List.of(
            "CREATE TABLE IF NOT EXISTS region ("
                    + " id VARCHAR(400) NOT NULL PRIMARY KEY,"
                    + " name VARCHAR(100) NOT NULL,"
                    + " parent_id VARCHAR(400) REFERENCES region (id),"
                    + " depth INTEGER NOT NULL)",
            "CREATE INDEX IF NOT EXISTS region_parent ON region (parent_id)",
            "CREATE TABLE IF NOT EXISTS unit ("
                    + " id VARCHAR(64) NOT NULL PRIMARY KEY,"
                    + " name VARCHAR(20000) NOT NULL,"
                    + " level VARCHAR(16),"
                    + " region_id VARCHAR(400) REFERENCES region (id))",
            "CREATE INDEX IF NOT EXISTS unit_region ON unit (region_id)",
            "CREATE INDEX IF NOT EXISTS unit_level ON unit (level)",
            "CREATE TABLE IF NOT EXISTS unit_latest ("
                    + " unit_id VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES unit (id) ON DELETE CASCADE,"
                    + " assessment_id VARCHAR(40) NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
                    + " checked_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " verdict VARCHAR(16) NOT NULL,"
                    + " score DOUBLE PRECISION NOT NULL,"
                    + " max_score DOUBLE PRECISION NOT NULL,"
                    + " previous_score DOUBLE PRECISION,"
                    + " previous_verdict VARCHAR(16),"
                    + " previous_at TIMESTAMP WITH TIME ZONE)",
            "CREATE INDEX IF NOT EXISTS unit_latest_checked ON unit_latest (checked_at)",
            "CREATE INDEX IF NOT EXISTS unit_latest_verdict ON unit_latest (verdict)",
            "CREATE INDEX IF NOT EXISTS unit_latest_assessment ON unit_latest (assessment_id)",
            "CREATE TABLE IF NOT EXISTS assessment_gap ("
                    + " assessment_id VARCHAR(40) NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,"
                    + " kind VARCHAR(16) NOT NULL,"
                    + " code VARCHAR(200) NOT NULL,"
                    + " name VARCHAR(1000) NOT NULL,"
                    + " points DOUBLE PRECISION NOT NULL,"
                    + " PRIMARY KEY (assessment_id, kind, code))",
            "CREATE INDEX IF NOT EXISTS assessment_gap_code ON assessment_gap (kind, code)",
            "CREATE TABLE IF NOT EXISTS unit_gap ("
                    + " unit_id VARCHAR(64) NOT NULL REFERENCES unit (id) ON DELETE CASCADE,"
                    + " kind VARCHAR(16) NOT NULL,"
                    + " code VARCHAR(200) NOT NULL,"
                    + " name VARCHAR(1000) NOT NULL,"
                    + " points DOUBLE PRECISION NOT NULL,"
                    + " PRIMARY KEY (unit_id, kind, code))",
            "CREATE INDEX IF NOT EXISTS unit_gap_code ON unit_gap (kind, code)");

    @Override
    protected void init() {
        extractVersionAndDescription("V" + VERSION + "__Overview_tables", "V", false);
    }

    /** One commit per step: a big database is filled within little memory. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try {
            for (String ddl : TABLES) {
                execute(c, ddl);
            }
            c.setAutoCommit(false);
            execute(c, "DELETE FROM unit_gap");
            execute(c, "DELETE FROM unit_latest");
            execute(c, "DELETE FROM assessment_gap");
            c.commit();
            fillGaps(c);
            fillLatest(c);
        } catch (SQLException | RuntimeException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Each unit with its newest check's name, its latest check and the one before, a step of units per commit. */
    private static void fillLatest(Connection c) throws SQLException {
        String after = "";
        while (true) {
            List<String> units = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT unit_id FROM assessment WHERE unit_id > ?"
                    + " ORDER BY unit_id LIMIT " + STEP)) {
                s.setString(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        units.add(rs.getString(1));
                    }
                }
            }
            if (units.isEmpty()) {
                return;
            }
            for (String unit : units) {
                try (PreparedStatement s = c.prepareStatement("SELECT unit_name FROM assessment WHERE unit_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT 1")) {
                    s.setString(1, unit);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        UnitRows.ensureUnit(c, unit, rs.getString(1));
                    }
                }
                UnitRows.refreshLatest(c, unit, false); // the progress columns come with migration 8
            }
            c.commit();
            after = units.get(units.size() - 1);
        }
    }

    /** The gaps of every stored result, read from its JSON, a step of results per commit. */
    private static void fillGaps(Connection c) throws SQLException {
        String after = "";
        while (true) {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM assessment WHERE id > ? ORDER BY id LIMIT " + STEP)) {
                s.setString(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            for (String id : ids) {
                try (PreparedStatement s = c.prepareStatement("SELECT result_json FROM assessment WHERE id = ?")) {
                    s.setString(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            UnitRows.insertGaps(c, id, ResultDigest.of(rs.getCharacterStream(1)));
                        }
                    }
                }
            }
            c.commit();
            after = ids.get(ids.size() - 1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

}
