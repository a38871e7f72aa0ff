package org.civcheck.web;

import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.contentType;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 台账 workbook through the API and the pages: the blank template, an upload, its refusal at the cell, the way out. */
class WorkbookApiTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @TempDir
    static Path dir;

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theTemplateDownloadsAsAWorkbookWithTheActivitySheet() throws Exception {
        HttpResponse<byte[]> template = new Http(app).get("/api/template.xlsx");
        assertEquals(200, template.statusCode());
        assertEquals(XLSX, contentType(template));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
            assertEquals("日期*", book.getSheet("活动台账").getRow(0).getCell(1).getStringCellValue());
        }
    }

    @Test
    void aWorkbookUploadedScoresAsItsJsonAndDownloadsAgainAsAWorkbook() {
        Http http = new Http(app);
        JsonNode fromJson = json(http.post("/api/assessments?dryRun=true", "application/json", Http.example("seed-district-office.json")));
        HttpResponse<byte[]> workbook = http.get("/api/template.xlsx");
        HttpResponse<byte[]> created = http.post("/api/assessments", "application/json", Http.example("seed-district-office.json"));
        String id = json(created).path("id").asText();
        HttpResponse<byte[]> exported = http.get("/api/assessments/" + id + "/package.xlsx");
        assertEquals(200, exported.statusCode(), text(exported));
        assertTrue(workbook.body().length > 0);

        HttpResponse<byte[]> again = http.post("/api/assessments", XLSX, exported.body());
        assertEquals(201, again.statusCode(), new String(again.body(), java.nio.charset.StandardCharsets.UTF_8));
        JsonNode result = json(again);
        assertEquals(fromJson.path("score").asDouble(), result.path("score").asDouble(), text(again));
        HttpResponse<byte[]> original = http.get("/api/assessments/" + result.path("id").asText() + "/package");
        assertEquals(XLSX, contentType(original));
    }

    @Test
    void aBlankTemplateUploadedIsRefusedAtItsCellsAndNothingIsStored() {
        Http http = new Http(app);
        int before = json(http.get("/api/assessments")).path("total").asInt();
        byte[] blank = http.get("/api/template.xlsx").body();
        JsonNode problem = assertProblem(422, http.postForm("/api/assessments", "package", "台账.xlsx", blank));
        assertTrue(problem.toString().contains("单位!B3"), problem.toString());
        assertEquals(before, json(http.get("/api/assessments")).path("total").asInt());
    }
}
