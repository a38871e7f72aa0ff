package org.civcheck.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the store promises, whatever the database: each subclass gives every test a fresh, empty
 * database ({@link #freshDatabaseUrl()}) and drops it afterwards ({@link #dropDatabase()}).
 */
abstract class AssessmentStoreContract {

    /** A JDBC URL of an empty database no other test uses; opened, closed and reopened by the tests. */
    abstract String freshDatabaseUrl() throws Exception;

    /** Removes what {@link #freshDatabaseUrl()} made, so a rerun starts clean. */
    abstract void dropDatabase() throws Exception;

    private String url;
    private Database db;

    @BeforeEach
    void openFreshDatabase() throws Exception {
        url = freshDatabaseUrl();
        db = Database.open(url);
    }

    @AfterEach
    void closeAndDrop() throws Exception {
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    // --- the schema ----------------------------------------------------------------------------------

    @Test
    void theMigrationsApplyToAnEmptyDatabaseAndReopeningAppliesNothingMore() throws Exception {
        MigrationInfo[] applied = flyway(db).info().applied();
        List<String> versions = java.util.Arrays.stream(applied).map(m -> m.getVersion().getVersion()).toList();
        List<String> known = java.util.Arrays.stream(flyway(db).info().all()).map(m -> m.getVersion().getVersion()).toList();
        assertTrue(versions.containsAll(List.of("1", "2", "3")), "migrations 1 to 3 at least: " + versions);
        assertEquals(known, versions, "every migration applied, in order");
        for (MigrationInfo m : applied) {
            assertEquals(MigrationState.SUCCESS, m.getState(), m.getVersion().getVersion());
        }
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment"));
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment_package"));

        db.close();
        db = Database.open(url);

        MigrationInfo[] again = flyway(db).info().applied();
        assertEquals(applied.length, again.length, "reopening applies no migration again");
        assertEquals(applied[applied.length - 1].getInstalledOn(), again[again.length - 1].getInstalledOn());
        assertEquals(0, flyway(db).info().pending().length);
    }

    @Test
    void packagesStoredBeforeTheyWereKeptOutOfTheRowAreKeptByTheMigration() throws Exception {
        db.close();
        dropDatabase();
        url = freshDatabaseUrl();
        // A database of the first release: migration 1 only, with a package in it.
        String id;
        try (Database first = Database.openAt(url, "1")) {
            id = FirstRelease.save(first.dataSource(), assessment("qw-office", everyByteValue()));
        }

        db = Database.open(url);

        assertEquals(0, flyway(db).info().pending().length);
        assertArrayEquals(everyByteValue(), store().findPackage(id).orElseThrow().bytes());
    }

    @Test
    void anAsOfCheckKeepsItsDayAndProgressVerdictInTheSummaryAndAWholePeriodOneKeepsNone() {
        NewAssessment plain = assessment("qw-office", everyByteValue());
        NewAssessment partial = new NewAssessment(plain.unitId(), plain.unitName(), plain.verdict(), plain.score(),
                plain.maxScore(), plain.criteriaId(), plain.criteriaVersion(), plain.criteriaSha256(),
                plain.packageBytes(), plain.packageMediaType(), plain.packageName(), plain.resultJson(),
                java.time.LocalDate.of(2025, 6, 30), "behind");
        String whole = store().save(plain).id();
        StoredAssessment saved = store().save(partial);
        assertEquals(java.time.LocalDate.of(2025, 6, 30), saved.summary().asOf());

        AssessmentSummary found = store().find(saved.id()).orElseThrow().summary();
        assertEquals(java.time.LocalDate.of(2025, 6, 30), found.asOf());
        assertEquals("behind", found.progressVerdict());
        assertTrue(found.isPartial());
        AssessmentSummary listed = store().list("qw-office", 1, 10).items().stream()
                .filter(s -> s.id().equals(whole)).findFirst().orElseThrow();
        assertEquals(null, listed.asOf());
        assertEquals(null, listed.progressVerdict());
        assertEquals("behind", store().list("qw-office", 1, 10).items().stream()
                .filter(s -> s.id().equals(saved.id())).findFirst().orElseThrow().progressVerdict());
    }

    // --- saving and reading --------------------------------------------------------------------------

    @Test
    void aSavedAssessmentReadsBackWithIdenticalPackageBytesAndResultJson() {
        byte[] pkg = everyByteValue();
        NewAssessment a = assessment("qw-office", pkg, "application/zip", "区委办 2025.zip");

        StoredAssessment saved = store().save(a);
        StoredAssessment found = store().find(saved.id()).orElseThrow();
        StoredPackage stored = store().findPackage(saved.id()).orElseThrow();

        assertTrue(saved.id().matches("[0-9a-f]{32}"), saved.id());
        assertArrayEquals(pkg, stored.bytes(), "the package byte for byte");
        assertEquals(sha256(pkg), stored.sha256());
        assertEquals(sha256(pkg), found.packageSha256());
        assertEquals("application/zip", stored.mediaType());
        assertEquals("区委办 2025.zip", stored.name());
        assertEquals(a.resultJson(), found.resultJson(), "the result JSON character for character");
        assertEquals(pkg.length, found.packageSize());
        assertEquals(a.criteriaSha256(), found.criteriaSha256());
        assertEquals(saved.summary().id(), found.summary().id());
        assertEquals("qw-office", found.summary().unitId());
        assertEquals("××区委办公室", found.summary().unitName());
        assertEquals("not-ready", found.summary().verdict());
        assertEquals(72.5, found.summary().score());
        assertEquals(100.0, found.summary().maxScore());
        assertEquals("provincial", found.summary().criteriaId());
        assertEquals("2026.1", found.summary().criteriaVersion());
        assertTrue(saved.createdAt().isEqual(found.createdAt()),
                "stored time " + found.createdAt() + " is the time saved " + saved.createdAt());
        assertEquals(saved.createdAt().truncatedTo(ChronoUnit.MILLIS), saved.createdAt());
    }

    @Test
    void anUnknownIdFindsNothing() {
        assertTrue(store().find("0123456789abcdef0123456789abcdef").isEmpty());
        assertTrue(store().findPackage("0123456789abcdef0123456789abcdef").isEmpty());
    }

    // --- listing -------------------------------------------------------------------------------------

    @Test
    void aUnitsAssessmentsAreListedNewestFirstInPagesOfTheGivenSize() {
        List<StoredAssessment> library = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            library.add(store().save(assessment("city-library", utf8("{\"n\":" + i + "}"))));
        }
        store().save(assessment("water-bureau", utf8("{}")));
        store().save(assessment("water-bureau", utf8("{}")));

        List<AssessmentSummary> listed = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Page<AssessmentSummary> p = store().list("city-library", page, 2);
            assertEquals(5, p.total());
            assertEquals(page, p.page());
            assertEquals(2, p.size());
            assertEquals(page < 3 ? 2 : 1, p.items().size(), "page " + page);
            listed.addAll(p.items());
        }

        assertEquals(ids(library), new HashSet<>(listed.stream().map(AssessmentSummary::id).toList()),
                "the pages hold each of the unit's assessments once");
        assertEquals(5, listed.stream().map(AssessmentSummary::id).distinct().count());
        for (int i = 1; i < listed.size(); i++) {
            assertFalse(listed.get(i).createdAt().isAfter(listed.get(i - 1).createdAt()), "newest first: " + listed);
        }
        for (StoredAssessment earlier : library) {
            for (StoredAssessment later : library) {
                if (later.createdAt().isAfter(earlier.createdAt())) {
                    assertTrue(indexOf(listed, later.id()) < indexOf(listed, earlier.id()),
                            "saved later, listed earlier: " + later.id() + " before " + earlier.id());
                }
            }
        }
        assertEquals(List.of(), store().list("city-library", 4, 2).items(), "past the end");
        assertEquals(7, store().list(null, 1, 100).total(), "without a unit: every unit");
        assertEquals(0, store().list("nobody", 1, 20).total());
    }

    // --- deleting ------------------------------------------------------------------------------------

    @Test
    void deletingAnAssessmentDeletesItsPackageRowToo() throws SQLException {
        StoredAssessment kept = store().save(assessment("city-library", utf8("{\"keep\":true}")));
        StoredAssessment gone = store().save(assessment("city-library", utf8("{\"keep\":false}")));

        assertTrue(store().delete(gone.id()));

        assertTrue(store().find(gone.id()).isEmpty());
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment_package WHERE assessment_id = ?", gone.id()),
                "the package row went with its assessment");
        assertEquals(1, rows("SELECT COUNT(*) FROM assessment_package WHERE assessment_id = ?", kept.id()));
        assertTrue(store().findPackage(kept.id()).isPresent(), "the other assessment keeps its package");
        assertFalse(store().delete(gone.id()), "deleting again deletes nothing");
    }

    // --- all or nothing ------------------------------------------------------------------------------

    @Test
    void aSaveWhosePackageInsertFailsLeavesNoAssessmentRow() throws SQLException {
        AssessmentStore failing = new AssessmentStore(failingPackageInserts(db.dataSource()));

        StoreException e = assertThrows(StoreException.class,
                () -> failing.save(assessment("city-library", utf8("{}"))));

        assertEquals("保存评估结果失败", e.getMessage());
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment"), "the assessment row was rolled back");
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment_package"));
        assertEquals(0, store().list(null, 1, 20).total());
    }

    @Test
    void aSaveWithAUnitIdLongerThanItsColumnStoresNothing() throws SQLException {
        assertThrows(StoreException.class, () -> store().save(assessment("u".repeat(65), utf8("{}"))));

        assertEquals(0, rows("SELECT COUNT(*) FROM assessment"));
        assertEquals(0, rows("SELECT COUNT(*) FROM assessment_package"));
    }

    @Test
    void theStoreSavesAgainAfterAFailedSave() {
        for (int i = 0; i < 10; i++) { // more failures than the pool has connections
            assertThrows(StoreException.class, () -> store().save(assessment("u".repeat(65), utf8("{}"))));
        }

        StoredAssessment saved = store().save(assessment("city-library", utf8("{}")));

        assertTrue(store().find(saved.id()).isPresent());
        assertEquals(1, store().list(null, 1, 20).total());
    }

    // --- restarts ------------------------------------------------------------------------------------

    @Test
    void reopeningTheDatabaseKeepsEveryAssessment() {
        List<StoredAssessment> saved = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            saved.add(store().save(assessment("city-library", utf8("{\"n\":" + i + "}"))));
        }

        db.close();
        db = Database.open(url);

        assertEquals(3, store().list("city-library", 1, 20).total());
        for (StoredAssessment s : saved) {
            StoredAssessment found = store().find(s.id()).orElseThrow(() -> new AssertionError("lost " + s.id()));
            assertEquals(s.resultJson(), found.resultJson());
            assertTrue(s.createdAt().isEqual(found.createdAt()));
            assertArrayEquals(utf8("{\"n\":" + saved.indexOf(s) + "}"), store().findPackage(s.id()).orElseThrow().bytes());
        }
    }

    @Test
    void aClosedDatabaseIsReportedUnreachable() {
        AssessmentStore store = store();
        assertTrue(store.isReachable());

        db.close();

        assertFalse(store.isReachable());
        assertThrows(StoreException.class, () -> store.list(null, 1, 20));
    }

    // --- helpers -------------------------------------------------------------------------------------

    private AssessmentStore store() {
        return new AssessmentStore(db.dataSource());
    }

    static NewAssessment assessment(String unitId, byte[] pkg) {
        return assessment(unitId, pkg, "application/json", "evidence.json");
    }

    static NewAssessment assessment(String unitId, byte[] pkg, String mediaType, String name) {
        String resultJson = "{\n  \"unit\" : { \"id\" : \"" + unitId + "\", \"name\" : \"××区委办公室\" },\n"
                + "  \"verdict\" : \"not-ready\",\n  \"score\" : 72.5,\n"
                + "  \"gaps\" : [ { \"message\" : \"志愿服务仅在3个月开展（3月、5月、12月），要求≥10个月\", \"note\" : \"𠮷\\u0000\" } ]\n}";
        return new NewAssessment(unitId, "××区委办公室", "not-ready", 72.5, 100.0, "provincial", "2026.1",
                "b5b47544372a3ecf344272b9b8b1eb701519a98108f7f2de82658d34338ef1a8", pkg, mediaType, name, resultJson);
    }

    /** 256 bytes, 0x00 to 0xFF, then a zip header: nothing a text column would keep intact. */
    static byte[] everyByteValue() {
        byte[] bytes = new byte[260];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        bytes[256] = 'P';
        bytes[257] = 'K';
        bytes[258] = 3;
        bytes[259] = 4;
        return bytes;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> ids(List<StoredAssessment> saved) {
        Set<String> ids = new HashSet<>();
        saved.forEach(s -> ids.add(s.id()));
        return ids;
    }

    private static int indexOf(List<AssessmentSummary> listed, String id) {
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id + " not listed");
    }

    private Flyway flyway(Database db) {
        return Database.migrations(db.dataSource()).load();
    }

    private long rows(String countSql, String... params) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(countSql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The data source, except that inserting a package fails as a full disk or a lost connection would. */
    static DataSource failingPackageInserts(DataSource real) {
        InvocationHandler connections = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            Connection connection = (Connection) result;
            return Proxy.newProxyInstance(AssessmentStoreContract.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, m, a) -> {
                        if (m.getName().equals("prepareStatement") && a != null && a[0] instanceof String sql
                                && sql.toLowerCase(Locale.ROOT).startsWith("insert into assessment_package")) {
                            throw new SQLException("forced failure: the package insert fails");
                        }
                        return invoke(connection, m, a);
                    });
        };
        return (DataSource) Proxy.newProxyInstance(AssessmentStoreContract.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, connections);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
