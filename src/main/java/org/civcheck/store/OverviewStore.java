package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The 文明办's view: one row per unit from the register and each unit's latest check
 * ({@code unit_latest}), filtered, sorted and paged in the database; the spread of verdicts and
 * the most common gaps over the same selection. Each query reads one row per unit at most (and
 * the gap rows of those units' latest checks, {@code unit_gap}), whatever the length of their histories.
 */
public final class OverviewStore {

    private static final String FROM = " FROM unit u LEFT JOIN unit_latest l ON l.unit_id = u.id"
            + " LEFT JOIN assessment a ON a.id = l.assessment_id";
    private static final String ROW_COLUMNS = "u.id, u.name, u.region_id, u.level, l.assessment_id, l.checked_at,"
            + " l.verdict, l.score, l.max_score, l.previous_score, l.previous_verdict, a.progress_verdict, a.as_of";
    /** The worst verdict first; units without a check after those with one. */
    private static final String VERDICT_RANK = "CASE l.verdict WHEN 'vetoed' THEN 0 WHEN 'not-ready' THEN 1"
            + " WHEN 'at-risk' THEN 2 WHEN 'ready' THEN 3 ELSE 4 END";

    private final DataSource dataSource;

    public OverviewStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Page {@code page} (from 1) of {@code size} rows, and the selection's numbers, {@code gaps} of each kind at most. */
    public Overview overview(OverviewQuery q, int page, int size, int gaps) {
        try (Connection c = dataSource.getConnection()) {
            Where where = where(q, true);
            long total;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*)" + FROM + where.sql)) {
                where.bind(s, 1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<OverviewRow> rows = rows(c, q, where, size, (long) (page - 1) * size);
            return new Overview(rows, page, size, total, verdicts(c, q), commonGaps(c, q, OverviewQuery.INDICATOR, gaps),
                    commonGaps(c, q, OverviewQuery.PROBLEM, gaps));
        } catch (SQLException e) {
            throw new StoreException("读取总览失败", e);
        }
    }

    /** Every row of the selection, in its order (for the export). */
    public List<OverviewRow> rows(OverviewQuery q) {
        try (Connection c = dataSource.getConnection()) {
            return rows(c, q, where(q, true), Integer.MAX_VALUE, 0);
        } catch (SQLException e) {
            throw new StoreException("读取总览失败", e);
        }
    }

    private static List<OverviewRow> rows(Connection c, OverviewQuery q, Where where, int limit, long offset)
            throws SQLException {
        List<OverviewRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + FROM + where.sql + " ORDER BY "
                + order(q) + " LIMIT ? OFFSET ?")) {
            int i = where.bind(s, 1);
            s.setInt(i++, limit);
            s.setLong(i, offset);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OverviewRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), number(rs, 8),
                            number(rs, 9), number(rs, 10), rs.getString(11), rs.getString(12),
                            rs.getObject(13, java.time.LocalDate.class)));
                }
            }
        }
        return rows;
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double d = rs.getDouble(column);
        return rs.wasNull() ? null : d;
    }

    private static Map<String, Long> verdicts(Connection c, OverviewQuery q) throws SQLException {
        Where where = where(q, false);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String v : List.of("ready", "at-risk", "not-ready", "vetoed", OverviewQuery.UNCHECKED)) {
            counts.put(v, 0L);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(l.verdict, '" + OverviewQuery.UNCHECKED
                + "'), COUNT(*)" + FROM + where.sql + " GROUP BY COALESCE(l.verdict, '" + OverviewQuery.UNCHECKED + "')")) {
            where.bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static List<Overview.CommonGap> commonGaps(Connection c, OverviewQuery q, String kind, int limit)
            throws SQLException {
        Where where = where(q, true);
        List<Overview.CommonGap> gaps = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT g.code, MAX(g.name), COUNT(*), SUM(g.points)" + FROM
                + " JOIN unit_gap g ON g.unit_id = u.id AND g.kind = ?" + where.sql
                + " GROUP BY g.code ORDER BY COUNT(*) DESC, SUM(g.points) DESC, g.code LIMIT ?")) {
            s.setString(1, kind);
            int i = where.bind(s, 2);
            s.setInt(i, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    gaps.add(new Overview.CommonGap(kind, rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4)));
                }
            }
        }
        return gaps;
    }

    private static String order(OverviewQuery q) {
        String dir = q.descending() ? " DESC" : " ASC";
        String key = switch (q.sort()) {
            case VERDICT -> VERDICT_RANK + dir + ", l.score" + dir + " NULLS LAST";
            case NAME -> "u.name" + dir;
            case SCORE -> "l.score" + dir + " NULLS LAST";
            case CHECKED -> "l.checked_at" + dir + " NULLS LAST";
            case CHANGE -> "(l.score - l.previous_score)" + dir + " NULLS LAST";
        };
        return key + ", u.id";
    }

    /** The WHERE clause of a query and its parameters. */
    private record Where(String sql, List<Object> params) {
        int bind(PreparedStatement s, int from) throws SQLException {
            int i = from;
            for (Object p : params) {
                s.setObject(i++, p);
            }
            return i;
        }
    }

    private static Where where(OverviewQuery q, boolean byVerdict) {
        List<String> terms = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.region() != null) {
            terms.add(Sql.WITHIN.replace("?col", "u.region_id"));
            params.add(q.region());
            params.add(Sql.below(q.region()));
        }
        if (q.level() != null) {
            terms.add("u.level = ?");
            params.add(q.level());
        }
        if (byVerdict && q.verdict() != null) {
            if (q.verdict().equals(OverviewQuery.UNCHECKED)) {
                terms.add("l.unit_id IS NULL");
            } else {
                terms.add("l.verdict = ?");
                params.add(q.verdict());
            }
        }
        if (q.notCheckedSince() != null) {
            terms.add("(l.checked_at IS NULL OR l.checked_at < ?)");
            params.add(q.notCheckedSince());
        }
        if (q.gapKind() != null && q.gapCode() != null) {
            terms.add("EXISTS (SELECT 1 FROM unit_gap f WHERE f.unit_id = u.id AND f.kind = ? AND f.code = ?)");
            params.add(q.gapKind());
            params.add(q.gapCode());
        }
        return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params);
    }
}
