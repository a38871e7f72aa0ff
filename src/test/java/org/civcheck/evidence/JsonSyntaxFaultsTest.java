package org.civcheck.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSyntaxFaultsTest {

    private static void assertRefused(PackageReading reading, InputProblem... faults) {
        assertEquals(List.of(faults), reading.faults());
        assertNull(reading.evidence());
        assertEquals(List.of(), reading.warnings());
    }

    @Test
    void truncatedJsonIsRefusedWithLineAndColumnOfTheEnd() {
        String truncated = "{\n  \"schemaVersion\": 1,\n  \"unit\": {\"id\": \"x\"";

        assertRefused(TestPackages.read(TestPackages.utf8(truncated)),
                new InputProblem("$", "第3行第21列：JSON 意外结束，内容不完整（文件可能被截断）"));
    }

    @Test
    void syntaxErrorIsRefusedWithLineAndColumn() {
        String broken = "{\n  \"schemaVersion\": 1,\n  \"unit\": {\"id\": }\n}";

        PackageReading reading = TestPackages.read(TestPackages.utf8(broken));

        assertEquals(1, reading.faults().size());
        assertEquals("$", reading.faults().get(0).path());
        assertTrue(reading.faults().get(0).message().startsWith("第3行第18列：JSON 语法错误（Unexpected character ('}'"),
                reading.faults().get(0).message());
    }

    @Test
    void duplicateKeyIsRefusedAtThePathOfTheSecondKey() {
        String duplicate = "{\"schemaVersion\": 1, \"activities\": [{\"id\": \"a-1\",\n \"id\": \"a-2\"}]}";

        assertRefused(TestPackages.read(TestPackages.utf8(duplicate)),
                new InputProblem("$.activities[0].id", "第2行第6列：同一对象中键“id”出现了两次"));
    }

    @Test
    void invalidUtf8IsRefusedWithLineColumnAndByte() {
        byte[] gbk = {'{', '\n', ' ', '"', 'n', 'a', 'm', 'e', '"', ':', ' ', '"', (byte) 0xD6, (byte) 0xD0, '"', '}'};

        assertRefused(TestPackages.read(gbk),
                new InputProblem("$", "第2行第11列：不是有效的 UTF-8 编码（字节 0xD6），请将文件以 UTF-8 编码保存"));
    }

    @Test
    void invalidUtf8AfterChineseTextCountsColumnsInCharacters() {
        byte[] prefix = TestPackages.utf8("{\"name\": \"街道");
        byte[] bytes = new byte[prefix.length + 2];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        bytes[prefix.length] = (byte) 0xFF;
        bytes[prefix.length + 1] = '"';

        assertRefused(TestPackages.read(bytes),
                new InputProblem("$", "第1行第13列：不是有效的 UTF-8 编码（字节 0xFF），请将文件以 UTF-8 编码保存"));
    }

    @Test
    void emptyInputIsRefused() {
        assertRefused(TestPackages.read(TestPackages.utf8("  \n")), new InputProblem("$", "内容为空，不是 JSON 文档"));
    }

    @Test
    void contentAfterTheDocumentIsRefused() {
        assertRefused(TestPackages.read(TestPackages.utf8("{\"schemaVersion\": 1}\n{\"x\": 2}")),
                new InputProblem("$", "第2行第1列：JSON 文档结束后还有多余的内容"));
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedAtItsPath() {
        ReadLimits shallow = new ReadLimits(1 << 20, 10, 1 << 20, 100, 10, 3, 100);
        String deep = "{\"unit\": {\"coordinator\": {\"name\": [[\"x\"]]}}}";

        assertRefused(new EvidencePackageReader(shallow).read(TestPackages.utf8(deep), "p.json"),
                new InputProblem("$.unit.coordinator.name", "第1行第36列：JSON 嵌套层数超过上限 3 层"));
    }

    @Test
    void textLongerThanTheLimitIsRefusedAtItsField() {
        ReadLimits shortTexts = new ReadLimits(1 << 20, 10, 1 << 20, 100, 10, 64, 10);
        String json = "{\"unit\": {\"name\": \"12345678901\"}}";

        PackageReading reading = new EvidencePackageReader(shortTexts).read(TestPackages.utf8(json), "p.json");

        assertEquals(List.of(new InputProblem("$.unit.name", "第1行第32列：文本长度超过上限 10 个字符")), reading.faults());
    }

    @Test
    void textOfExactlyTheLimitPassesTheParserAndReachesTheSchema() {
        ReadLimits shortTexts = new ReadLimits(1 << 20, 10, 1 << 20, 100, 10, 64, 13);
        String json = "{\"schemaVersion\": 1, \"unit\": {\"name\": \"1234567890123\"}, \"period\": {}, \"activities\": []}";

        PackageReading reading = new EvidencePackageReader(shortTexts).read(TestPackages.utf8(json), "p.json");

        assertEquals(List.of(
                new InputProblem("$.unit.id", "缺少必填字段"),
                new InputProblem("$.unit.level", "缺少必填字段"),
                new InputProblem("$.unit.staff", "缺少必填字段"),
                new InputProblem("$.unit.departments", "缺少必填字段"),
                new InputProblem("$.period.from", "缺少必填字段"),
                new InputProblem("$.period.to", "缺少必填字段")), reading.faults());
    }

    @Test
    void packageLargerThanTheLimitIsRefusedBeforeParsing() {
        ReadLimits tiny = new ReadLimits(100, 10, 1 << 20, 100, 10, 64, 100);

        PackageReading reading = new EvidencePackageReader(tiny).read(new byte[2048], "big.json");

        assertRefused(reading, new InputProblem("big.json", "文件大小 2 KB 超过上限 100 字节"));
    }
}
