package org.civcheck.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * Saves an assessment as the first release did (the assessment row and its package, nothing more),
 * into a database made with {@code Database.openAt(url, "1")}: the store of today also writes
 * tables that a database of migration 1 does not have yet.
 */
final class FirstRelease {

    private FirstRelease() {}

    static String save(DataSource dataSource, NewAssessment a) throws SQLException {
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment (id, unit_id, unit_name, created_at,"
                    + " verdict, score, max_score, criteria_id, criteria_version, criteria_sha256, package_sha256,"
                    + " package_size, package_media_type, package_name, result_json)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, id);
                s.setString(2, a.unitId());
                s.setString(3, AssessmentStore.storable(a.unitName()));
                s.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                s.setString(5, a.verdict());
                s.setDouble(6, a.score());
                s.setDouble(7, a.maxScore());
                s.setString(8, a.criteriaId());
                s.setString(9, a.criteriaVersion());
                s.setString(10, a.criteriaSha256());
                s.setString(11, AssessmentStore.sha256(a.packageBytes()));
                s.setLong(12, a.packageBytes().length);
                s.setString(13, a.packageMediaType());
                s.setString(14, AssessmentStore.storable(a.packageName()));
                s.setString(15, a.resultJson());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO assessment_package (assessment_id, bytes) VALUES (?, ?)")) {
                s.setString(1, id);
                s.setBytes(2, a.packageBytes());
                s.executeUpdate();
            }
        }
        return id;
    }
}
