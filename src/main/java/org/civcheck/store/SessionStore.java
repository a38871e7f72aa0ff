package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The login sessions of the pages, in the database: every instance on it knows every session, and
 * a restart logs no one out. A session is kept under the SHA-256 of its id (the cookie's value), so
 * the table alone logs no one in.
 */
public final class SessionStore {

    /** A stored session: whose token it belongs to and until when it lasts. */
    public record Session(String tokenId, Instant created, Instant expires) {}

    private final DataSource dataSource;

    public SessionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Keeps a new session and, in the same transaction, drops the expired ones and the oldest of the
     * token's sessions so that it holds at most {@code perToken} live ones with the new one.
     */
    public void add(String sessionId, Session session, int perToken) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM login_session WHERE expires_at < ?")) {
                    s.setObject(1, utc(session.created()));
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("DELETE FROM login_session WHERE id_sha256 IN ("
                        + "SELECT id_sha256 FROM login_session WHERE token_id = ? ORDER BY created_at DESC, id_sha256"
                        + " OFFSET ? ROWS)")) {
                    s.setString(1, session.tokenId());
                    s.setInt(2, perToken - 1);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO login_session (id_sha256, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, key(sessionId));
                    s.setString(2, session.tokenId());
                    s.setObject(3, utc(session.created()));
                    s.setObject(4, utc(session.expires()));
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("保存登录状态失败", e);
        }
    }

    public Optional<Session> find(String sessionId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT token_id, created_at, expires_at FROM login_session WHERE id_sha256 = ?")) {
            s.setString(1, key(sessionId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Session(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getObject(3, OffsetDateTime.class).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("读取登录状态失败", e);
        }
    }

    public void remove(String sessionId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM login_session WHERE id_sha256 = ?")) {
            s.setString(1, key(sessionId));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("删除登录状态失败", e);
        }
    }

    /** Sessions held now, expired ones included until the next login drops them. */
    public int count() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM login_session");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("读取登录状态失败", e);
        }
    }

    private static String key(String sessionId) {
        return AssessmentStore.sha256(sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
