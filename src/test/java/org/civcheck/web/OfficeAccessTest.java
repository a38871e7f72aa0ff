package org.civcheck.web;

import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civcheck.web.access.Access;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office role: a 文明办's token reads every unit the register places in its region and below,
 * through the API, the pages and the export, and nothing of a neighbouring region's; it writes
 * nothing. The register is imported through the API by an author.
 */
class OfficeAccessTest {

    static final String REGISTER = """
            单位编号,单位名称,文明单位级别,省,市,区县
            qw-office,玄武区委办公室,市级,江苏省,南京市,玄武区
            nj-school,秦淮中学,市级,江苏省,南京市,秦淮区
            sz-library,姑苏区图书馆,省级,江苏省,苏州市,姑苏区
            """;

    @TempDir
    static Path dir;

    static TestApp app;
    static String unitToken;
    static String neighbourUnit;
    static String author;
    static String nanjing;
    static String suzhou;
    static String province;
    static String idNanjing;
    static String idSuzhou;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        AccessConfig.Added a = new AccessConfig(List.of()).add(AccessEntry.Role.UNIT, "qw-office");
        AccessConfig.Added b = a.config().add(AccessEntry.Role.UNIT, "sz-library");
        AccessConfig.Added au = b.config().add(AccessEntry.Role.AUTHOR, null);
        AccessConfig.Added nj = au.config().add(AccessEntry.Role.OFFICE, null, "江苏省/南京市");
        AccessConfig.Added sz = nj.config().add(AccessEntry.Role.OFFICE, null, "江苏省/苏州市");
        AccessConfig.Added js = sz.config().add(AccessEntry.Role.OFFICE, null, "江苏省");
        unitToken = a.token();
        neighbourUnit = b.token();
        author = au.token();
        nanjing = nj.token();
        suzhou = sz.token();
        province = js.token();
        Path file = dir.resolve("access.json");
        js.config().save(file);
        app = TestApp.startWithAccess(dir, Access.fromFile(file));
        idNanjing = json(upload(unitToken, "seed-district-office.json")).path("id").asText();
        idSuzhou = json(upload(neighbourUnit, "well-run-library.json")).path("id").asText();
        assertFalse(idNanjing.isEmpty());
        assertFalse(idSuzhou.isEmpty());
        HttpResponse<byte[]> imported = importRegister(author, REGISTER);
        assertEquals(200, imported.statusCode(), text(imported));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anOfficeListsTheUnitsOfItsRegionAndBelowAndNoNeighbours() {
        JsonNode mine = json(get("/api/overview", nanjing));
        JsonNode theirs = json(get("/api/overview", suzhou));
        JsonNode all = json(get("/api/overview", province));

        assertEquals(List.of("nj-school", "qw-office"), sorted(units(mine)));
        assertEquals(List.of("sz-library"), units(theirs));
        assertEquals(3, all.path("units").size());
        assertEquals("江苏省/南京市", mine.path("region").asText());
        JsonNode office = find(mine, "qw-office");
        assertEquals("玄武区委办公室", office.path("name").asText(), "the register's name");
        assertEquals(idNanjing, office.path("assessment").asText());
        assertTrue(office.path("score").isNumber());
        assertTrue(find(mine, "nj-school").path("verdict").isNull(), "never checked");
        assertEquals(1, mine.path("verdicts").path("unchecked").asLong());
    }

    @Test
    void anOfficeReadsAssessmentsOfItsRegionAndNotItsNeighboursWhichLookMissing() {
        assertEquals(200, get("/api/assessments/" + idNanjing, nanjing).statusCode());
        assertEquals(200, get("/api/assessments/" + idNanjing + "/table.xlsx", nanjing).statusCode());
        assertProblem(404, get("/api/assessments/" + idSuzhou, nanjing));
        assertProblem(404, get("/api/assessments/" + idSuzhou + "/package", nanjing));
        assertEquals(200, get("/api/assessments/" + idSuzhou, province).statusCode());
        JsonNode list = json(get("/api/assessments", nanjing));
        assertEquals(1, list.path("total").asLong(), "the listing holds its region's checks only");
        assertEquals("qw-office", list.path("items").get(0).path("unitId").asText());
        assertEquals(0, json(get("/api/assessments?unit=sz-library", nanjing)).path("total").asLong());
    }

    @Test
    void anOfficeCannotAskForANeighboursRegionButMayNarrowItsOwn() {
        assertProblem(403, get("/api/overview?region=" + enc("江苏省/苏州市"), nanjing));
        assertProblem(403, get("/api/overview?region=" + enc("江苏省"), nanjing));
        assertProblem(403, get("/overview.xlsx?region=" + enc("江苏省/苏州市"), nanjing));
        JsonNode xuanwu = json(get("/api/overview?region=" + enc("江苏省/南京市/玄武区"), nanjing));
        assertEquals(List.of("qw-office"), units(xuanwu));
        JsonNode regions = json(get("/api/regions", nanjing));
        List<String> ids = new ArrayList<>();
        regions.path("regions").forEach(r -> ids.add(r.path("id").asText()));
        assertEquals(List.of("江苏省/南京市", "江苏省/南京市/玄武区", "江苏省/南京市/秦淮区"), ids);
    }

