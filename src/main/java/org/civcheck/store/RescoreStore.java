package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The re-scoring runs: which units each run re-scores (the latest assessment of each when it
 * started), and what each unit's re-score gave. A unit's outcome is written only while the unit is
 * open, in the transaction that saves its new assessment ({@link #claim}): a unit is scored into
 * history at most once per run, whichever instance or retry gets there first.
 */
public final class RescoreStore {

    /** A run as stored: its set, how many units, when it started and (once every unit is done) finished. */
    public record Run(String id, OffsetDateTime startedAt, String startedBy, String criteriaId, String criteriaSha256,
            int unitsTotal, OffsetDateTime scheduledAt, OffsetDateTime finishedAt) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** One unit of a run: its assessment before, and after once done (or why it could not be re-scored). */
    public record Unit(String runId, String unitId, String unitName, String beforeAssessment, String beforeVerdict,
            double beforeScore, String afterAssessment, String afterVerdict, Double afterScore, String failure,
            OffsetDateTime doneAt, String doneBy) {
        public boolean done() {
            return doneAt != null;
        }
    }

    private static final String UNIT_COLUMNS = "run_id, unit_id, unit_name, before_assessment, before_verdict,"
            + " before_score, after_assessment, after_verdict, after_score, failure, done_at, done_by";
    private static final String RUN_COLUMNS =
            "id, started_at, started_by, criteria_id, criteria_sha256, units_total, scheduled_at, finished_at";

    private final DataSource dataSource;

    public RescoreStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records a new run over {@code latest} (each unit's latest assessment) in one transaction. */
    public Run create(String id, String startedBy, String criteriaId, String criteriaSha256,
            List<AssessmentSummary> latest) {
        OffsetDateTime now = now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO rescore_run (" + RUN_COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")) {
                    s.setString(1, id);
                    s.setObject(2, now);
                    s.setString(3, startedBy);
                    s.setString(4, criteriaId);
                    s.setString(5, criteriaSha256);
                    s.setInt(6, latest.size());
                    s.setObject(7, latest.isEmpty() ? now : null);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO rescore_unit (run_id, unit_id, unit_name,"
                        + " before_assessment, before_verdict, before_score) VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (AssessmentSummary a : latest) {
                        s.setString(1, id);
                        s.setString(2, a.unitId());
                        s.setString(3, AssessmentStore.storable(a.unitName()));
                        s.setString(4, a.id());
                        s.setString(5, a.verdict());
                        s.setDouble(6, a.score());
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("保存重新评分任务失败", e);
        }
        return new Run(id, now, startedBy, criteriaId, criteriaSha256, latest.size(), null,
                latest.isEmpty() ? now : null);
    }

    public Optional<Run> run(String id) {
        List<Run> runs = runs("SELECT " + RUN_COLUMNS + " FROM rescore_run WHERE id = ?", id);
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    /** The newest runs first, at most {@code limit}. */
    public List<Run> recent(int limit) {
        return runs("SELECT " + RUN_COLUMNS + " FROM rescore_run ORDER BY started_at DESC, id DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", null);
    }

    /** Runs whose units are not all queued yet (a start interrupted between recording and queuing). */
    public List<Run> unscheduled() {
        return runs("SELECT " + RUN_COLUMNS + " FROM rescore_run WHERE scheduled_at IS NULL ORDER BY started_at", null);
    }

    /** Notes that every unit of run {@code id} is queued. */
    public void markScheduled(String id) {
        update("UPDATE rescore_run SET scheduled_at = ? WHERE id = ? AND scheduled_at IS NULL", id);
    }

    /** The run's units not yet done, by unit id. */
    public List<String> openUnits(String runId) {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT unit_id FROM rescore_unit WHERE run_id = ? AND done_at IS NULL ORDER BY unit_id")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("读取重新评分任务失败", e);
        }
        return out;
    }

    public Optional<Unit> unit(String runId, String unitId) {
        List<Unit> units = units("SELECT " + UNIT_COLUMNS + " FROM rescore_unit WHERE run_id = ? AND unit_id = ?",
                runId, unitId);
        return units.isEmpty() ? Optional.empty() : Optional.of(units.get(0));
    }

    /** Every unit of the run, by unit id. */
    public List<Unit> units(String runId) {
        return units("SELECT " + UNIT_COLUMNS + " FROM rescore_unit WHERE run_id = ? ORDER BY unit_id", runId, null);
    }

    /** How many of the run's units are done (re-scored, or failed for good). */
    public int doneCount(String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM rescore_unit WHERE run_id = ? AND done_at IS NOT NULL")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("读取重新评分任务失败", e);
        }
    }

    /**
     * The claim of a unit's new assessment, for {@link AssessmentStore#save(NewAssessment, AssessmentStore.Claim)}:
     * it records the assessment as the unit's outcome, in the same transaction, only while the unit
     * is open. When the unit is done already (another instance, or an earlier try that committed),
     * it declines and nothing is stored.
     */
    public AssessmentStore.Claim claim(String runId, String unitId, String by) {
        return (c, id, a) -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rescore_unit SET after_assessment = ?,"
                    + " after_verdict = ?, after_score = ?, done_at = ?, done_by = ?"
                    + " WHERE run_id = ? AND unit_id = ? AND done_at IS NULL")) {
                s.setString(1, id);
                s.setString(2, a.verdict());
                s.setDouble(3, a.score());
                s.setObject(4, now());
                s.setString(5, by);
                s.setString(6, runId);
                s.setString(7, unitId);
                return s.executeUpdate() == 1;
            }
        };
    }

    /** Closes an open unit that cannot be re-scored, with the reason; false when it was done already. */
    public boolean fail(String runId, String unitId, String reason, String by) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE rescore_unit SET failure = ?, done_at = ?, done_by = ?"
                        + " WHERE run_id = ? AND unit_id = ? AND done_at IS NULL")) {
            s.setString(1, reason.length() > 2000 ? reason.substring(0, 2000) : reason);
            s.setObject(2, now());
            s.setString(3, by);
            s.setString(4, runId);
            s.setString(5, unitId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("保存重新评分结果失败", e);
        }
    }

    /** Marks the run finished once no unit is open; true when this call finished it. */
    public boolean finishIfComplete(String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE rescore_run SET finished_at = ? WHERE id = ? AND finished_at IS NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM rescore_unit WHERE run_id = ? AND done_at IS NULL)")) {
            s.setObject(1, now());
            s.setString(2, runId);
            s.setString(3, runId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("保存重新评分结果失败", e);
        }
    }

    private void update(String sql, String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, now());
            s.setString(2, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("保存重新评分任务失败", e);
        }
    }

    private List<Run> runs(String sql, String id) {
        List<Run> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Run(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class),
                            rs.getObject(8, OffsetDateTime.class)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("读取重新评分任务失败", e);
        }
        return out;
    }

    private List<Unit> units(String sql, String runId, String unitId) {
        List<Unit> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, runId);
            if (unitId != null) {
                s.setString(2, unitId);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double after = rs.getDouble(9);
                    Double afterScore = rs.wasNull() ? null : after;
                    out.add(new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), rs.getString(7), rs.getString(8), afterScore,
                            rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getString(12)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("读取重新评分任务失败", e);
        }
        return out;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
