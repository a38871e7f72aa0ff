package org.civcheck.web;

import static org.civcheck.web.Http.assertProblem;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.civcheck.web.access.Access;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control with an access file: unit tokens see and change only their own unit's assessments
 * (another unit's look exactly like missing ones), author tokens everything; pages need a login;
 * cross-site posts are refused.
 */
class AccessControlTest {

    static final String UNIT_A = "qw-office";
    static final String UNIT_B = "sz-library";

    @TempDir
    static Path dir;

    static TestApp app;
    static String tokenA;
    static String tokenB;
    static String author;
    static String idA;
    static String idB;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        AccessConfig config = new AccessConfig(java.util.List.of());
        AccessConfig.Added a = config.add(AccessEntry.Role.UNIT, UNIT_A);
        AccessConfig.Added b = a.config().add(AccessEntry.Role.UNIT, UNIT_B);
        AccessConfig.Added au = b.config().add(AccessEntry.Role.AUTHOR, null);
        tokenA = a.token();
        tokenB = b.token();
        author = au.token();
        Path file = dir.resolve("access.json");
        au.config().save(file);
        app = TestApp.startWithAccess(dir, Access.fromFile(file));
        idA = json(upload(tokenA, "seed-district-office.json")).path("id").asText();
        idB = json(upload(tokenB, "well-run-library.json")).path("id").asText();
        assertFalse(idA.isEmpty());
        assertFalse(idB.isEmpty());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static HttpResponse<byte[]> upload(String token, String file) {
        HttpResponse<byte[]> r = send(request("/api/assessments", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example(file))));
        return r;
    }

    static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
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

    static HttpResponse<byte[]> get(String path, String token) {
        return send(request(path, token).GET());
    }

    @Test
    void aUnitReadsItsOwnAssessments() {
        assertEquals(200, get("/api/assessments/" + idA, tokenA).statusCode());
        assertEquals(200, get("/api/assessments/" + idA + "/package", tokenA).statusCode());
    }

    @Test
    void anotherUnitsAssessmentLooksExactlyLikeAMissingOne() {
        String missing = "0123456789abcdef0123456789abcdef";
        for (String suffix : new String[] {"", "/package", "/report.md", "/table.csv"}) {
            HttpResponse<byte[]> foreign = get("/api/assessments/" + idB + suffix, tokenA);
            HttpResponse<byte[]> absent = get("/api/assessments/" + missing + suffix, tokenA);
            assertProblem(404, foreign);
            assertProblem(404, absent);
            assertEquals(text(absent).replace(missing, "ID"), text(foreign).replace(idB, "ID"), suffix);
        }
        assertProblem(404, send(request("/api/assessments/" + idB + "/rescore", tokenA)
                .POST(HttpRequest.BodyPublishers.noBody())));
        assertProblem(404, send(request("/api/assessments/" + idB, tokenA).DELETE()));
        assertEquals(200, get("/api/assessments/" + idB, author).statusCode(), "still there");
        assertEquals(404, get("/assessments/" + idB, tokenA).statusCode());
    }

    @Test
    void aUnitCannotUploadForAnotherUnit() {
        long before = json(get("/api/assessments?unit=" + UNIT_B, author)).path("total").asLong();
        HttpResponse<byte[]> r = upload(tokenA, "well-run-library.json");
        assertProblem(403, r);
        assertFalse(text(r).contains(UNIT_B), "says nothing of the other unit: " + text(r));
        assertFalse(text(r).contains(idB), text(r));
        assertEquals(before, json(get("/api/assessments?unit=" + UNIT_B, author)).path("total").asLong(), "nothing stored");
    }

    @Test
    void aUnitListsOnlyItsOwnWhateverItAsks() {
        for (String q : new String[] {"", "?unit=" + UNIT_B}) {
            JsonNode items = json(get("/api/assessments" + q, tokenA)).path("items");
            assertTrue(items.size() >= 1, q);
            items.forEach(i -> assertEquals(UNIT_A, i.path("unitId").asText(), i.toString()));
        }
    }

    @Test
    void anAuthorReadsEverythingAndReloadsCriteria() {
        assertEquals(200, get("/api/assessments/" + idA, author).statusCode());
        assertEquals(200, get("/api/assessments/" + idB, author).statusCode());
        Set<String> units = new HashSet<>();
        json(get("/api/assessments", author)).path("items").forEach(i -> units.add(i.path("unitId").asText()));
        assertTrue(units.containsAll(Set.of(UNIT_A, UNIT_B)), units.toString());
        assertProblem(403, send(request("/api/criteria/reload", tokenA).POST(HttpRequest.BodyPublishers.noBody())));
        assertTrue(send(request("/api/criteria/reload", author).POST(HttpRequest.BodyPublishers.noBody())).statusCode() != 403);
    }

    @Test
    void anAuthorReadsButDoesNotWriteAUnitsAssessments() {
        assertProblem(403, upload(author, "well-run-library.json"));
        assertProblem(403, send(request("/api/assessments/" + idA, author).DELETE()));
        assertProblem(403, send(request("/api/assessments/" + idA + "/rescore", author).POST(HttpRequest.BodyPublishers.noBody())));
        assertEquals(200, get("/api/assessments/" + idA, author).statusCode(), "the author's refused delete kept it");
        HttpResponse<byte[]> dryRun = send(request("/api/assessments?dryRun=true", author)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(example("well-run-library.json"))));
        assertEquals(200, dryRun.statusCode(), "a dry run stores nothing, so an author may try a package");
    }

    @Test
    void aUnitRescoresAndDeletesItsOwn() {
        String id = json(upload(tokenA, "seed-district-office.json")).path("id").asText();
        HttpResponse<byte[]> rescored = send(request("/api/assessments/" + id + "/rescore", tokenA)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(201, rescored.statusCode());
        assertEquals(204, send(request("/api/assessments/" + id, tokenA).DELETE()).statusCode());
        assertProblem(404, send(request("/api/assessments/" + idA, tokenB).DELETE()));
        String newer = json(rescored).path("id").asText();
        assertEquals(204, send(request("/api/assessments/" + newer, tokenA).DELETE()).statusCode());
    }

    @Test
    void wrongOrMissingTokenIs401() {
        assertProblem(401, get("/api/assessments/" + idA, "not-a-token"));
        assertProblem(401, get("/api/assessments/" + idA, null));
        assertProblem(401, get("/api/assessments", null));
        assertProblem(401, get("/api/assessments/0123456789abcdef0123456789abcdef", null));
        assertProblem(401, upload(null, "seed-district-office.json"));
        assertEquals(200, get("/health", null).statusCode());
        assertEquals(200, get("/static/civcheck.css", null).statusCode());
    }

    @Test
    void pagesRedirectToLoginAndTheLoginCookieOpensThem() {
        HttpResponse<byte[]> page = get("/assessments/" + idA, null);
        assertEquals(303, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").startsWith("/login"));
        assertEquals(200, get("/login", null).statusCode());

        HttpResponse<byte[]> wrong = login("wrong");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());

        HttpResponse<byte[]> ok = login(tokenA);
        assertEquals(303, ok.statusCode());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<byte[]> own = send(HttpRequest.newBuilder(app.uri("/assessments/" + idA)).header("Cookie", cookie).GET());
        assertEquals(200, own.statusCode());
        HttpResponse<byte[]> index = send(HttpRequest.newBuilder(app.uri("/")).header("Cookie", cookie).GET());
        assertEquals(200, index.statusCode());
        assertFalse(text(index).contains("/assessments/" + idB), "the index lists only the unit's own");
        assertEquals(404, send(HttpRequest.newBuilder(app.uri("/assessments/" + idB)).header("Cookie", cookie)
                .header("Accept", "text/html").GET()).statusCode());

        // a same-site form upload works with the cookie
        HttpResponse<byte[]> form = send(HttpRequest.newBuilder(app.uri("/assessments")).header("Cookie", cookie)
                .header("Origin", "http://127.0.0.1:" + app.uri("/").getPort())
                .header("Content-Type", "multipart/form-data; boundary=" + Http.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.multipart("package", "a.json",
                        example("seed-district-office.json")))));
        assertEquals(303, form.statusCode(), text(form));

        HttpResponse<byte[]> out = logout(cookie, sameSite());
        assertEquals(303, out.statusCode());
        assertEquals("/login?out=1", out.headers().firstValue("Location").orElse(""));
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith(AccessGate.COOKIE + "=;") && cleared.contains("Max-Age=0"), cleared);
        assertEquals(303, send(HttpRequest.newBuilder(app.uri("/assessments/" + idA)).header("Cookie", cookie).GET())
                .statusCode(), "the session ended");
    }

    @Test
    void afterLogoutTheLoginPageSaysLoggedOut() {
        HttpResponse<byte[]> out = logout(loginCookie(tokenA), sameSite());
        HttpResponse<byte[]> landing = get(out.headers().firstValue("Location").orElseThrow(), null);

        assertEquals(200, landing.statusCode());
        assertTrue(text(landing).contains("<p class=\"signed-out\" id=\"signed-out\" role=\"status\">已退出登录</p>"),
                text(landing));
        assertTrue(text(landing).contains("<input type=\"password\" name=\"token\" id=\"token\""), "ready to log in again");
        assertFalse(text(get("/login", null)).contains("已退出登录"), "a first visit has no notice");
    }

    @Test
    void theLoginPageShowsNoTextFromItsAddress() {
        String script = "<script>alert(1)</script>";
        HttpResponse<byte[]> page = get("/login?out=" + URLEncoder.encode(script, StandardCharsets.UTF_8)
                + "&next=" + URLEncoder.encode("/\">" + script, StandardCharsets.UTF_8), null);

        assertEquals(200, page.statusCode());
        assertFalse(text(page).contains(script));
        assertFalse(text(page).contains("已退出登录"), "only out=1 shows the notice, and only its fixed words");
        assertTrue(text(get("/login?next=https%3A%2F%2Fevil.example%2F", null))
                .contains("<input type=\"hidden\" name=\"next\" value=\"/\">"), "another site is never the page to return to");
    }

    @Test
    void aWrongTokenIsSaidOnTheLoginPageWhichKeepsThePageToReturnTo() {
        String next = "/assessments/" + idA;
        HttpResponse<byte[]> wrong = login("wrong", next);

        assertEquals(401, wrong.statusCode());
        assertTrue(text(wrong).contains("<p class=\"faults\" role=\"alert\">令牌无效，请检查后重新输入。</p>"), text(wrong));
        assertTrue(text(wrong).contains("<input type=\"hidden\" name=\"next\" value=\"" + next + "\">"));

        HttpResponse<byte[]> right = login(tokenA, next);
        assertEquals(303, right.statusCode());
        assertEquals(next, right.headers().firstValue("Location").orElse(""), "back to the page asked for");
    }

    @Test
    void aTypedGetLogoutAsksFirstAndLogsNobodyOut() {
        String cookie = loginCookie(tokenA);
        HttpResponse<byte[]> page = send(HttpRequest.newBuilder(app.uri("/logout")).header("Cookie", cookie).GET());
        assertEquals(200, page.statusCode());
        assertTrue(text(page).contains("确定要退出登录吗"), text(page));
        assertTrue(text(page).contains("<form method=\"post\" action=\"/logout\">"), "it offers the POST form");
        assertTrue(page.headers().firstValue("Set-Cookie").isEmpty(), "the cookie is kept");
        assertEquals(200, send(HttpRequest.newBuilder(app.uri("/assessments/" + idA)).header("Cookie", cookie).GET())
                .statusCode(), "still signed in");

        HttpResponse<byte[]> nobody = send(HttpRequest.newBuilder(app.uri("/logout")).GET());
        assertEquals(303, nobody.statusCode(), "without a session there is nothing to log out of");
        assertEquals("/login", nobody.headers().firstValue("Location").orElse(""));
    }

    @Test
    void aCrossSiteLogoutIsRefusedAndTheSessionLives() {
        String cookie = loginCookie(tokenA);
        assertEquals(403, logout(cookie, "https://evil.example").statusCode());
        assertEquals(403, send(HttpRequest.newBuilder(app.uri("/logout")).header("Cookie", cookie)
                .header("Referer", "https://evil.example/page").POST(HttpRequest.BodyPublishers.noBody())).statusCode());
        assertEquals(200, send(HttpRequest.newBuilder(app.uri("/")).header("Cookie", cookie).GET()).statusCode(),
                "still signed in");
        assertEquals(303, logout(cookie, sameSite()).statusCode(), "the service's own form logs out");
    }

    @Test
    void theLogoutButtonIsShownOnlyToAVisitorSignedInThroughTheLoginPage() {
        String button = "<form class=\"logout\" method=\"post\" action=\"/logout\">";
        String cookie = loginCookie(tokenA);
        assertTrue(text(send(HttpRequest.newBuilder(app.uri("/")).header("Cookie", cookie).GET())).contains(button));
        assertTrue(text(send(HttpRequest.newBuilder(app.uri("/assessments/" + idA)).header("Cookie", cookie).GET()))
                .contains(button));
        HttpResponse<byte[]> missing = send(HttpRequest.newBuilder(app.uri("/assessments/" + idB)).header("Cookie", cookie)
                .header("Accept", "text/html").GET());
        assertEquals(404, missing.statusCode());
        assertTrue(text(missing).contains(button), "error pages too");

        assertFalse(text(get("/", tokenA)).contains(button), "a bearer token has no session to end");
        assertFalse(text(get("/login", null)).contains(button));
    }

    @Test
    void theOpenServiceHasNoLogout(@TempDir Path other) {
        try (TestApp open = TestApp.start(other)) {
            HttpResponse<byte[]> index = send(HttpRequest.newBuilder(open.uri("/")).GET());
            assertEquals(200, index.statusCode());
            assertFalse(text(index).contains("/logout"), "no 退出登录 without a login");
            assertEquals(404, send(HttpRequest.newBuilder(open.uri("/logout")).GET()).statusCode());
            assertEquals(404, send(HttpRequest.newBuilder(open.uri("/logout")).POST(HttpRequest.BodyPublishers.noBody()))
                    .statusCode());
        }
    }

    static String sameSite() {
        return "http://127.0.0.1:" + app.uri("/").getPort();
    }

    static String loginCookie(String token) {
        return login(token).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    static HttpResponse<byte[]> logout(String cookie, String origin) {
        return send(HttpRequest.newBuilder(app.uri("/logout")).header("Cookie", cookie).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void loginRedirectsOnlyWithinTheSite() {
        assertEquals("/", AccessGate.safeNext("//evil.example/"));
        assertEquals("/", AccessGate.safeNext("https://evil.example/"));
        assertEquals("/assessments/x", AccessGate.safeNext("/assessments/x"));
    }

    static HttpResponse<byte[]> login(String token) {
        return login(token, "/");
    }

    /** Posts the login form: {@code token}, and {@code next}, the page to return to. */
    static HttpResponse<byte[]> login(String token, String next) {
        String body = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(app.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void aCrossSitePostIsRefused() {
        String cookie = login(tokenA).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        int before = json(get("/api/assessments?size=100", tokenA)).path("total").asInt();
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(app.uri("/assessments")).header("Cookie", cookie)
                .header("Origin", "https://evil.example")
                .header("Content-Type", "multipart/form-data; boundary=" + Http.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.multipart("package", "a.json",
                        example("seed-district-office.json")))));
        assertEquals(403, r.statusCode(), text(r));
        HttpResponse<byte[]> ex = send(HttpRequest.newBuilder(app.uri("/examples/seed-district-office.json"))
                .header("Cookie", cookie).header("Referer", "https://evil.example/page")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, ex.statusCode());
        assertEquals(before, json(get("/api/assessments?size=100", tokenA)).path("total").asInt(), "nothing stored");
    }

    @Test
    void crossSitePostsAreRefusedWithoutAccessControlToo(@TempDir Path other) {
        try (TestApp open = TestApp.start(other)) {
            HttpResponse<byte[]> r = send(HttpRequest.newBuilder(open.uri("/examples/seed-district-office.json"))
                    .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(403, r.statusCode());
            HttpResponse<byte[]> same = send(HttpRequest.newBuilder(open.uri("/examples/seed-district-office.json"))
                    .header("Origin", "http://127.0.0.1:" + open.uri("/").getPort())
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(303, same.statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(open.uri("/api/assessments")).GET()).statusCode(),
                    "no token needed without an access file");
        }
    }
}
