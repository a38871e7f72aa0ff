package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.civcheck.evidence.TestPackages.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * One way to read a zip: the central directory, as unzip, Python and Windows read it, and only an
 * archive that is exactly one zip. Each case here was scored as one package and would have been
 * extracted as another (the reader walked the local headers), or smuggled a name no tool shows.
 */
class ZipOneReadingTest {

    private final ObjectNode pkg = example();

    private static PackageReading read(byte[] zip) {
        return new EvidencePackageReader(ReadLimits.defaults()).read(zip, "2025.zip");
    }

    private byte[] evidence(String unitName) {
        ObjectNode copy = pkg.deepCopy();
        ((ObjectNode) copy.get("unit")).put("name", unitName);
        return TestPackages.bytes(copy);
    }

    private byte[] zipOf(String unitName) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("evidence.json", evidence(unitName));
        return zip(entries);
    }

    private static void assertRefused(PackageReading reading, String why) {
        assertNull(reading.evidence(), "refused");
        assertEquals(1, reading.faults().size(), reading.faults().toString());
        assertTrue(reading.faults().get(0).message().contains(why), reading.faults().toString());
    }

    @Test
    void aZipIsReadByItsCentralDirectoryWhichEveryToolReads() throws IOException {
        byte[] zip = zipOf("甲单位");

        PackageReading reading = read(zip);

        assertEquals("甲单位", reading.evidence().unit().name());
        // java.util.zip.ZipFile reads the central directory too
        java.nio.file.Path file = java.nio.file.Files.createTempFile("one", ".zip");
        try {
            java.nio.file.Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                assertEquals(1, z.size());
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void twoZipsEndToEndAreRefused() {
        byte[] both = concat(zipOf("甲单位"), zipOf("乙单位"));

        assertRefused(read(both), "多余的数据");
    }

    @Test
    void dataBeforeTheFirstEntryIsRefused() {
        byte[] prefixed = concat("#!/bin/sh\nexit 0\n".getBytes(StandardCharsets.US_ASCII), zipOf("甲单位"));
        ZipContents.Result result = ZipContents.read(prefixed, ReadLimits.defaults(), "2025.zip");

        assertNull(result.evidenceJson());
        assertTrue(result.faults().get(0).message().contains("多余的数据"), result.faults().toString());
    }

    @Test
    void dataAfterTheEndRecordIsRefused() {
        byte[] trailed = concat(zipOf("甲单位"), "trailing bytes".getBytes(StandardCharsets.US_ASCII));

        assertRefused(read(trailed), "多余的数据");
    }

    @Test
    void aLocalHeaderNamingAnotherFileThanTheDirectoryIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("evidence.json", evidence("甲单位"));
        entries.put("notes/readme.txt", "x".getBytes(StandardCharsets.UTF_8));
        byte[] zip = zip(entries);
        // rename the second entry in its local header only: a front-to-back reader sees another name
        byte[] from = "notes/readme.txt".getBytes(StandardCharsets.UTF_8);
        int first = indexOf(zip, from, 0);
        System.arraycopy("notes/readme.TXT".getBytes(StandardCharsets.UTF_8), 0, zip, first, from.length);

        assertRefused(read(zip), "本地文件头与中央目录不一致");
    }

    @Test
    void anEntryNamedWithANulCharacterIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("evidence.json", evidence("甲单位"));
        entries.put("evidence.json\u0000.x", evidence("乙单位"));

        assertRefused(read(zip(entries)), "控制字符");
    }

    @Test
    void anEntryNamedWithAnotherControlCharacterIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("evidence.json", evidence("甲单位"));
        entries.put("taizhang/a\u001b[31m.jpg", "x".getBytes(StandardCharsets.UTF_8));

        assertRefused(read(zip(entries)), "控制字符");
    }

    @Test
    void anEntryWhoseDataDoesNotMatchItsCrcIsRefused() {
        byte[] zip = zipOf("甲单位");
        // flip one byte of the first entry's compressed data
        int data = 30 + "evidence.json".length() + 5;
        zip[data] ^= 0x01;

        PackageReading reading = read(zip);

        assertNull(reading.evidence());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int indexOf(byte[] data, byte[] find, int from) {
        for (int i = from; i + find.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + find.length, find, 0, find.length)) {
                return i;
            }
        }
        throw new IllegalStateException("not found");
    }
}
