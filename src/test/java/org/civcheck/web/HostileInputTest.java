package org.civcheck.web;

import static org.civcheck.web.Http.contentType;
import static org.civcheck.web.Http.example;
import static org.civcheck.web.Http.json;
import static org.civcheck.web.Http.refusedEarly;
import static org.civcheck.web.Http.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile or broken packages, built here from the examples by mutation and by hand:
 * each one is refused with a clear problem (400, 413, 415 or 422; never 5xx, never a stack trace,
 * nothing stored) or, when it is harmless (markup in a text field), stored and shown escaped.
 * After every case the service still answers {@code /health}.
 *
 * <p>The service runs with a small upload limit ({@link #LIMIT}), so "too large" cases stay small;
 * zip bombs trip the compression-ratio limit (100) with a few MB of zeros.
 */
class HostileInputTest {

    /** Larger than every example (the seed package is 87 KB, the zip 80 KB), small enough to exceed cheaply. */
    static final long LIMIT = 200_000;

    static final String SCRIPT = "<script>alert(\"xss\")</script>";
    static final String IMG = "<img src=x onerror=alert(\"xss\")>";
    /** What must never appear raw in a page: the start of each payload's markup. */
    static final List<String> RAW = List.of("<script>alert", "<img src=x onerror", "onerror=alert(\"xss\")>");
    static final Set<Integer> REFUSALS = Set.of(400, 413, 415, 422);
    private static final Pattern STACK = Pattern.compile("\\bat [a-z]+\\.[\\w.$]+\\(|Exception|\\.java:\\d+");

    @TempDir
    static Path dir;

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(dir, LIMIT);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    // --- the corpus ------------------------------------------------------------------------------

    enum Expect {
        /** Must be refused: 400, 413, 415 or 422, a problem document, nothing stored. */
        REFUSED,
        /** Must be stored (201) and every page must show its text escaped. */
        HARMLESS,
        /** Either, as the contract leaves open; whichever it is must hold. */
        EITHER
    }

    enum Send { JSON, ZIP, FORM, CHUNKED_JSON, RAW }

    /**
     * One hostile input. {@code rawType} is the Content-Type of a {@link Send#RAW} request (empty
     * for none); {@code mustShow} is text that a stored result's page has to contain escaped.
     */
    record Case(String name, Expect expect, Send send, String rawType, String fileName, byte[] body, String mustShow) {

        static Case refused(String name, Send send, byte[] body) {
            return new Case(name, Expect.REFUSED, send, "", "package.bin", body, null);
        }

        static Case harmless(String name, Send send, byte[] body, String mustShow) {
            return new Case(name, Expect.HARMLESS, send, "", "evidence.json", body, mustShow);
        }

        static Case either(String name, Send send, byte[] body) {
            return new Case(name, Expect.EITHER, send, "", "package.bin", body, null);
        }

        static Case raw(String name, Expect expect, String contentType, byte[] body) {
            return new Case(name, expect, Send.RAW, contentType, "package.bin", body, null);
        }

        Case named(String fileName) {
            return new Case(name, expect, send, rawType, fileName, body, mustShow);
        }
    }

    static List<Case> corpus() {
        List<Case> c = new ArrayList<>();
        byte[] library = example("well-run-library.json");
        byte[] water = example("vetoed-water-bureau.json");
        byte[] libraryZip = example("well-run-library.zip");

        // truncated and not JSON at all
        c.add(Case.refused("截断一半的 JSON / truncated at half", Send.JSON, Arrays.copyOf(library, library.length / 2)));
        c.add(Case.refused("截断到最后一个字节前 / truncated by one byte", Send.JSON,
                Arrays.copyOf(library, lastBrace(library))));
        c.add(Case.refused("只有一个左括号 / lone brace", Send.JSON, utf8("{")));
        c.add(Case.refused("空请求体 / empty body", Send.JSON, new byte[0]));
        c.add(Case.refused("只有空白 / whitespace only", Send.JSON, utf8(" \n\t \r\n ")));
        c.add(Case.refused("JSON null", Send.JSON, utf8("null")));
        c.add(Case.refused("顶层是数组 / top-level array", Send.JSON, utf8("[]")));
        c.add(Case.refused("顶层是字符串 / top-level string", Send.JSON, utf8("\"evidence\"")));
        c.add(Case.refused("顶层是数字 / top-level number", Send.JSON, utf8("1e999999")));
        c.add(Case.refused("JSON 后有多余内容 / trailing garbage", Send.JSON, concat(library, utf8("{\"x\":1}"))));
        c.add(Case.refused("JSON 中有注释 / comments", Send.JSON, concat(utf8("// 注释\n"), library)));
        c.add(Case.refused("单引号 JSON / single quotes", Send.JSON, utf8("{'schemaVersion': 1}")));
        c.add(Case.refused("随机二进制 / random binary", Send.JSON, randomBytes(4096, 7)));
        c.add(Case.refused("PDF 冒充 JSON / a PDF as JSON", Send.JSON, utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n")));

        // wrong types
        c.add(Case.refused("schemaVersion 是字符串 / schemaVersion as string", Send.JSON, mutate(library, p -> p.put("schemaVersion", "1"))));
        c.add(Case.refused("schemaVersion = 2", Send.JSON, mutate(library, p -> p.put("schemaVersion", 2))));
        c.add(Case.refused("unit 是字符串 / unit as string", Send.JSON, mutate(library, p -> p.put("unit", "图书馆"))));
        c.add(Case.refused("activities 是对象 / activities as object", Send.JSON, mutate(library, p -> p.putObject("activities"))));
        c.add(Case.refused("活动是 null / activity null", Send.JSON, mutate(library, p -> activities(p).setNull(0))));
        c.add(Case.refused("缺少 unit / unit missing", Send.JSON, mutate(library, p -> p.remove("unit"))));
        c.add(Case.refused("staff 是小数 / staff 1.5", Send.JSON, mutate(library, p -> unit(p).put("staff", 1.5))));
        c.add(Case.refused("staff 是负数 / staff -1", Send.JSON, mutate(library, p -> unit(p).put("staff", -1))));
        c.add(Case.refused("tags 是字符串 / tags as string", Send.JSON, mutate(library, p -> activity(p, 0).put("tags", "featured"))));
        c.add(Case.refused("attendance 值是字符串 / attendance as text", Send.JSON,
                mutate(library, p -> activity(p, 0).putObject("attendance").put("bgs", "很多"))));

        // huge numbers
        c.add(Case.refused("staff 是 30 位整数 / staff with 30 digits", Send.JSON,
                replaceFirst(library, "\"staff\": 52", "\"staff\": 999999999999999999999999999999")));
        c.add(Case.refused("staff 超出 long / staff 2^63", Send.JSON,
                replaceFirst(library, "\"staff\": 52", "\"staff\": 9223372036854775808")));
        c.add(Case.either("志愿时长 1e308 / volunteerHours 1e308", Send.JSON,
                mutate(library, p -> activity(p, 0).put("volunteerHours", 1e308))));
        c.add(Case.refused("五千位数字 / a number of 5000 digits", Send.JSON,
                replaceFirst(library, "\"staff\": 52", "\"staff\": " + "9".repeat(5000))));
        c.add(Case.refused("NaN 字面量 / NaN literal", Send.JSON,
                replaceFirst(library, "\"organizer\"", "\"amount\": NaN, \"organizer\"")));
        c.add(Case.refused("年份 999999 / year 999999", Send.JSON, mutate(library, p -> activity(p, 0).put("date", "+999999-01-01"))));
        c.add(Case.refused("2月30日 / February 30", Send.JSON, mutate(library, p -> activity(p, 0).put("date", "2025-02-30"))));
        c.add(Case.refused("13月 / month 13", Send.JSON, mutate(library, p -> activity(p, 0).put("date", "2025-13-01"))));
        c.add(Case.refused("期间倒置 / period to before from", Send.JSON,
                mutate(library, p -> ((ObjectNode) p.get("period")).put("to", "2024-01-01"))));
        c.add(Case.refused("期间一万年 / a period of ten thousand years", Send.JSON,
                mutate(library, p -> ((ObjectNode) p.get("period")).put("from", "0001-01-01").put("to", "9999-12-31"))));

        // deep nesting, long texts
        c.add(Case.refused("一万层数组嵌套 / 10,000 nested arrays", Send.JSON, utf8("[".repeat(10_000) + "]".repeat(10_000))));
        c.add(Case.refused("未知字段中 200 层对象嵌套 / 200 nested objects in an unknown field", Send.JSON,
                replaceFirst(library, "\"schemaVersion\": 1", "\"schemaVersion\": 1, \"x\": " + "{\"a\":".repeat(200) + "1" + "}".repeat(200))));
        c.add(Case.refused("两万字的标题 / a title of 20,000 characters", Send.JSON,
                mutate(library, p -> activity(p, 0).put("title", "长".repeat(20_000)))));
        c.add(Case.refused("两万字的字段名 / a field name of 20,000 characters", Send.JSON,
                mutate(library, p -> activity(p, 0).put("k".repeat(20_000), 1))));

        // duplicates and references
        c.add(Case.refused("顶层重复键 / duplicate top-level key", Send.JSON,
                replaceFirst(library, "\"schemaVersion\": 1", "\"schemaVersion\": 1, \"schemaVersion\": 1")));
        c.add(Case.refused("unit 中重复 name 键 / duplicate unit.name", Send.JSON,
                replaceFirst(library, "\"name\": \"××市图书馆\"", "\"name\": \"××市图书馆\", \"name\": \"" + SCRIPT.replace("\"", "\\\"") + "\"")));
        c.add(Case.refused("活动编号重复 / duplicate activity id", Send.JSON,
                mutate(library, p -> activity(p, 1).put("id", activity(p, 0).get("id").asText()))));
        c.add(Case.refused("科室编号重复 / duplicate department id", Send.JSON,
                mutate(library, p -> ((ObjectNode) unit(p).withArray("departments").get(1)).put("id", "bgs"))));
        c.add(Case.refused("出勤键不是科室 / attendance key is no department", Send.JSON,
                mutate(library, p -> activity(p, 0).putObject("attendance").put("<script>", 3))));

        // encodings
        c.add(Case.refused("无效 UTF-8 字节 / invalid UTF-8 (C3 28)", Send.JSON,
                replaceBytes(library, utf8("××市图书馆"), new byte[] {(byte) 0xC3, 0x28})));
        c.add(Case.refused("过长 UTF-8 编码的斜杠 / overlong UTF-8 (C0 AF)", Send.JSON,
                replaceBytes(library, utf8("××市图书馆"), new byte[] {(byte) 0xC0, (byte) 0xAF})));
        c.add(Case.refused("UTF-8 编码的代理项 / encoded surrogate (ED A0 80)", Send.JSON,
                replaceBytes(library, utf8("××市图书馆"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})));
        c.add(Case.refused("GBK 编码的 JSON / GBK-encoded JSON", Send.JSON,
                new String(library, StandardCharsets.UTF_8).getBytes(java.nio.charset.Charset.forName("GBK"))));
        c.add(Case.either("UTF-16 编码的 JSON / UTF-16 JSON", Send.JSON,
                new String(library, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16)));
        c.add(Case.either("带 BOM 的 UTF-8 / UTF-8 with BOM", Send.JSON, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, library)));
        c.add(Case.either("标题中孤立代理项 / lone surrogate escape", Send.JSON,
                replaceFirst(library, "\"title\": \"", "\"title\": \"\\ud800")));
        // control characters: refused at their path (ControlCharacters), never stored or shown
        c.add(Case.refused("标题中 NUL 字符 / NUL in a title", Send.JSON,
                mutate(library, p -> activity(p, 0).put("title", "理论\u0000学习"))));
        c.add(Case.refused("双向控制字符 / bidi override in the unit name", Send.JSON,
                mutate(library, p -> unit(p).put("name", "\u202Egnp.exe\u202C××市图书馆"))));
        c.add(Case.refused("终端转义序列 / terminal escape in a department name", Send.JSON,
                mutate(library, p -> ((ObjectNode) unit(p).withArray("departments").get(0)).put("name", "办公室\u001b[2J"))));
        c.add(Case.refused("附件文件名中 NUL / NUL in an attachment file", Send.JSON,
                mutate(library, p -> attachment(p).put("file", "taizhang/a.jpg\u0000.exe"))));
        c.add(Case.refused("C1 控制字符 / C1 control in a tag", Send.JSON,
                mutate(library, p -> activity(p, 0).putArray("tags").add("重点\u0085"))));

        // paths that escape the package
        c.add(Case.refused("附件路径 ../ / attachment ../../etc/passwd", Send.JSON,
                mutate(library, p -> attachment(p).put("file", "../../etc/passwd"))));
        c.add(Case.refused("附件绝对路径 / attachment /etc/passwd", Send.JSON,
                mutate(library, p -> attachment(p).put("file", "/etc/passwd"))));
        c.add(Case.refused("附件中间的 .. / attachment a/../../b", Send.JSON,
                mutate(library, p -> attachment(p).put("file", "taizhang/../../secret.txt"))));
        c.add(Case.either("附件反斜杠路径 / attachment ..\\..\\windows", Send.JSON,
                mutate(library, p -> attachment(p).put("file", "..\\..\\windows\\win.ini"))));
        c.add(Case.either("附件盘符路径 / attachment C:/", Send.JSON,
                mutate(library, p -> attachment(p).put("file", "C:/Windows/win.ini"))));

        // markup in enums and ids: refused, and the refusal must not echo it raw
        c.add(Case.refused("单位编号含脚本 / unit.id with a script", Send.JSON, mutate(library, p -> unit(p).put("id", SCRIPT))));
        c.add(Case.refused("级别含脚本 / level with a script", Send.JSON, mutate(library, p -> unit(p).put("level", SCRIPT))));
        c.add(Case.refused("材料种类含图片 onerror / attachment kind with img onerror", Send.JSON,
                mutate(library, p -> attachment(p).put("kind", IMG))));

        // markup in free text: harmless, stored and shown escaped
        c.add(Case.harmless("单位名称含脚本 / unit name with a script", Send.JSON,
                mutate(library, p -> unit(p).put("name", "××市图书馆" + SCRIPT)), "××市图书馆&lt;script&gt;"));
        c.add(Case.harmless("活动标题含脚本 / activity title with a script", Send.JSON,
                mutate(library, p -> activity(p, 0).put("title", "理论学习" + SCRIPT)), null));
        c.add(Case.harmless("所有活动标题含图片 onerror / every activity title with img onerror", Send.JSON,
                mutate(library, p -> activities(p).forEach(a -> ((ObjectNode) a).put("title", a.get("title").asText() + IMG))),
                "&lt;img src=x onerror"));
        c.add(Case.harmless("科室名称含脚本和图片 / department names with markup", Send.JSON,
                mutate(library, p -> unit(p).withArray("departments").forEach(d -> ((ObjectNode) d)
                        .put("name", d.get("name").asText() + (d.get("id").asText().equals("bgs") ? SCRIPT : IMG)))),
                "&lt;script&gt;"));
        c.add(Case.harmless("计划标题含脚本 / plan title with a script", Send.JSON,
                mutate(library, p -> ((ObjectNode) p.withArray("plans").get(0)).put("title", "年度计划" + SCRIPT)), null));
        c.add(Case.harmless("事件描述含脚本 / incident description with a script", Send.JSON,
                mutate(water, p -> ((ObjectNode) p.withArray("incidents").get(0)).put("description", "违纪" + SCRIPT + IMG)), null));
        c.add(Case.harmless("荣誉名称含脚本 / honor title with a script", Send.JSON,
                mutate(water, p -> ((ObjectNode) p.withArray("honors").get(0)).put("title", "文明单位" + IMG)), null));
        c.add(Case.harmless("联络员姓名含脚本 / coordinator name with a script", Send.JSON,
                mutate(library, p -> ((ObjectNode) unit(p).get("coordinator")).put("name", SCRIPT)), null));
        c.add(Case.harmless("标签含脚本 / tags with a script", Send.JSON,
                mutate(library, p -> activity(p, 0).putArray("tags").add(SCRIPT).add(IMG)), null));
        c.add(Case.harmless("活动类型含脚本（未知类型只是警告）/ unknown activity type with a script", Send.JSON,
                mutate(library, p -> activity(p, 0).put("type", SCRIPT)), null));
        c.add(Case.harmless("未知字段名含脚本 / unknown field named with a script", Send.JSON,
                mutate(library, p -> activity(p, 0).put(SCRIPT, IMG)), null));
        c.add(Case.harmless("附件文件名含图片 onerror / attachment file name with img onerror", Send.JSON,
                mutate(library, p -> attachment(p).put("file", "taizhang/" + IMG + ".jpg")), null));
        c.add(Case.harmless("表单文件名含脚本 / form file name with a script", Send.FORM, library, null)
                .named(SCRIPT + IMG + ".json"));
        c.add(Case.harmless("一处不漏：所有文本含脚本 / markup in every text at once", Send.JSON,
                mutate(water, p -> everyText(p, SCRIPT + IMG)), "&lt;script&gt;"));

        // zips
        Map<String, byte[]> good = new LinkedHashMap<>();
        good.put("evidence.json", library);
        c.add(Case.refused("zip slip ../evil.sh", Send.ZIP, zip(with(good, "../evil.sh", utf8("rm -rf /")))));
        c.add(Case.refused("zip slip 深层 ../../../../tmp/evil", Send.ZIP, zip(with(good, "taizhang/../../../../tmp/evil", utf8("x")))));
        c.add(Case.refused("zip 绝对路径 / zip entry /etc/cron.d/evil", Send.ZIP, zip(with(good, "/etc/cron.d/evil", utf8("x")))));
        c.add(Case.either("zip 反斜杠穿越 / zip entry ..\\evil", Send.ZIP, zip(with(good, "..\\..\\evil.bat", utf8("x")))));
        c.add(Case.refused("zip 炸弹：附件 20 MB 的零 / zip bomb: 20 MB of zeros", Send.ZIP,
                zip(with(good, "taizhang/bomb.bin", new byte[20 * 1024 * 1024]))));
        c.add(Case.refused("zip 炸弹：evidence.json 补 5 MB 空白 / zip bomb in evidence.json", Send.ZIP,
                zip(Map.of("evidence.json", concat(library, utf8(" ".repeat(5 * 1024 * 1024)))))));
        // each under the 1 MiB before the ratio is checked, 26 MB in all (under maxUnpackedBytes), nothing kept
        c.add(Case.either("zip 炸弹：四百个高压缩比小条目 / 400 bomblets of 64 KB", Send.ZIP, zip(bomblets(good))));
        c.add(Case.refused("zip 中没有 evidence.json / zip without evidence.json", Send.ZIP,
                zip(Map.of("readme.txt", utf8("空")))));
        c.add(Case.refused("zip 中 evidence.json 在子目录 / evidence.json nested", Send.ZIP,
                zip(Map.of("folder/evidence.json", library))));
        c.add(Case.refused("zip 中两个 evidence.json / duplicate entries", Send.ZIP, duplicateEntries(library)));
        c.add(Case.refused("截断的 zip / truncated zip", Send.ZIP, Arrays.copyOf(libraryZip, libraryZip.length / 2)));
        c.add(Case.refused("只有 zip 头 / zip magic then garbage", Send.ZIP, concat(new byte[] {'P', 'K', 3, 4}, randomBytes(2000, 11))));
        c.add(Case.refused("zip 中 evidence.json 损坏 / zip with truncated evidence.json", Send.ZIP,
                zip(Map.of("evidence.json", Arrays.copyOf(library, 1000)))));
        c.add(Case.refused("zip 中 evidence.json 是 zip / zip inside zip", Send.ZIP,
                zip(Map.of("evidence.json", libraryZip))));
        c.add(Case.refused("zip 条目过多 / 12,000 entries", Send.ZIP, zip(manyEntries(good, 12_000))));
        c.add(Case.refused("zip 中 evidence.json 含无效 UTF-8 / invalid UTF-8 inside a zip", Send.ZIP,
                zip(Map.of("evidence.json", replaceBytes(library, utf8("××市图书馆"), new byte[] {(byte) 0xFF, (byte) 0xFE})))));
        // one way to read a zip: the central directory, one archive exactly (ZipContents)
        c.add(Case.refused("两个 zip 首尾相接 / two zips end to end", Send.ZIP,
                concat(zip(good), zip(Map.of("evidence.json", mutate(library, p -> unit(p).put("id", "other-unit")))))));
        c.add(Case.refused("zip 后有多余数据 / data after the zip", Send.ZIP, concat(zip(good), utf8("#!/bin/sh\nrm -rf /\n"))));
        c.add(Case.refused("本地文件头与中央目录名称不同 / local header names another file", Send.ZIP,
                renameInLocalHeader(zip(with(good, "notes/readme.txt", utf8("x"))), "notes/readme.txt", "notes/readme.TXT")));
        c.add(Case.refused("zip 条目名含 NUL / zip entry evidence.json\\0.x", Send.ZIP,
                zip(with(good, "evidence.json\u0000.x", water))));
        c.add(Case.refused("zip 条目名含控制字符 / zip entry with an escape", Send.ZIP,
                zip(with(good, "taizhang/\u001b[31mred.jpg", utf8("x")))));
        c.add(Case.harmless("zip 中附件文件名含脚本 / zip attachment named with a script", Send.ZIP,
                zip(withAttachmentNamed(library, "taizhang/" + SCRIPT + ".jpg")), null));

        // size and transport
        c.add(Case.refused("超过上限的 JSON / JSON over the limit", Send.JSON, concat(library, utf8(" ".repeat((int) LIMIT)))));
        c.add(Case.refused("分块发送超过上限 / chunked JSON over the limit", Send.CHUNKED_JSON,
                concat(library, utf8(" ".repeat((int) LIMIT)))));
        c.add(Case.refused("表单上传超过上限 / form upload over the limit", Send.FORM,
                concat(library, utf8(" ".repeat((int) LIMIT)))).named("big.json"));
        c.add(Case.refused("超过上限的 zip / zip over the limit", Send.ZIP,
                zip(with(good, "photo.jpg", randomBytes((int) LIMIT, 3)))));
        c.add(Case.raw("text/plain 类型 / text/plain", Expect.REFUSED, "text/plain", library));
        c.add(Case.raw("没有内容类型 / no content type", Expect.REFUSED, "", library));
        c.add(Case.raw("application/xml 类型 / XML", Expect.REFUSED, "application/xml",
                utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")));
        c.add(Case.raw("text/html 类型含脚本 / text/html with a script", Expect.REFUSED, "text/html; charset=utf-8", utf8(SCRIPT)));
        c.add(Case.raw("表单缺少 package 字段 / form without the package field", Expect.REFUSED,
                "multipart/form-data; boundary=" + Http.BOUNDARY, Http.multipart("file", "evidence.json", library)));
        c.add(Case.raw("表单边界不符 / form with a wrong boundary", Expect.REFUSED,
                "multipart/form-data; boundary=nope", Http.multipart("package", "evidence.json", library)));
        c.add(Case.raw("表单被截断 / truncated form", Expect.REFUSED, "multipart/form-data; boundary=" + Http.BOUNDARY,
                Arrays.copyOf(Http.multipart("package", "evidence.json", library), 3000)));
        c.add(Case.raw("JSON 以 zip 类型发送 / JSON sent as zip", Expect.EITHER, "application/zip", library));
        c.add(Case.raw("zip 以 JSON 类型发送 / zip sent as JSON", Expect.EITHER, "application/json", libraryZip));
        return c;
    }

    // --- the checks ------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> everyHostilePackageIsRefusedOrHarmlessAndTheServiceStaysUp() {
        List<Case> corpus = corpus();
        assertTrue(corpus.size() >= 50, "a corpus of at least 50 cases, was " + corpus.size());
        return corpus.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    @Test
    void theCorpusHasAtLeastFiftyCasesWithDistinctNames() {
        List<Case> corpus = corpus();
        assertTrue(corpus.size() >= 50, "cases: " + corpus.size());
        assertEquals(corpus.size(), corpus.stream().map(Case::name).distinct().count(), "distinct names");
    }

    /** Beyond a double: Jackson reads 1e999 as Infinity, which the reader refuses like a negative number. */
    static Case volunteerHoursBeyondADouble() {
        return Case.refused("志愿时长 1e999 溢出 / volunteerHours 1e999", Send.JSON,
                replaceFirst(example("well-run-library.json"), "\"organizer\"", "\"volunteerHours\": 1e999, \"organizer\""));
    }

    @Test
    void aVolunteerHoursNumberBeyondADoubleIsRefused() {
        check(volunteerHoursBeyondADouble());
    }

    @Test
    void aCorruptZipIsRefusedWithAClearMessage() {
        HttpResponse<byte[]> response = new Http(app).post("/api/assessments", "application/zip",
                concat(new byte[] {'P', 'K', 3, 4}, randomBytes(2000, 11)));
        assertEquals(422, response.statusCode(), text(response));
        assertFalse(text(response).contains("null"), "no \"null\" in the message: " + text(response));
    }

    /** The page form: a refused package with markup in it shows its faults on the upload page, escaped. */
    @Test
    void theUploadPageShowsTheFaultsOfARefusedPackageEscaped() {
        long before = stored();
        byte[] bad = mutate(example("well-run-library.json"), p -> {
            unit(p).put("level", SCRIPT);
            activity(p, 0).putObject("attendance").put(IMG, 1);
            activity(p, 1).put("organizer", SCRIPT);
        });
        HttpResponse<byte[]> response = new Http(app).post("/assessments", "multipart/form-data; boundary=" + Http.BOUNDARY,
                Http.multipart("package", SCRIPT + ".json", bad));
        assertEquals(422, response.statusCode(), text(response));
        assertNoRawMarkup("the upload page with faults", text(response));
        assertEquals(before, stored(), "nothing stored");
        assertHealthy("the page form");
    }

    void check(Case c) {
        long before = stored();
        HttpResponse<byte[]> response = refusedEarly(() -> post(c));
        int status = response.statusCode();
        String body = text(response);
        assertTrue(status < 500, c.name() + ": never 5xx, was " + status + ": " + body);
        switch (c.expect()) {
            case REFUSED -> assertRefused(c, response, before);
            case HARMLESS -> assertHarmless(c, response, before);
            case EITHER -> {
                if (status == 201) {
                    assertHarmless(c, response, before);
                } else {
                    assertRefused(c, response, before);
                }
            }
        }
        assertHealthy(c.name());
    }

    private HttpResponse<byte[]> post(Case c) {
        Http http = new Http(app);
        return switch (c.send()) {
            case JSON -> http.post("/api/assessments", "application/json", c.body());
            case CHUNKED_JSON -> http.postChunked("/api/assessments", "application/json", c.body());
            case ZIP -> http.post("/api/assessments", "application/zip", c.body());
            case FORM -> http.postForm("/api/assessments", "package", c.fileName(), c.body());
            case RAW -> http.post("/api/assessments", c.rawType(), c.body());
        };
    }

    private void assertRefused(Case c, HttpResponse<byte[]> response, long before) {
        String body = text(response);
        int status = response.statusCode();
        assertTrue(REFUSALS.contains(status), c.name() + ": refused with 400, 413, 415 or 422, was " + status + ": " + body);
        assertTrue(contentType(response).startsWith("application/problem+json"),
                c.name() + ": a problem document, was " + contentType(response) + ": " + body);
        JsonNode problem = json(response);
        assertEquals(status, problem.path("status").asInt(), c.name() + ": " + body);
        assertTrue(problem.path("type").asText().startsWith("/problems/"), c.name() + ": " + body);
        assertFalse(problem.path("title").asText().isBlank(), c.name() + ": a title: " + body);
        assertFalse(STACK.matcher(body).find(), c.name() + ": no stack trace or exception names: " + body);
        if (status == 422) {
            assertTrue(problem.path("errors").size() > 0 || !problem.path("detail").asText().isBlank(),
                    c.name() + ": says what is wrong: " + body);
        }
        assertEquals(before, stored(), c.name() + ": nothing stored after a refusal");
    }

    private void assertHarmless(Case c, HttpResponse<byte[]> response, long before) {
        String body = text(response);
        assertEquals(201, response.statusCode(), c.name() + ": stored: " + body);
        assertEquals(before + 1, stored(), c.name() + ": stored once");
        String id = json(response).path("id").asText();
        Http http = new Http(app);
        HttpResponse<byte[]> page = http.get("/assessments/" + id, "text/html");
        assertEquals(200, page.statusCode(), c.name() + ": the results page: " + text(page));
        String html = text(page);
        assertNoRawMarkup(c.name() + " (results page)", html);
        if (c.mustShow() != null) {
            assertTrue(html.contains(c.mustShow()), c.name() + ": the page shows the text escaped: " + c.mustShow());
        }
        HttpResponse<byte[]> index = http.get("/", "text/html");
        assertEquals(200, index.statusCode(), c.name() + ": the upload page");
        assertNoRawMarkup(c.name() + " (upload page, recent assessments)", text(index));
        HttpResponse<byte[]> api = http.get("/api/assessments/" + id);
        assertEquals(200, api.statusCode(), c.name() + ": the stored result: " + text(api));
        assertTrue(contentType(api).startsWith("application/json"), c.name() + ": JSON, not HTML: " + contentType(api));
    }

    static void assertNoRawMarkup(String where, String html) {
        for (String raw : RAW) {
            int at = html.indexOf(raw);
            assertTrue(at < 0, where + ": raw markup " + raw + " in the page at "
                    + (at < 0 ? "" : html.substring(Math.max(0, at - 200), Math.min(html.length(), at + 100))));
        }
    }

    static void assertHealthy(String after) {
        HttpResponse<byte[]> health = new Http(app).get("/health");
        assertEquals(200, health.statusCode(), "health after " + after + ": " + text(health));
        assertEquals("ok", json(health).path("status").asText(), "health after " + after);
    }

    /** How many assessments are stored, asked on a new connection (a refusal may close the old one). */
    static long stored() {
        HttpResponse<byte[]> response = new Http(app).get("/api/assessments");
        assertEquals(200, response.statusCode(), text(response));
        return json(response).path("total").asLong();
    }

    // --- building the corpus ---------------------------------------------------------------------

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int lastBrace(byte[] json) {
        int i = json.length - 1;
        while (json[i] != '}') {
            i--;
        }
        return i;
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    /** An example package changed by {@code edit}, as JSON bytes. */
    static byte[] mutate(byte[] example, Consumer<ObjectNode> edit) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) Http.JSON.readTree(example);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        edit.accept(tree);
        return Http.bytes(tree);
    }

    static ObjectNode unit(ObjectNode p) {
        return (ObjectNode) p.get("unit");
    }

    static ArrayNode activities(ObjectNode p) {
        return (ArrayNode) p.get("activities");
    }

    static ObjectNode activity(ObjectNode p, int i) {
        return (ObjectNode) activities(p).get(i);
    }

    /** The first attachment of the first activity that has one. */
    static ObjectNode attachment(ObjectNode p) {
        for (JsonNode a : activities(p)) {
            if (a.path("attachments").size() > 0) {
                return (ObjectNode) a.get("attachments").get(0);
            }
        }
        throw new IllegalStateException("no activity with attachments");
    }

    /** Appends {@code payload} to every free text: names, titles, descriptions, tags, file names. */
    static void everyText(ObjectNode p, String payload) {
        ObjectNode unit = unit(p);
        unit.put("name", unit.get("name").asText() + payload);
        ((ObjectNode) unit.get("coordinator")).put("name", payload);
        unit.withArray("departments").forEach(d -> ((ObjectNode) d).put("name", d.get("name").asText() + payload));
        for (String list : List.of("plans", "activities", "honors")) {
            p.withArray(list).forEach(x -> ((ObjectNode) x).put("title", x.get("title").asText() + payload));
        }
        p.withArray("incidents").forEach(x -> ((ObjectNode) x).put("description", payload));
        for (String list : List.of("plans", "activities")) {
            p.withArray(list).forEach(x -> x.path("attachments").forEach(f ->
                    ((ObjectNode) f).put("file", f.get("file").asText() + payload)));
        }
        activities(p).forEach(a -> ((ObjectNode) a).withArray("tags").add(payload));
    }

    static byte[] replaceFirst(byte[] json, String find, String replacement) {
        String s = new String(json, StandardCharsets.UTF_8);
        int at = s.indexOf(find);
        if (at < 0) {
            throw new IllegalStateException("not in the example: " + find);
        }
        return utf8(s.substring(0, at) + replacement + s.substring(at + find.length()));
    }

    static byte[] replaceBytes(byte[] data, byte[] find, byte[] replacement) {
        for (int i = 0; i + find.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + find.length, find, 0, find.length)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(data, 0, i);
                out.writeBytes(replacement);
                out.write(data, i + find.length, data.length - i - find.length);
                return out.toByteArray();
            }
        }
        throw new IllegalStateException("bytes not found");
    }

    static Map<String, byte[]> with(Map<String, byte[]> entries, String name, byte[] content) {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(name, content);
        return copy;
    }

    static Map<String, byte[]> bomblets(Map<String, byte[]> entries) {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        for (int i = 0; i < 400; i++) {
            copy.put("taizhang/b" + i + ".bin", new byte[64 * 1024]);
        }
        return copy;
    }

    static Map<String, byte[]> manyEntries(Map<String, byte[]> entries, int n) {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        for (int i = 0; i < n; i++) {
            copy.put("d/" + i, new byte[0]);
        }
        return copy;
    }

    /** A valid zip whose evidence.json names one attachment {@code file}, which the zip holds. */
    static Map<String, byte[]> withAttachmentNamed(byte[] library, String file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("evidence.json", mutate(library, p -> attachment(p).put("file", file)));
        entries.put(file, utf8("photo"));
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The zip with {@code from} renamed to {@code to} (same length) in its first occurrence: the local header only. */
    static byte[] renameInLocalHeader(byte[] zip, String from, String to) {
        byte[] f = utf8(from);
        for (int i = 0; i + f.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(utf8(to), 0, zip, i, f.length);
                return zip;
            }
        }
        throw new IllegalStateException("name not in the zip");
    }

    /**
     * A zip with two entries named evidence.json (ZipOutputStream refuses to write one): the second
     * is written as "evidence.jsoX" and renamed in the bytes, local header and central directory alike.
     */
    static byte[] duplicateEntries(byte[] library) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("evidence.json", library);
        entries.put("evidence.jsoX", mutate(library, p -> unit(p).put("name", SCRIPT)));
        byte[] zip = zip(entries);
        byte[] from = utf8("evidence.jsoX");
        byte[] to = utf8("evidence.json");
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, zip, i, to.length);
            }
        }
        return zip;
    }
}