    @Test
    void anOfficeWritesNothing() {
        assertProblem(403, send(request("/api/assessments/" + idNanjing, nanjing).DELETE()));
        assertProblem(403, send(request("/api/assessments/" + idNanjing + "/rescore", nanjing)
                .POST(HttpRequest.BodyPublishers.noBody())));
        assertProblem(403, upload(nanjing, "seed-district-office.json"));
        assertProblem(403, importRegister(nanjing, REGISTER));
        assertProblem(403, send(request("/api/criteria/reload", nanjing).POST(HttpRequest.BodyPublishers.noBody())));
        assertEquals(200, get("/api/assessments/" + idNanjing, nanjing).statusCode(), "still there");
    }

    @Test
    void aFilterThatCannotBeUsedIsRefusedInChinese() {
        assertTrue(assertProblem(400, get("/api/overview?verdict=maybe", nanjing)).path("detail").asText().contains("结论"));
        assertTrue(assertProblem(400, get("/api/overview?since=2026-13-01", nanjing)).path("detail").asText()
                .contains("年-月-日"));
        assertProblem(400, get("/api/overview?size=100000", nanjing));
        assertEquals(2, json(get("/api/overview?level=" + enc("市级"), province)).path("units").size(),
                "the level in Chinese as in the register: two 市级 units");
    }

    @Test
    void aUnitsTokenHasNoOverview() {
        assertProblem(403, get("/api/overview", unitToken));
        assertProblem(403, get("/overview.xlsx", unitToken));
        assertProblem(403, importRegister(unitToken, REGISTER));
    }

    @Test
    void theOverviewPageShowsTheOfficesUnitsAndLinksOnlyToThem() {
        HttpResponse<byte[]> page = send(request("/overview", nanjing).header("Accept", "text/html").GET());
        String html = text(page);

        assertEquals(200, page.statusCode(), html);
        assertTrue(html.contains("玄武区委办公室"), html);
        assertTrue(html.contains("秦淮中学"));
        assertFalse(html.contains("姑苏区图书馆"), "no neighbour's unit");
        assertFalse(html.contains("qw-office"), "no unit id on the page");
        assertTrue(html.contains("/assessments/" + idNanjing));
        assertEquals(200, send(request("/assessments/" + idNanjing, nanjing).header("Accept", "text/html").GET()).statusCode());
        assertEquals(404, send(request("/assessments/" + idSuzhou, nanjing).header("Accept", "text/html").GET()).statusCode());
        String home = text(send(request("/", nanjing).header("Accept", "text/html").GET()));
        assertFalse(home.contains("姑苏区图书馆") || home.contains("/assessments/" + idSuzhou), "the home page's recent checks too");
    }

    @Test
    void theExportOpensWithPoiAndHoldsTheSameRowsAsTheList() throws IOException {
        HttpResponse<byte[]> xlsx = get("/overview.xlsx?sort=name", nanjing);
        assertEquals(200, xlsx.statusCode(), text(xlsx));
        List<String> listed = new ArrayList<>();
        json(get("/api/overview?sort=name", nanjing)).path("units").forEach(u -> listed.add(u.path("name").asText()));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet units = book.getSheet("单位一览");
            assertEquals("单位名称", units.getRow(0).getCell(0).getStringCellValue());
            List<String> exported = new ArrayList<>();
            for (int r = 1; r <= units.getLastRowNum(); r++) {
                Row row = units.getRow(r);
                exported.add(row.getCell(0).getStringCellValue());
            }
            assertEquals(listed, exported);
            assertEquals("江苏省 南京市 秦淮区", units.getRow(exported.indexOf("秦淮中学") + 1).getCell(1).getStringCellValue());
            assertEquals("尚未自查", units.getRow(exported.indexOf("秦淮中学") + 1).getCell(3).getStringCellValue());
            Sheet gaps = book.getSheet("共性问题");
            assertEquals(json(get("/api/overview", nanjing)).path("commonGaps").get(0).path("name").asText(),
                    gaps.getRow(1).getCell(1).getStringCellValue());
        }
    }

    @Test
    void aRegisterWithFaultsIsRefusedWholeNamingEachLine() {
        String bad = REGISTER + "Bad Id,某单位,市级,江苏省,南京市,玄武区\nnew-unit,,特级,,南京市,\n";

        JsonNode problem = assertProblem(422, importRegister(author, bad));

        List<String> where = new ArrayList<>();
        problem.path("errors").forEach(f -> where.add(f.path("path").asText()));
        assertTrue(where.contains("单位名册.csv:5"), problem.toString());
        assertTrue(where.contains("单位名册.csv:6"), problem.toString());
        assertEquals(3, json(get("/api/overview", province)).path("units").size(), "nothing imported");
    }

    // --- helpers -------------------------------------------------------------------------------------

    static List<String> units(JsonNode overview) {
        List<String> ids = new ArrayList<>();
        overview.path("units").forEach(u -> ids.add(u.path("unit").asText()));
        return ids;
    }

    static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    static JsonNode find(JsonNode overview, String unit) {
        for (JsonNode u : overview.path("units")) {
            if (u.path("unit").asText().equals(unit)) {
                return u;
            }
        }
        throw new AssertionError(unit + " not in " + overview);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> upload(String token, String file) {
        return send(request("/api/assessments", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example(file))));
    }

    static HttpResponse<byte[]> importRegister(String token, String csv) {
        return send(request("/api/units/import", token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv.getBytes(StandardCharsets.UTF_8))));
    }

    static HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token);
    }

    static HttpResponse<byte[]> get(String path, String token) {
        return send(request(path, token).GET());
    }

    static HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
