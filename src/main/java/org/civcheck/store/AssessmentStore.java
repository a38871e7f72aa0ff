package org.civcheck.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Stores and reads assessments. A save writes the assessment row and the package bytes in one
 * transaction: both or neither. Ids are 128 random bits, so they cannot be guessed.
 */
public final class AssessmentStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SAVED_COLUMNS =
            "id, unit_id, unit_name, created_at, verdict, score, max_score, criteria_id, criteria_version";
    private static final String SUMMARY_COLUMNS = SAVED_COLUMNS + ", as_of, progress_verdict";

    private final DataSource dataSource;

    public AssessmentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A step of a save's transaction, run before the assessment is written: it may write rows of its
     * own (which commit with the assessment) and says whether the save goes ahead.
     */
    @FunctionalInterface
    public interface Claim {
        /** Whether to store assessment {@code id}; false rolls the whole transaction back. */
        boolean claim(Connection c, String id, NewAssessment a) throws SQLException;
    }

    /** Tries of a save that met another save of the same unit (see {@link UnitRows#refreshLatest}). */
    private static final int SAVE_TRIES = 5;

    /**
     * Stores the assessment and its package in one transaction and returns it as stored; the
     * overview's rows of its unit (latest check, gaps) change in the same transaction.
     */
    public StoredAssessment save(NewAssessment a) {
        return save(a, (c, id, x) -> true).orElseThrow();
    }

    /**
     * As {@link #save(NewAssessment)}, with {@code claim} first in the same transaction: empty, and
     * nothing stored, when it declines.
     */
    public Optional<StoredAssessment> save(NewAssessment a, Claim claim) {
        ResultDigest digest = ResultDigest.of(a.resultJson());
        String sha = sha256(a.packageBytes());
        for (int attempt = 1; ; attempt++) {
            try {
                return saveOnce(a, claim, digest, sha);
            } catch (SQLException e) {
                if (attempt >= SAVE_TRIES || !UnitRows.retryable(e)) {
                    throw new StoreException("保存评估结果失败", e);
                }
            }
        }
    }

    private Optional<StoredAssessment> saveOnce(NewAssessment a, Claim claim, ResultDigest digest, String sha)
            throws SQLException {
        String id = newId();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!claim.claim(c, id, a)) {
                    c.rollback();
                    return Optional.empty();
                }
                // A whole-period check leaves the progress columns (migration 6) to their default, null.
                boolean partial = a.asOf() != null;
                try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment (" + SAVED_COLUMNS
                        + ", criteria_sha256, package_sha256, package_size, package_media_type, package_name, result_json"
                        + (partial ? ", as_of, progress_verdict" : "") + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (partial ? ", ?, ?" : "") + ")")) {
                    s.setString(1, id);
                    s.setString(2, a.unitId());
                    s.setString(3, storable(a.unitName()));
                    s.setObject(4, now);
                    s.setString(5, a.verdict());
                    s.setDouble(6, a.score());
                    s.setDouble(7, a.maxScore());
                    s.setString(8, a.criteriaId());
                    s.setString(9, a.criteriaVersion());
                    s.setString(10, a.criteriaSha256());
                    s.setString(11, sha);
                    s.setLong(12, a.packageBytes().length);
                    s.setString(13, a.packageMediaType());
                    s.setString(14, storable(a.packageName()));
                    s.setString(15, a.resultJson());
                    if (partial) {
                        s.setObject(16, a.asOf(), java.sql.Types.DATE);
                        s.setString(17, a.progressVerdict());
                    }
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO assessment_package (assessment_id, bytes) VALUES (?, ?)")) {
                    s.setString(1, id);
                    s.setBinaryStream(2, new ByteArrayInputStream(a.packageBytes()), a.packageBytes().length);
                    s.executeUpdate();
                }
                UnitRows.saved(c, id, a.unitId(), a.unitName(), digest);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        AssessmentSummary summary = new AssessmentSummary(id, a.unitId(), a.unitName(), now, a.verdict(), a.score(),
                a.maxScore(), a.criteriaId(), a.criteriaVersion(), a.asOf(), a.progressVerdict());
        return Optional.of(new StoredAssessment(summary, sha, a.packageBytes().length, a.packageMediaType(),
                a.packageName(), a.criteriaSha256(), a.resultJson()));
    }

    /**
     * Stores many assessments in one transaction, the {@code i}-th as made at {@code times.get(i)}
     * (a bulk load: a benchmark's seed, an import of checks made elsewhere); the overview's rows of
     * their units change in the same transaction. Their ids, in order.
     */
    public List<String> saveAll(List<NewAssessment> assessments, List<OffsetDateTime> times) {
        if (assessments.size() != times.size()) {
            throw new IllegalArgumentException("one time per assessment");
        }
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement row = c.prepareStatement("INSERT INTO assessment (" + SAVED_COLUMNS
                    + ", criteria_sha256, package_sha256, package_size, package_media_type, package_name, result_json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement pkg = c.prepareStatement(
                            "INSERT INTO assessment_package (assessment_id, bytes) VALUES (?, ?)")) {
                java.util.Map<String, String> units = new java.util.LinkedHashMap<>();
                List<ResultDigest> digests = new ArrayList<>();
                for (int i = 0; i < assessments.size(); i++) {
                    NewAssessment a = assessments.get(i);
                    String id = newId();
                    ids.add(id);
                    row.setString(1, id);
                    row.setString(2, a.unitId());
                    row.setString(3, storable(a.unitName()));
                    row.setObject(4, times.get(i).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
                    row.setString(5, a.verdict());
                    row.setDouble(6, a.score());
                    row.setDouble(7, a.maxScore());
                    row.setString(8, a.criteriaId());
                    row.setString(9, a.criteriaVersion());
                    row.setString(10, a.criteriaSha256());
                    row.setString(11, sha256(a.packageBytes()));
                    row.setLong(12, a.packageBytes().length);
                    row.setString(13, a.packageMediaType());
                    row.setString(14, storable(a.packageName()));
                    row.setString(15, a.resultJson());
                    row.addBatch();
                    pkg.setString(1, id);
                    pkg.setBytes(2, a.packageBytes());
                    pkg.addBatch();
                    units.put(a.unitId(), a.unitName());
                    digests.add(ResultDigest.of(a.resultJson()));
                }
                row.executeBatch();
                pkg.executeBatch();
                for (int i = 0; i < ids.size(); i++) {
                    UnitRows.insertGaps(c, ids.get(i), digests.get(i));
                }
                for (java.util.Map.Entry<String, String> unit : units.entrySet()) {
                    UnitRows.ensureUnit(c, unit.getKey(), unit.getValue());
                    UnitRows.refreshLatest(c, unit.getKey());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("保存评估结果失败", e);
        }
        return ids;
    }

    /**
     * Each unit's latest assessment (the newest by time, then by id), by unit id; only the units of
     * {@code units} when it is not null.
     */
    public List<AssessmentSummary> latestPerUnit(java.util.Collection<String> units) {
        String where = units == null ? "" : " WHERE unit_id = ANY(?)";
        String sql = "SELECT " + SUMMARY_COLUMNS + " FROM (SELECT " + SUMMARY_COLUMNS
                + ", ROW_NUMBER() OVER (PARTITION BY unit_id ORDER BY created_at DESC, id DESC) AS n FROM assessment"
                + where + ") latest WHERE n = 1 ORDER BY unit_id";
        List<AssessmentSummary> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (units != null) {
                s.setArray(1, c.createArrayOf("VARCHAR", units.toArray()));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("读取评估记录失败", e);
        }
        return out;
    }

    public Optional<StoredAssessment> find(String id) {
        String sql = "SELECT " + SUMMARY_COLUMNS
                + ", package_sha256, package_size, package_media_type, package_name, criteria_sha256, result_json"
                + " FROM assessment WHERE id = ?";
        return query(sql, id, rs -> new StoredAssessment(summary(rs), rs.getString("package_sha256"),
                rs.getLong("package_size"), rs.getString("package_media_type"), rs.getString("package_name"),
                rs.getString("criteria_sha256"), rs.getString("result_json")));
    }

    public Optional<StoredPackage> findPackage(String id) {
        String sql = "SELECT p.bytes, a.package_size, a.package_media_type, a.package_name, a.package_sha256"
                + " FROM assessment a JOIN assessment_package p ON p.assessment_id = a.id WHERE a.id = ?";
        return query(sql, id, rs -> new StoredPackage(exactly(rs, 1, rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5)));
    }

    /**
     * The BLOB in column {@code column}, read into one array of the size recorded beside it.
     * {@code getBytes} grows a buffer by doubling and then copies it: about three times the
     * package at once, which is what ran a small heap out of memory on an 8 MB package.
     */
    private static byte[] exactly(ResultSet rs, int column, long size) throws SQLException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new SQLException("package of " + size + " bytes cannot be held in one array");
        }
        byte[] bytes = new byte[(int) size];
        try (InputStream in = rs.getBinaryStream(column)) {
            int read = in.readNBytes(bytes, 0, bytes.length);
            if (read != bytes.length || in.read() != -1) {
                throw new SQLException("stored package is not of its recorded size " + size);
            }
        } catch (IOException e) {
            throw new SQLException("reading the stored package failed", e);
        }
        return bytes;
    }

    /** A unit's assessments, newest first, {@code size} to a page (pages count from 1). */
    public Page<AssessmentSummary> list(String unitId, int page, int size) {
        return list(unitId, null, page, size);
    }

    /**
     * As {@link #list(String, int, int)}, of the units the register places in {@code regionId} or
     * below (any unit when null).
     */
    public Page<AssessmentSummary> list(String unitId, String regionId, int page, int size) {
        List<AssessmentSummary> items = new ArrayList<>();
        long total;
        List<String> terms = new ArrayList<>();
        if (unitId != null) {
            terms.add("unit_id = ?");
        }
        if (regionId != null) {
            terms.add("unit_id IN (SELECT id FROM unit WHERE " + Sql.WITHIN.replace("?col", "region_id") + ")");
        }
        String where = terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM assessment" + where)) {
                int i = 1;
                if (unitId != null) {
                    s.setString(i++, unitId);
                }
                if (regionId != null) {
                    Sql.bindWithin(s, i, regionId);
                }
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM assessment" + where
                    + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")) {
                int i = 1;
                if (unitId != null) {
                    s.setString(i++, unitId);
                }
                if (regionId != null) {
                    i = Sql.bindWithin(s, i, regionId);
                }
                s.setInt(i++, size);
                s.setLong(i, (long) (page - 1) * size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        items.add(summary(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("读取评估记录失败", e);
        }
        return new Page<>(items, page, size, total);
    }

    /**
     * Deletes an assessment and its package; false when there was none. Its unit's latest check in
     * the overview becomes the newest one left, in the same transaction.
     */
    public boolean delete(String id) {
        for (int attempt = 1; ; attempt++) {
            try {
                return deleteOnce(id);
            } catch (SQLException e) {
                if (attempt >= SAVE_TRIES || !UnitRows.retryable(e)) {
                    throw new StoreException("删除评估记录失败", e);
                }
            }
        }
    }

    private boolean deleteOnce(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String unitId = null;
                try (PreparedStatement s = c.prepareStatement("SELECT unit_id FROM assessment WHERE id = ?")) {
                    s.setString(1, id);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            unitId = rs.getString(1);
                        }
                    }
                }
                boolean deleted;
                try (PreparedStatement s = c.prepareStatement("DELETE FROM assessment WHERE id = ?")) {
                    s.setString(1, id);
                    deleted = s.executeUpdate() == 1;
                }
                if (deleted && unitId != null) {
                    UnitRows.refreshLatest(c, unitId);
                }
                c.commit();
                return deleted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The register of units and regions, in the same database. */
    public UnitRegister register() {
        return new UnitRegister(dataSource);
    }

    /** The 文明办's view of the units, in the same database. */
    public OverviewStore overview() {
        return new OverviewStore(dataSource);
    }

    /** How long {@link #isReachable()} waits for the database's answer. */
    public static final java.time.Duration HEALTH_TIMEOUT = java.time.Duration.ofSeconds(3);

    /** One thread for health checks: a check stuck in a broken database makes the next ones time out, not pile up. */
    private static final java.util.concurrent.ExecutorService HEALTH = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-health");
        t.setDaemon(true);
        return t;
    });

    /**
     * Whether the database answers a real query on the assessments table within
     * {@link #HEALTH_TIMEOUT}: a connection that is merely open (an embedded database whose store
     * has failed keeps those) is not enough.
     */
    public boolean isReachable() {
        java.util.concurrent.Future<Boolean> check = HEALTH.submit(this::answersAQuery);
        try {
            return check.get(HEALTH_TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            check.cancel(true);
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean answersAQuery() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM assessment WHERE id = ?")) {
            s.setQueryTimeout((int) HEALTH_TIMEOUT.toSeconds());
            s.setString(1, "health-check");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> Optional<T> query(String sql, String id, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("读取评估记录失败", e);
        }
    }

    private static AssessmentSummary summary(ResultSet rs) throws SQLException {
        return new AssessmentSummary(rs.getString("id"), rs.getString("unit_id"), rs.getString("unit_name"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("verdict"), rs.getDouble("score"),
                rs.getDouble("max_score"), rs.getString("criteria_id"), rs.getString("criteria_version"),
                rs.getObject("as_of", java.time.LocalDate.class), rs.getString("progress_verdict"));
    }

    /**
     * Text as every database can keep it: PostgreSQL refuses U+0000 in text columns, so it becomes
     * U+FFFD there (the package bytes and the result JSON keep the original).
     */
    static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
