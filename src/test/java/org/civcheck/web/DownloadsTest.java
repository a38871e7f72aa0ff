package org.civcheck.web;

import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 复查表 a coordinator downloads from the results page or the API. */
class DownloadsTest {

    @TempDir
    static Path dir;

    static TestApp app;
    static String id;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
        HttpResponse<byte[]> created = new Http(app).post("/api/assessments", "application/json",
                example("seed-district-office.json"));
        assertEquals(201, created.statusCode(), text(created));
        id = json(created).path("id").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theTableDownloadsAsAWorkbookWithOneRowPerIndicator() throws IOException {
        HttpResponse<byte[]> xlsx = new Http(app).get("/api/assessments/" + id + "/table.xlsx");
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.openxmlformats"));
        assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains("filename*=UTF-8''"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = book.getSheet("复查表");
            boolean found = false;
            for (var row : sheet) {
                for (var cell : row) {
                    found |= cell.toString().equals("年初制定年度创建计划");
                }
            }
            assertTrue(found, "the annual-plan indicator is a row of the table");
        }
    }

    @Test
    void theTableDownloadsAsCsvThatExcelReadsAsChinese() {
        HttpResponse<byte[]> csv = new Http(app).get("/assessments/" + id + "/table.csv");
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF文明单位复查表（自评）· ××区委办公室\r\n单位：××区委办公室"),
                text.substring(0, Math.min(40, text.length())));
        assertTrue(text.contains("结论：难以通过"), "the verdict heads the table");
        assertTrue(text.contains("\r\n测评项目,测评内容,分值"), "then the column titles");
        assertTrue(text.contains("年初制定年度创建计划"), "rows in Chinese");
    }

    @Test
    void theReportDraftDownloadsAsAWordDocumentWithTheThreeParts() throws IOException {
        HttpResponse<byte[]> docx = new Http(app).get("/assessments/" + id + "/report.docx");
        assertEquals(200, docx.statusCode(), text(docx));
        assertTrue(docx.headers().firstValue("Content-Type").orElse("").contains("wordprocessingml"));
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx.body()))) {
            String all = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            assertTrue(all.contains("一、创建工作开展情况"), all);
            assertTrue(all.contains("二、创建工作中存在的主要问题"), all);
            assertTrue(all.contains("三、下步工作思路"), all);
            assertTrue(all.contains("创建参与度还不够充分"), "the participation problem of the seed office is named");
        }
    }

    @Test
    void theReportDraftDownloadsAsMarkdownToo() {
        HttpResponse<byte[]> md = new Http(app).get("/api/assessments/" + id + "/report.md");
        assertEquals(200, md.statusCode(), text(md));
        assertTrue(text(md).contains("## 二、创建工作中存在的主要问题"), text(md));
    }

    @Test
    void anUnknownTableFormatIsNotFound() {
        assertEquals(404, new Http(app).get("/api/assessments/" + id + "/table.pdf").statusCode());
    }

    @Test
    void theResultsPageLinksBothDownloads() {
        String page = text(new Http(app).get("/assessments/" + id));
        assertTrue(page.contains("href=\"/assessments/" + id + "/table.xlsx\""), "xlsx link");
        assertTrue(page.contains("href=\"/assessments/" + id + "/table.csv\""), "csv link");
        assertTrue(page.contains("href=\"/assessments/" + id + "/report.docx\""), "docx link");
        assertTrue(page.contains("href=\"/assessments/" + id + "/report.md\""), "md link");
    }
}
