package org.civcheck.web;

import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.contentType;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadBudget;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.evidence.Word;
import org.civcheck.evidence.WordField;
import org.civcheck.ledger.SubmissionReader;
import org.civcheck.web.access.Access;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A liaison's first visit to the upload page: the example units' filled-in workbooks, each checked
 * with one click exactly as an upload of it, and downloaded to be opened; the blank 台账 the page
 * links to, with the set's sheets, headings and words, accepted once filled with one activity.
 */
class ExamplesPageTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String XLSX = ApiController.XLSX_TYPE;
    private static final Pattern RESULT_PAGE = Pattern.compile("/assessments/([0-9a-f]{32})");
    private static final SubmissionReader LEDGER = new SubmissionReader(ReadLimits.defaults());

    @TempDir
    static Path dir;

    static TestApp app;
    Http http;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir);
    }

    @BeforeEach
    void newClient() {
        http = new Http(app);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void eachExampleUnitOffersItsWorkbookToCheckAndToDownloadUnderTheUnitsName() throws Exception {
        String html = text(http.get("/", BROWSER));
        String examples = html.substring(html.indexOf("id=\"examples\""), html.indexOf("id=\"recent-title\""));

        for (String unit : List.of("seed-district-office", "well-run-library", "vetoed-water-bureau", "rushed-before-inspection")) {
            String workbook = "/examples/workbooks/" + unit + ".xlsx";
            String name = Http.exampleTree(unit + ".json").path("unit").path("name").asText();
            assertTrue(examples.contains("<form method=\"post\" action=\"" + workbook + "\">"), unit + " checked: " + examples);
            assertTrue(examples.contains("href=\"" + workbook + "\" download"), unit + " downloaded: " + examples);
            assertTrue(examples.contains("<h3 class=\"example-name\">" + name + "</h3>"), unit + " named " + name);
        }
        String shown = examples.replaceAll("(?s)<[^>]*>", " ");
        assertFalse(shown.contains(".xlsx") || shown.contains("seed-district") || shown.contains("workbooks"),
                "no file name is shown, only the units' names and what each button does: " + shown);
        assertTrue(shown.contains("检查示例台账") && shown.contains("下载（Excel"), shown);
    }

    @Test
    void anExampleWorkbookDownloadsAsTheShippedFileUnderAChineseNameAndTheLedgerReaderReadsIt() throws Exception {
        HttpResponse<byte[]> download = http.get("/examples/workbooks/seed-district-office.xlsx");

        assertEquals(200, download.statusCode(), text(download));
        assertEquals(XLSX, contentType(download));
        assertArrayEquals(Files.readAllBytes(Path.of("examples/workbooks/seed-district-office.xlsx")), download.body());
        assertEquals("示例台账-××区委办公室.xlsx", downloadName(download));
        PackageReading reading = LEDGER.read(download.body(), "seed-district-office.xlsx", ReadBudget.NONE,
                TestApp.assessor().vocabulary());
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        assertEquals("××区委办公室", reading.evidence().unit().name());
    }

    @Test
    void oneClickOnTheVetoedExampleWorkbookStoresTheWorkbookAndShowsTheVerdictOfItsJson() {
        JsonNode fromJson = json(http.post("/api/assessments?dryRun=true", "application/json",
                example("vetoed-water-bureau.json")));

        HttpResponse<byte[]> check = http.post("/examples/workbooks/vetoed-water-bureau.xlsx",
                "application/x-www-form-urlencoded", new byte[0]);

        assertEquals(303, check.statusCode(), text(check));
        Matcher result = RESULT_PAGE.matcher(check.headers().firstValue("Location").orElse(""));
        assertTrue(result.matches(), check.headers().toString());
        JsonNode stored = json(http.get("/api/assessments/" + result.group(1)));
        assertEquals("vetoed", stored.path("verdict").asText());
        assertEquals(fromJson.path("score").asDouble(), stored.path("score").asDouble());
        assertEquals(XLSX, contentType(http.get("/api/assessments/" + result.group(1) + "/package")),
                "the workbook itself is kept, as an upload of it would be");
        assertEquals("示例台账-××市水务局.xlsx", stored.path("package").path("name").asText(),
                "kept under the name the liaison downloads it by, not the file's English name");
        assertTrue(text(http.get(result.group(), BROWSER)).contains("data-verdict=\"vetoed\""));
    }

    @Test
    void theBlankTemplateThePageLinksToHasTheSetsSheetsHeadingsAndWords() throws Exception {
        byte[] template = http.get(templateLink()).body();

        List<String> choices = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            for (String sheet : List.of("填写说明", "单位", "科室", "计划制度", "活动台账", "负面事件", "满意度测评", "荣誉")) {
                assertTrue(book.getSheet(sheet) != null, "the sheet " + sheet);
            }
            List<String> headings = new ArrayList<>();
            book.getSheet("活动台账").getRow(0).forEach(c -> headings.add(c.getStringCellValue()));
            assertTrue(headings.containsAll(List.of("日期*", "活动名称*", "活动类型*", "组织方", "各科室参加人数")), headings.toString());
            for (Row row : book.getSheet("选项")) {
                row.forEach(c -> choices.add(c.getStringCellValue()));
            }
        }
        List<String> types = TestApp.assessor().vocabulary().words(WordField.ACTIVITY_TYPE).stream().map(Word::name).toList();
        assertFalse(types.isEmpty());
        assertTrue(choices.containsAll(types), "the set's activity types " + types + " in the drop-downs " + choices);
    }

    @Test
    void theBlankTemplateFilledWithOneActivityIsCheckedThroughThePagesForm() throws Exception {
        byte[] filled = FilledTemplate.withOneActivity(http.get(templateLink()).body());

        HttpResponse<byte[]> upload = http.postForm("/assessments", "package", "台账.xlsx", filled);

        assertEquals(303, upload.statusCode(), text(upload));
        Matcher result = RESULT_PAGE.matcher(upload.headers().firstValue("Location").orElse(""));
        assertTrue(result.matches(), upload.headers().toString());
        JsonNode stored = json(http.get("/api/assessments/" + result.group(1)));
        assertEquals(FilledTemplate.UNIT_NAME, stored.path("unit").path("name").asText(), stored.toString());
    }

    @Test
    void onlyTheListedExamplesDownload() {
        for (String path : List.of("/examples/..%2Fpom.xml", "/examples/generate_examples.py", "/examples/workbooks/no-such.xlsx",
                "/examples/workbooks/..%2F..%2Fpom.xml", "/examples/workbooks/seed-district-office.json")) {
            assertProblem(404, http.get(path));
        }
        assertEquals(200, http.get("/examples/well-run-library.zip").statusCode(), "a package downloads too");
    }

    @Test
    void underAccessControlAnExampleIsCheckedForAnyUnitsLiaisonAndShownWithoutBeingStored(@TempDir Path other)
            throws Exception {
        AccessConfig.Added liaison = new AccessConfig(List.of()).add(AccessEntry.Role.UNIT, "jd-office");
        Path file = other.resolve("access.json");
        liaison.config().save(file);
        try (TestApp guarded = TestApp.startWithAccess(other, Access.fromFile(file))) {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(
                    guarded.uri("/examples/workbooks/vetoed-water-bureau.xlsx")).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + liaison.token()).header("Accept", BROWSER)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("data-verdict=\"vetoed\""), page.body());
            assertTrue(page.body().contains("id=\"example-notice\""), "the page says the result was not kept");
            assertFalse(page.body().contains("id=\"delete-form\"") || page.body().contains("id=\"download-report-docx\""),
                    "nothing to download or delete: nothing was stored");
            try (var db = guarded.database().dataSource().getConnection();
                    var count = db.createStatement().executeQuery("SELECT COUNT(*) FROM assessment")) {
                assertTrue(count.next());
                assertEquals(0, count.getInt(1), "nothing stored, for any unit");
            }
        }
    }

    /** The address of the page's 下载空白台账 link. */
    private String templateLink() {
        String html = text(http.get("/", BROWSER));
        Matcher link = Pattern.compile("id=\"download-template\" href=\"([^\"]+)\"").matcher(html);
        assertTrue(link.find(), html);
        return link.group(1).replace("&amp;", "&");
    }

    /** The file name a browser saves a download as (its UTF-8 name). */
    private static String downloadName(HttpResponse<byte[]> response) {
        String disposition = response.headers().firstValue("Content-Disposition").orElse("");
        return URLDecoder.decode(disposition.substring(disposition.indexOf("UTF-8''") + 7), StandardCharsets.UTF_8);
    }
}
