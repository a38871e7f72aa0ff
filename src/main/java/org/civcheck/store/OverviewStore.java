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
 * the gap rows of those units' latest checks, {@code unit_gap}), whatever the length of their
 * histories; none reads an assessment row. A page is three queries: the verdicts (whose sum, or
 * the count of the verdict filtered on, is the page's total), the page's rows, and the common
 * gaps of both kinds, counted from an index (migration 8).
 */
public final class OverviewStore {

    private static final String UNITS = " FROM unit u LEFT JOIN unit_latest l ON l.unit_id = u.id";
    private static final String ROW_COLUMNS = "u.id, u.name, u.region_id, u.level, l.assessment_id, l.checked_at,"
            + " l.verdict, l.score, l.max_score, l.previous_score, l.previous_verdict, l.progress_verdict, l.as_of";
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
            Map<String, Long> verdicts = verdicts(c, q);
            List<OverviewRow> rows = rows(c, q, size, (long) (page - 1) * size);
            return numbers(c, q, verdicts, rows, page, size, gaps);
        } catch (SQLException e) {
            throw new StoreException("读取总览失败", e);
        }
    }

    /** The selection's numbers alone (no rows; size 0), {@code gaps} of each kind at most: the export's second sheet. */
    public Overview numbers(OverviewQuery q, int gaps) {
        try (Connection c = dataSource.getConnection()) {
            return numbers(c, q, verdicts(c, q), List.of(), 1, 0, gaps);
        } catch (SQLException e) {
            throw new StoreException("读取总览失败", e);
        }
    }

    /** Every row of the selection, in its order (for the export). */
    public List<OverviewRow> rows(OverviewQuery q) {
        try (Connection c = dataSource.getConnection()) {
            return rows(c, q, Integer.MAX_VALUE, 0);
        } catch (SQLException e) {
            throw new StoreException("读取总览失败", e);
        }
    }

    private static Overview numbers(Connection c, OverviewQuery q, Map<String, Long> verdicts, List<OverviewRow> rows,
            int page, int size, int gaps) throws SQLException {
        // The verdicts are counted without the verdict filter; the selection is one of their bars, or all.
        long total = q.verdict() == null ? verdicts.values().stream().mapToLong(Long::longValue).sum()
                : verdicts.getOrDefault(q.verdict(), 0L);
        List<Overview.CommonGap> common = commonGaps(c, q, gaps);
        return new Overview(rows, page, size, total, verdicts, ofKind(common, OverviewQuery.INDICATOR),
                ofKind(common, OverviewQuery.PROBLEM));
    }

    private static List<Overview.CommonGap> ofKind(List<Overview.CommonGap> gaps, String kind) {
        return gaps.stream().filter(g -> g.kind().equals(kind)).toList();
    }

    private static List<OverviewRow> rows(Connection c, OverviewQuery q, int limit, long offset) throws SQLException {
        Where where = where(q, true);
        List<OverviewRow> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + UNITS + where.sql + " ORDER BY "
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
                + "'), COUNT(*)" + UNITS + where.sql + " GROUP BY COALESCE(l.verdict, '" + OverviewQuery.UNCHECKED + "')")) {
            where.bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /**
     * The {@code limit} indicators and problem classes that most of the selected units' latest
     * checks have gaps on, of both kinds in one query: counted (with the points) from the index on
     * {@code unit_gap (unit_id, kind, code, points)} alone, the register and the latest checks
     * joined only when a filter asks about them. A gap's name is looked up for those few only, by key: as the selected
     * unit first by id with that gap has it (the names of one code differ only when the criteria
     * renamed it between checks).
     */
    private static List<Overview.CommonGap> commonGaps(Connection c, OverviewQuery q, int limit) throws SQLException {
        Where where = where(q, true);
        List<Overview.CommonGap> gaps = new ArrayList<>();
        // Every gap row belongs to a registered unit (a foreign key): the register is joined, as the
        // latest checks are, only when a filter asks about it.
        String from = " FROM unit_gap g" + (where.units ? " JOIN unit u ON u.id = g.unit_id" : "")
                + (where.latest ? " JOIN unit_latest l ON l.unit_id = g.unit_id" : "");
        try (PreparedStatement s = c.prepareStatement("SELECT t.kind, t.code, (SELECT n.name FROM unit_gap n"
                + " WHERE n.unit_id = t.first_unit AND n.kind = t.kind AND n.code = t.code), t.units, t.points"
                + " FROM (SELECT g.kind, g.code, MIN(g.unit_id) AS first_unit, COUNT(*) AS units, SUM(g.points) AS points,"
                + " ROW_NUMBER() OVER"
                + " (PARTITION BY g.kind ORDER BY COUNT(*) DESC, SUM(g.points) DESC, g.code) AS r" + from + where.sql
                + " GROUP BY g.kind, g.code) t WHERE t.r <= ? ORDER BY t.kind, t.r")) {
            int i = where.bind(s, 1);
            s.setInt(i, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    gaps.add(new Overview.CommonGap(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getDouble(5)));
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

    /**
     * The WHERE clause of a query, its parameters, and whether it asks about the register ({@code u})
     * and about the latest check ({@code l}).
     */
    private record Where(String sql, List<Object> params, boolean units, boolean latest) {
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
        boolean latest = false;
        if (byVerdict && q.verdict() != null) {
            latest = true;
            if (q.verdict().equals(OverviewQuery.UNCHECKED)) {
                terms.add("l.unit_id IS NULL");
            } else {
                terms.add("l.verdict = ?");
                params.add(q.verdict());
            }
        }
        if (q.notCheckedSince() != null) {
            latest = true;
            terms.add("(l.checked_at IS NULL OR l.checked_at < ?)");
            params.add(q.notCheckedSince());
        }
        if (q.gapKind() != null && q.gapCode() != null) {
            terms.add("EXISTS (SELECT 1 FROM unit_gap f WHERE f.unit_id = u.id AND f.kind = ? AND f.code = ?)");
            params.add(q.gapKind());
            params.add(q.gapCode());
        }
        boolean units = q.region() != null || q.level() != null || q.gapKind() != null && q.gapCode() != null;
        return new Where(terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms), params, units, latest);
    }
}
