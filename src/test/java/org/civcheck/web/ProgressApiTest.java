package org.civcheck.web;

import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.contentType;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check as of a day through the service: {@code ?asOf=} on the API and the upload page's 检查日期,
 * the day and progress verdict kept beside the result, the 全年进度 section and its calendar
 * download, and refusals in Chinese.
 */
class ProgressApiTest {

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
    void anAsOfCheckAnswersWithItsProgressAndKeepsItInTheHistory() throws Exception {
        Http http = new Http(app);
        HttpResponse<byte[]> created = http.post("/api/assessments?asOf=2025-06-30", "application/json",
                example("rushed-before-inspection.json"));
        assertEquals(201, created.statusCode(), text(created));
        JsonNode doc = json(created);
        assertEquals("2025-06-30", doc.path("asOf").asText());
        assertEquals("behind", doc.path("progress").path("verdict").asText());
        assertEquals("明显滞后", doc.path("progress").path("verdictName").asText());
        String id = doc.path("id").asText();

        JsonNode listed = json(http.get("/api/assessments?unit=" + doc.path("unit").path("id").asText()));
        JsonNode item = listed.path("items").get(0);
        assertEquals(id, item.path("id").asText());
        assertEquals("2025-06-30", item.path("asOf").asText());
        assertEquals("behind", item.path("progressVerdict").asText());

        String page = text(http.get("/assessments/" + id, "text/html"));
        assertTrue(page.contains("全年进度"), page);
        assertTrue(page.contains("data-progress=\"behind\">明显滞后"), page);
        assertTrue(page.contains("待办事项"), page);
        assertTrue(page.contains("7月还需开展理论学习"), page);
        assertTrue(page.contains("预判结论（假如今天复查）"), page);
        assertTrue(page.contains("按进度应累计"), "the calendar shows the expected pace beside the actual");
        assertTrue(page.contains("实际累计"), page);
        assertTrue(page.contains("cal-month future"), "months after the day are marked as not yet come");

        HttpResponse<byte[]> ics = http.get("/assessments/" + id + "/todo.ics");
        assertEquals(200, ics.statusCode(), text(ics));
        assertTrue(contentType(ics).startsWith("text/calendar"), contentType(ics));
        Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.body(), StandardCharsets.UTF_8)));
        assertEquals(doc.path("progress").path("todo").size(), calendar.getComponents("VEVENT").size());
        assertTrue(ics.headers().firstValue("Content-Disposition").orElse("").contains(".ics"));

        // Scored again, the check stands on the same day; ?asOf= moves it.
        JsonNode again = json(http.post("/api/assessments/" + id + "/rescore", "application/json", new byte[0]));
        assertEquals("2025-06-30", again.path("asOf").asText());
        JsonNode later = json(http.post("/api/assessments/" + id + "/rescore?asOf=2025-09-30", "application/json",
                new byte[0]));
        assertEquals("2025-09-30", later.path("asOf").asText());
    }

    @Test
    void theUploadPagesDateFieldChecksAsOfThatDay() throws Exception {
        Http http = new Http(app);
        HttpResponse<byte[]> answer = http.post("/assessments", "multipart/form-data; boundary=" + Http.BOUNDARY,
                form("2025-09-30", example("well-run-library.json")));
        assertEquals(303, answer.statusCode(), text(answer));
        String location = answer.headers().firstValue("Location").orElseThrow();
        String page = text(http.get(location, "text/html"));
        assertTrue(page.contains("截至2025年9月30日"), page);
        assertTrue(page.contains("按进度可以通过"), page);
        String index = text(http.get("/", "text/html"));
        assertTrue(index.contains("name=\"asOf\""), "the upload page offers the date");
        assertTrue(index.contains("检查日期"), index);
    }

    @Test
    void aWholePeriodCheckHasNoProgressNoCalendarAndAnOldStoredResultStillRenders() throws Exception {
        Http http = new Http(app);
        JsonNode doc = json(http.post("/api/assessments", "application/json", example("well-run-library.json")));
        assertFalse(doc.has("asOf"));
        assertFalse(doc.has("progress"));
        String id = doc.path("id").asText();
        assertProblem(404, http.get("/assessments/" + id + "/todo.ics"));
        // A result stored before version 2: no resultVersion, no asOf, no progress.
        try (Connection c = app.database().dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT result_json FROM assessment WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                String old = rs.getString(1).replaceFirst(",\\s*\"resultVersion\"\\s*:\\s*2", "");
                assertFalse(old.contains("resultVersion"), old.substring(Math.max(0, old.length() - 200)));
                try (PreparedStatement u = c.prepareStatement("UPDATE assessment SET result_json = ? WHERE id = ?")) {
                    u.setString(1, old);
                    u.setString(2, id);
                    u.executeUpdate();
                }
            }
        }
        HttpResponse<byte[]> page = http.get("/assessments/" + id, "text/html");
        assertEquals(200, page.statusCode());
        assertFalse(text(page).contains("全年进度"));
        assertTrue(text(page).contains("可以通过"));
    }

    @Test
    void aBadDateIsA400AndADayBeforeThePeriodA422StoringNothing() {
        Http http = new Http(app);
        JsonNode bad = assertProblem(400, http.post("/api/assessments?asOf=30.6.2025", "application/json",
                example("well-run-library.json")));
        assertTrue(bad.path("detail").asText().contains("检查日期应写成 年-月-日"), bad.toString());
        int before = json(http.get("/api/assessments")).path("total").asInt();
        HttpResponse<byte[]> early = http.post("/api/assessments?asOf=2024-06-30", "application/json",
                example("well-run-library.json"));
        JsonNode problem = assertProblem(422, early);
        assertTrue(problem.toString().contains("早于评估期的开始日"), problem.toString());
        assertEquals(before, json(http.get("/api/assessments")).path("total").asInt(), "nothing stored");
    }

    /** A multipart form as the upload page sends it: the date, then the file. */
    private static byte[] form(String asOf, byte[] pkg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + Http.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"asOf\"\r\n\r\n" + asOf + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] file = Http.multipart("package", "evidence.json", pkg);
        out.writeBytes(file);
        return out.toByteArray();
    }
}
