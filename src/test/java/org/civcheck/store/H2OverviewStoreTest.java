package org.civcheck.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overview on the embedded H2, and migration 4 filling it from the checks stored before. */
class H2OverviewStoreTest extends OverviewStoreContract {

    @TempDir
    Path dir;

    @Override
    String freshDatabaseUrl() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("civcheck");
    }

    @Override
    void dropDatabase() {
        // the folder goes with the test
    }

    @Test
    void checksStoredBeforeTheOverviewExistedFillItWhenTheDatabaseOpens() throws Exception {
        String old = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("old");
        try (Database first = Database.openAt(old, "2")) {
            FirstRelease.save(first.dataSource(), result("qw-office", "not-ready", 55,
                    gap("signature-activity", "特色活动", "diversity", "形式不够多样", 3)));
            Thread.sleep(5);
            FirstRelease.save(first.dataSource(), result("qw-office", "at-risk", 82,
                    gap("volunteer-months", "志愿服务常态化", "mechanism", "长效机制不健全", 2)));
            FirstRelease.save(first.dataSource(), result("gs-bank", "ready", 90));
        }

        try (Database migrated = Database.open(old)) {
            Overview o = new OverviewStore(migrated.dataSource()).overview(OverviewQuery.of(null), 1, 20, 10);

            assertEquals(List.of("qw-office", "gs-bank"), o.rows().stream().map(OverviewRow::unitId).toList());
            assertEquals(27.0, o.rows().get(0).change());
            assertEquals("包中名称", o.rows().get(0).unitName(), "a unit no register placed takes its package's name");
            assertEquals(null, o.rows().get(0).regionId());
            assertEquals(List.of("volunteer-months"), o.indicators().stream().map(Overview.CommonGap::code).toList());
        }
    }

    @Test
    void aCheckMadeDuringTheYearBeforeMigration8KeepsItsProgressInTheOverview() throws Exception {
        String old = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("before8");
        try (Database third = Database.openAt(old, "3")) {
            FirstRelease.save(third.dataSource(), result("qw-office", "not-ready", 55));
            Thread.sleep(5);
            FirstRelease.save(third.dataSource(), result("qw-office", "at-risk", 82,
                    gap("volunteer-months", "志愿服务常态化", "mechanism", "长效机制不健全", 2)));
            FirstRelease.save(third.dataSource(), result("gs-bank", "ready", 90));
        }
        try (Database seventh = Database.openAt(old, "7");
                java.sql.Connection c = seventh.dataSource().getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("UPDATE assessment SET as_of = ?, progress_verdict = ?"
                        + " WHERE unit_id = ? AND score = ?")) {
            // As the release of migrations 6 and 7 stored a check made during the year: in its row only.
            s.setObject(1, java.time.LocalDate.of(2025, 6, 30));
            s.setString(2, "at-risk");
            s.setString(3, "qw-office");
            s.setDouble(4, 82);
            assertEquals(1, s.executeUpdate());
        }

        try (Database migrated = Database.open(old)) {
            Overview o = new OverviewStore(migrated.dataSource()).overview(OverviewQuery.of(null), 1, 20, 10);

            assertEquals(List.of("qw-office", "gs-bank"), o.rows().stream().map(OverviewRow::unitId).toList());
            assertEquals("at-risk", o.rows().get(0).progressVerdict());
            assertEquals(java.time.LocalDate.of(2025, 6, 30), o.rows().get(0).asOf());
            assertEquals(27.0, o.rows().get(0).change());
            assertEquals(null, o.rows().get(1).progressVerdict(), "a check of the whole period");
            assertEquals(List.of("volunteer-months"), o.indicators().stream().map(Overview.CommonGap::code).toList());
            assertEquals("志愿服务常态化", o.indicators().get(0).name());
        }
    }
}
