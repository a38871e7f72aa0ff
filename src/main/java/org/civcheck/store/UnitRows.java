package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The overview's own rows, kept in the transaction that changes an assessment: the unit (added on
 * its first check when the register does not list it yet), the unit's latest check and the one
 * before it ({@code unit_latest}), the gaps of each check ({@code assessment_gap}) and those of
 * each unit's latest ({@code unit_gap}). The
 * overview then reads one row per unit instead of searching every unit's history.
 */
final class UnitRows {

    private UnitRows() {}

    /** After an assessment of {@code unitId} was inserted: its gaps, its unit, the unit's latest two. */
    static void saved(Connection c, String assessmentId, String unitId, String unitName, ResultDigest digest)
            throws SQLException {
        insertGaps(c, assessmentId, digest);
        ensureUnit(c, unitId, unitName);
        refreshLatest(c, unitId);
    }

    static void insertGaps(Connection c, String assessmentId, ResultDigest digest) throws SQLException {
        if (digest.gaps().isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO assessment_gap (assessment_id, kind, code, name, points) VALUES (?, ?, ?, ?, ?)")) {
            for (ResultDigest.Gap g : digest.gaps()) {
                s.setString(1, assessmentId);
                s.setString(2, g.kind());
                s.setString(3, g.code());
                s.setString(4, g.name());
                s.setDouble(5, g.points());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Adds the unit when the register does not have it; a unit that no register file placed in a
     * region yet takes the name of its latest package.
     */
    static void ensureUnit(Connection c, String unitId, String unitName) throws SQLException {
        String name = AssessmentStore.storable(unitName);
        try (PreparedStatement s = c.prepareStatement("UPDATE unit SET name = ? WHERE id = ? AND region_id IS NULL")) {
            s.setString(1, name);
            s.setString(2, unitId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO unit (id, name) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM unit WHERE id = ?)")) {
            s.setString(1, unitId);
            s.setString(2, name);
            s.setString(3, unitId);
            s.executeUpdate();
        }
    }

    /**
     * Writes the unit's latest check (with its progress, for a check made during the period) and the
     * one before it from its history (none left: no row),
     * and the gaps of its latest check ({@code unit_gap}).
     * Two saves of one unit at once may both try to insert: the later fails on the key and is
     * tried again by the store, then seeing both checks.
     */
    static void refreshLatest(Connection c, String unitId) throws SQLException {
        refreshLatest(c, unitId, true);
    }

    /**
     * As {@link #refreshLatest(Connection, String)}; without {@code progress} on the schema of
     * migration 4, which fills these rows before migrations 6 and 8 add the progress columns.
     */
    static void refreshLatest(Connection c, String unitId, boolean progress) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM unit_latest WHERE unit_id = ?")) {
            s.setString(1, unitId);
            s.executeUpdate();
        }
        Check latest = null;
        Check previous = null;
        try (PreparedStatement s = c.prepareStatement("SELECT id, created_at, verdict, score, max_score"
                + (progress ? ", as_of, progress_verdict" : "")
                + " FROM assessment WHERE unit_id = ? ORDER BY created_at DESC, id DESC LIMIT 2")) {
            s.setString(1, unitId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Check check = new Check(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getDouble(4), rs.getDouble(5), progress ? rs.getObject(6, LocalDate.class) : null,
                            progress ? rs.getString(7) : null);
                    if (latest == null) {
                        latest = check;
                    } else {
                        previous = check;
                    }
                }
            }
        }
        if (latest != null) {
            insertLatest(c, unitId, latest, previous, progress);
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM unit_gap WHERE unit_id = ?")) {
            s.setString(1, unitId);
            s.executeUpdate();
        }
        if (latest != null) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO unit_gap (unit_id, kind, code, name, points)"
                    + " SELECT ?, kind, code, name, points FROM assessment_gap WHERE assessment_id = ?")) {
                s.setString(1, unitId);
                s.setString(2, latest.id());
                s.executeUpdate();
            }
        }
    }

    /** A stored check as the overview keeps it; the last two null for a check of the whole period. */
    record Check(String id, OffsetDateTime at, String verdict, double score, double maxScore, LocalDate asOf,
            String progressVerdict) {}

    private static void insertLatest(Connection c, String unitId, Check latest, Check previous, boolean progress)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO unit_latest (unit_id, assessment_id, checked_at,"
                + " verdict, score, max_score, previous_score, previous_verdict, previous_at"
                + (progress ? ", as_of, progress_verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        : ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))) {
            s.setString(1, unitId);
            s.setString(2, latest.id());
            s.setObject(3, latest.at());
            s.setString(4, latest.verdict());
            s.setDouble(5, latest.score());
            s.setDouble(6, latest.maxScore());
            if (previous == null) {
                s.setNull(7, java.sql.Types.DOUBLE);
                s.setNull(8, java.sql.Types.VARCHAR);
                s.setNull(9, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                s.setDouble(7, previous.score());
                s.setString(8, previous.verdict());
                s.setObject(9, previous.at());
            }
            if (progress) {
                s.setObject(10, latest.asOf(), java.sql.Types.DATE);
                s.setString(11, latest.progressVerdict());
            }
            s.executeUpdate();
        }
    }

    /**
     * Whether a failed transaction may simply be run again: a key two writers inserted at once
     * (23505), a serialization failure or deadlock (40001, 40P01), or H2's concurrent update (90131).
     */
    static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                String state = s.getSQLState();
                if ("23505".equals(state) || "40001".equals(state) || "40P01".equals(state) || s.getErrorCode() == 90131) {
                    return true;
                }
            }
        }
        return false;
    }
}
