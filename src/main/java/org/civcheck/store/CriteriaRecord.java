package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The criteria in force for every instance on the database: one row, the hash of the whole served
 * generation, its default set and each set's hash (JSON), which instance recorded it and when, and
 * a revision that grows with every record so that the others notice.
 */
public final class CriteriaRecord {

    /** The record as read. */
    public record InForce(long revision, String sha256, String defaultSet, String setsJson, OffsetDateTime recordedAt,
            String recordedBy) {}

    private static final int ROW = 1;

    private final DataSource dataSource;

    public CriteriaRecord(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<InForce> read() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT revision, sha256, default_set, sets_json, recorded_at, recorded_by FROM criteria_in_force WHERE id = ?")) {
            s.setInt(1, ROW);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new InForce(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("读取在用测评体系记录失败", e);
        }
    }

    /** Records a generation as in force (a new revision) and returns the record. */
    public InForce record(String sha256, String defaultSet, String setsJson, String by) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 0; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("UPDATE criteria_in_force SET revision = revision + 1,"
                        + " sha256 = ?, default_set = ?, sets_json = ?, recorded_at = ?, recorded_by = ? WHERE id = ?")) {
                    s.setString(1, sha256);
                    s.setString(2, defaultSet);
                    s.setString(3, setsJson);
                    s.setObject(4, now);
                    s.setString(5, by);
                    s.setInt(6, ROW);
                    if (s.executeUpdate() == 0) {
                        try (PreparedStatement i = c.prepareStatement("INSERT INTO criteria_in_force (id, revision,"
                                + " sha256, default_set, sets_json, recorded_at, recorded_by) VALUES (?, 1, ?, ?, ?, ?, ?)")) {
                            i.setInt(1, ROW);
                            i.setString(2, sha256);
                            i.setString(3, defaultSet);
                            i.setString(4, setsJson);
                            i.setObject(5, now);
                            i.setString(6, by);
                            i.executeUpdate();
                        }
                    }
                }
                return read().orElseThrow();
            } catch (SQLException e) {
                // two instances inserting the first record at once: one wins, the other updates it
                if (attempt >= 2) {
                    throw new StoreException("保存在用测评体系记录失败", e);
                }
            }
        }
    }
}
