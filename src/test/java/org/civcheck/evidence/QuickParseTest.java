package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A package is parsed the quick way (bytes, no duplicate-key detector) and, whenever that fails
 * or declines, the strict way, which alone names faults: these are the cases where the two
 * could part.
 */
class QuickParseTest {

    /** The example's JSON text with {@code fields} added first in its top-level object. */
    private static String exampleWith(String fields) {
        String json = new String(TestPackages.bytes(example()), StandardCharsets.UTF_8);
        return "{" + fields + "," + json.substring(1);
    }

    private static void assertSyntaxFault(PackageReading reading) {
        assertNull(reading.evidence());
        assertEquals(1, reading.faults().size(), reading.faults().toString());
        assertEquals("$", reading.faults().get(0).path());
        assertTrue(reading.faults().get(0).message().contains("JSON 语法错误"), reading.faults().get(0).message());
    }

    @Test
    void duplicateKeyInAnOtherwiseValidPackageIsRefusedAtItsPath() {
        PackageReading reading = TestPackages.read(TestPackages.utf8(exampleWith("\"schemaVersion\": 1")));

        assertEquals(List.of(new InputProblem("$.schemaVersion", "第1行第36列：同一对象中键“schemaVersion”出现了两次")),
                reading.faults());
    }

    @Test
    void duplicateKeyInsideAnUnknownFieldIsRefusedToo() {
        PackageReading reading = TestPackages.read(TestPackages.utf8(exampleWith("\"extra\": {\"a\": 1, \"a\": 2}")));

        assertEquals(List.of(new InputProblem("$.extra.a", "第1行第23列：同一对象中键“a”出现了两次")), reading.faults());
    }

    @Test
    void secondByteOrderMarkIsNoJson() {
        byte[] json = TestPackages.bytes(example());
        byte[] twice = new byte[json.length + 6];
        for (int i = 0; i < 6; i += 3) {
            twice[i] = (byte) 0xEF;
            twice[i + 1] = (byte) 0xBB;
            twice[i + 2] = (byte) 0xBF;
        }
        System.arraycopy(json, 0, twice, 6, json.length);

        assertSyntaxFault(TestPackages.read(twice));
    }

    @Test
    void utf16TextIsNotMistakenForJsonThoughItsBytesAreValidUtf8() {
        assertSyntaxFault(TestPackages.read(new byte[] {0, '{', 0, '}'}));
        assertSyntaxFault(TestPackages.read("{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void fieldNameWithinTheLimitInCharactersButNotInBytesIsRead() {
        String name = "这是一个很长的中文字段名称用来测试长度限制的边界情况好的";
        ReadLimits limits = new ReadLimits(1 << 20, 10, 1 << 20, 100, 100, 64, name.length());
        byte[] json = TestPackages.utf8(exampleWith("\"" + name + "\": 1"));

        PackageReading reading = new EvidencePackageReader(limits).read(json, "p.json");

        assertEquals(List.of(), reading.faults());
        assertEquals(List.of(new InputProblem("$." + name, "未知字段，已忽略")), TestPackages.otherWarnings(reading));
    }

    @Test
    void packageWithAByteOrderMarkIsReadLikeWithout() {
        byte[] json = TestPackages.bytes(example());
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        assertEquals(TestPackages.read(json), TestPackages.read(withBom));
    }

    @Test
    void aPackageThatOpensWithChineseIsStillReadTheQuickWay() throws Exception {
        byte[] bytes = TestPackages.utf8(exampleWith("\"备注\": \"二〇二五年\""));

        try (var parser = new StrictJsonParser(ReadLimits.defaults()).quickParser(bytes)) {
            org.junit.jupiter.api.Assertions.assertNotNull(parser, "declined the quick way");
        }
        PackageReading reading = TestPackages.read(bytes);
        assertTrue(reading.isAccepted(), reading.faults().toString());
        assertTrue(reading.warnings().contains(new InputProblem("$.备注", "未知字段，已忽略")), reading.warnings().toString());
    }

    @Test
    void unknownFieldsBeyondTheShownAreCountedTheSameBothWays() {
        StringBuilder fields = new StringBuilder("\"x0\": 0");
        for (int i = 1; i < 150; i++) {
            fields.append(", \"x").append(i).append("\": ").append(i);
        }
        byte[] bytes = TestPackages.utf8(exampleWith(fields.toString()));
        EvidencePackageReader reader = new EvidencePackageReader(ReadLimits.defaults());

        PackageReading reading = reader.read(bytes, "evidence.json");

        assertEquals(reader.readStrictly(bytes, null), reading);
        List<InputProblem> warnings = reading.warnings();
        assertEquals(ProblemList.SHOWN + 1, warnings.size());
        assertEquals(new InputProblem("$.x0", "未知字段，已忽略"), warnings.get(1)); // after the unverified attachments
        int all = TestPackages.read(example()).warnings().size() + 150;
        assertEquals(new InputProblem("$", "另有 " + (all - ProblemList.SHOWN) + " 处问题未列出"),
                warnings.get(warnings.size() - 1));
    }
}
