package org.civcheck.web;

import static org.civcheck.web.Http.bytes;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.exampleTree;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.sha256;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service on PostgreSQL, as a shared deployment runs it: what H2 stores, PostgreSQL stores too.
 * Skipped unless {@code CIVCHECK_TEST_PG_URL} is set; the app gets a schema of its own.
 */
class PostgresApiTest {

    static String schema;
    static TestApp app;
    /** A client of its own for each test: no test inherits another's connections. */
    Http http;

    @BeforeAll
    static void start() throws Exception {
        if (!TestPostgres.isConfigured()) {
            return;
        }
        schema = TestPostgres.createSchema();
        app = TestApp.startOn(TestPostgres.url(schema), ReadLimits.defaults().maxPackageBytes());
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (schema != null) {
            TestPostgres.dropSchema(schema);
        }
    }

    @BeforeEach
    void needsPostgres() {
        TestPostgres.assumeConfigured();
        http = new Http(app);
    }

    @Test
    void aZipUploadedToAPostgresServiceDownloadsByteForByte() {
        byte[] zip = example("well-run-library.zip");
        HttpResponse<byte[]> created = http.post("/api/assessments", "application/zip", zip);
        assertEquals(201, created.statusCode(), text(created));

        JsonNode doc = json(http.get(created.headers().firstValue("Location").orElseThrow()));
        HttpResponse<byte[]> download = http.get(doc.path("package").path("href").asText());

        assertEquals("ready", doc.path("verdict").asText());
        assertArrayEquals(zip, download.body());
        assertEquals(sha256(zip), doc.path("package").path("sha256").asText());
    }

    @Test
    void chineseTextReadsBackUnchangedFromPostgres() {
        HttpResponse<byte[]> created = http.post("/api/assessments", "application/json",
                example("seed-district-office.json"));
        assertEquals(201, created.statusCode(), text(created));

        JsonNode doc = json(http.get(created.headers().firstValue("Location").orElseThrow()));
        JsonNode listed = json(http.get("/api/assessments?unit=qw-office")).path("items").get(0);

        assertEquals("××区委办公室", doc.path("unit").path("name").asText());
        assertEquals("××区委办公室", listed.path("unitName").asText());
        assertEquals(json(created), doc);
    }

    @Test
    void aUnitNameWithANulCharacterIsStoredOrRefusedAsAPackageFaultNeverADatabaseOutage() {
        ObjectNode pkg = exampleTree("well-run-library.json");
        ((ObjectNode) pkg.get("unit")).put("name", "××市图书馆\u0000");

        HttpResponse<byte[]> response = http.post("/api/assessments", "application/json", bytes(pkg));

        if (response.statusCode() == 422) {
            assertTrue(text(response).contains("$.unit.name"), text(response));
        } else {
            assertEquals(201, response.statusCode(), text(response));
        }
    }
}
