package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health} tells the truth about the database: it runs a query on the assessments, so a
 * database that still hands out connections but cannot serve the assessments is "degraded" (503).
 */
class HealthTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseThatCannotServeTheAssessmentsIsReportedDegraded() throws Exception {
        try (TestApp app = TestApp.start(dir)) {
            Http http = new Http(app);
            assertEquals(200, http.get("/health").statusCode());
            try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE assessment_package");
                s.execute("DROP TABLE assessment CASCADE"); // with the overview's tables that refer to it
            }

            long began = System.nanoTime();
            HttpResponse<byte[]> health = http.get("/health");
            long took = (System.nanoTime() - began) / 1_000_000;

            assertEquals(503, health.statusCode(), Http.text(health));
            JsonNode body = Http.json(health);
            assertEquals("degraded", body.path("status").asText());
            assertEquals("unreachable", body.path("database").asText());
            assertTrue(took < 10_000, "answered in " + took + " ms");
        }
    }
}
