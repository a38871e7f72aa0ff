package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.civcheck.evidence.TestPackages.zip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ZipPackageTest {

    private static final byte[] PDF = TestPackages.utf8("%PDF-1.4 stand-in");

    private final ObjectNode pkg = example();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** The example as a zip holding every file its attachments name. */
    private void completeExample() {
        entries.put("evidence.json", TestPackages.bytes(pkg));
        for (String file : List.of("plans/2025-fangan.pdf", "study/0306.pdf", "study/0306-sign.jpg",
                "vol/0305-1.jpg", "news/0514.pdf", "receipts/0630.pdf")) {
            entries.put(file, PDF);
        }
    }

    private PackageReading read(ReadLimits limits) {
        return new EvidencePackageReader(limits).read(zip(entries), "2025.zip");
    }

    private PackageReading read() {
        return read(ReadLimits.defaults());
    }

    private static void assertRefused(PackageReading reading, InputProblem... faults) {
        assertEquals(List.of(faults), reading.faults());
        assertNull(reading.evidence());
    }

    @Test
    void zipWithEveryAttachmentIsAcceptedLikeTheJson() {
        completeExample();

        PackageReading reading = read();

        assertEquals(List.of(), reading.warnings());
        assertEquals(TestPackages.read(pkg).evidence(), reading.evidence());
    }

    @Test
    void attachmentMissingFromTheZipIsAWarningAndNotPresent() {
        completeExample();
        entries.remove("study/0306-sign.jpg");

        PackageReading reading = read();

        assertEquals(List.of(new InputProblem("$.activities[0].attachments[1].file",
                "压缩包中没有此文件：study/0306-sign.jpg，该材料不能作为佐证")), reading.warnings());
        List<Attachment> attachments = reading.evidence().activities().get(0).attachments();
        assertEquals(new Attachment("minutes", "study/0306.pdf", LocalDate.of(2025, 3, 6), true), attachments.get(0));
        assertFalse(attachments.get(1).present());
    }

    @Test
    void zipFileThatNoAttachmentNamesIsAWarning() {
        completeExample();
        entries.put("study/draft.docx", PDF);
        entries.put("__MACOSX/study/._0306.pdf", PDF);
        entries.put("study/.DS_Store", PDF);

        assertEquals(List.of(new InputProblem("study/draft.docx", "压缩包中的文件未被任何材料引用")), read().warnings());
    }

    @Test
    void attachmentPathWithDotSegmentsMatchesItsFile() {
        completeExample();
        TestPackages.object(pkg, "/activities/3/attachments/0").put("file", "./receipts//0630.pdf");
        entries.put("evidence.json", TestPackages.bytes(pkg));

        PackageReading reading = read();

        assertEquals(List.of(), reading.warnings());
        assertTrue(reading.evidence().activities().get(3).attachments().get(0).present());
    }

    @Test
    void entryWithParentSegmentIsRefusedAsZipSlip() {
        completeExample();
        entries.put("study/../../evil.sh", PDF);

        assertRefused(read(), new InputProblem("study/../../evil.sh", "不安全的文件名：含“..”段，可能指向压缩包以外，整个材料包被拒绝"));
    }

    @Test
    void entryWithAbsolutePathOrDriveLetterIsRefused() {
        entries.put("/etc/cron.d/evil", PDF);
        assertRefused(read(), new InputProblem("/etc/cron.d/evil", "不安全的文件名：以 / 开头的绝对路径，整个材料包被拒绝"));

        entries.clear();
        entries.put("C:\\Windows\\evil.dll", PDF);
        assertRefused(read(), new InputProblem("C:\\Windows\\evil.dll", "不安全的文件名：带盘符的绝对路径，整个材料包被拒绝"));
    }

    @Test
    void highlyCompressibleEntryIsRefusedForItsCompressionRatio() {
        completeExample();
        entries.put("video/bomb.mp4", new byte[50 * 1024 * 1024]);

        assertRefused(read(), new InputProblem("video/bomb.mp4", "压缩比超过上限 100 倍，疑似压缩炸弹"));
    }

    @Test
    void entriesDecompressingBeyondTheTotalLimitAreRefused() {
        completeExample();
        entries.put("video/bomb.mp4", new byte[50 * 1024 * 1024]);
        ReadLimits lowered = new ReadLimits(1 << 20, 100, 10 << 20, 10_000, 100, 64, 1000);

        assertRefused(read(lowered), new InputProblem("video/bomb.mp4", "解压后的总大小超过上限 10 MB"));
    }

    @Test
    void moreEntriesThanTheLimitAreRefusedBeforeAnyIsRead() {
        completeExample();
        entries.put("photos/1.jpg", PDF);
        entries.put("photos/2.jpg", PDF);
        ReadLimits eightEntries = new ReadLimits(1 << 20, 8, 1 << 20, 100, 100, 64, 1000);

        // counted from the end record, before the central directory is read into entries
        assertRefused(read(eightEntries), new InputProblem("2025.zip", "压缩包中的条目超过上限 8 个"));
    }

    @Test
    void zipWithoutEvidenceJsonIsRefused() {
        completeExample();
        entries.remove("evidence.json");

        assertRefused(read(), new InputProblem("evidence.json", "压缩包根目录下没有 evidence.json"));
    }

    @Test
    void evidenceJsonInASubfolderIsRefusedWithAHint() {
        entries.put("2025材料/evidence.json", TestPackages.bytes(pkg));

        assertRefused(read(), new InputProblem("evidence.json",
                "压缩包根目录下没有 evidence.json（找到的是 2025材料/evidence.json，请直接压缩文件夹里的内容）"));
    }

    @Test
    void faultsOfEvidenceJsonInsideAZipAreReportedByJsonPath() {
        TestPackages.object(pkg, "/activities/0").put("date", "2025-02-30");
        completeExample();

        assertRefused(read(), new InputProblem("$.activities[0].date", "“2025-02-30”不是有效的日历日期"));
    }

    @Test
    void damagedZipIsRefused() {
        completeExample();
        byte[] zip = zip(entries);
        byte[] cut = Arrays.copyOf(zip, 200);

        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(cut, "2025.zip");

        // no central directory: nothing of it can be read, and the archive is named
        assertEquals(1, reading.faults().size());
        assertEquals("2025.zip", reading.faults().get(0).path());
        assertEquals("压缩包已损坏或不完整，无法解压；请重新打包后上传", reading.faults().get(0).message());
    }

    @Test
    void repeatedEntryNameIsRefused() {
        completeExample();
        // ZipOutputStream refuses to write a name twice: write "receipts/0630.pdX" and rename it
        // in the bytes, local header and central directory alike.
        entries.put("receipts/0630.pdX", PDF);
        byte[] zip = zip(entries);
        byte[] from = "receipts/0630.pdX".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                zip[i + from.length - 1] = 'f';
            }
        }

        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(zip, "2025.zip");

        assertRefused(reading, new InputProblem("receipts/0630.pdf", "压缩包中有重名的条目"));
    }

    @Test
    void zipWithGbkFileNamesFromChineseWindowsIsRead() {
        TestPackages.object(pkg, "/activities/0/attachments/0").put("file", "学习/0306会议记录.pdf");
        completeExample();
        entries.remove("study/0306.pdf");
        entries.put("学习/0306会议记录.pdf", PDF);

        byte[] gbkZip = zip(entries, Charset.forName("GBK"));
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(gbkZip, "2025.zip");

        assertEquals(List.of(), reading.warnings());
        assertTrue(reading.evidence().activities().get(0).attachments().get(0).present());
    }

    /** Names neither in UTF-8 nor in the Chinese Windows encoding: said in office words, no encoding's name. */
    @Test
    void zipWhoseNamesAreInNoKnownEncodingIsRefusedInPlainWords() {
        completeExample();
        entries.put("\u00ff\u0080.pdf", PDF); // the bytes FF 80: no character in either encoding

        byte[] unreadable = zip(entries, Charset.forName("ISO-8859-1"));
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(unreadable, "2025.zip");

        assertRefused(reading, new InputProblem("2025.zip",
                "压缩包中的文件名无法识别（文字编码不是常用的两种之一）；请在电脑上用系统自带的压缩功能重新压缩后上传"));
    }

    /**
     * Python's zipfile on a pipe and Go's archive/zip write STORED entries whose sizes follow the
     * data in a data descriptor; such a zip is valid and reads exactly like the deflated one.
     */
    @Test
    void zipOfStoredEntriesWithDataDescriptorsIsReadLikeTheDeflatedZip() {
        completeExample();
        entries.put("study/draft.docx", PDF);
        byte[] streamed = StreamedZips.storedWithDataDescriptors(entries);
        assertThrows(java.util.zip.ZipException.class, () -> {
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(streamed))) {
                while (in.getNextEntry() != null) {
                    in.readAllBytes();
                }
            }
        }, "the fixture is what java.util.zip cannot read: STORED entries with a data descriptor");

        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(streamed, "2025.zip");
        PackageReading deflated = read();

        assertEquals(List.of(), reading.faults());
        assertEquals(deflated.evidence(), reading.evidence());
        assertEquals(deflated.warnings(), reading.warnings());
        assertEquals(List.of(new InputProblem("study/draft.docx", "压缩包中的文件未被任何材料引用")), reading.warnings());
    }

    @Test
    void storedEntryWhoseDataDescriptorDisagreesWithItsDataIsRefusedAsDamaged() {
        completeExample();
        byte[] streamed = StreamedZips.storedWithDataDescriptors(entries);
        // Flip one byte inside evidence.json (the first entry): its CRC-32 no longer matches.
        int at = indexOf(streamed, TestPackages.utf8("\"schemaVersion\""));
        streamed[at + 1] = 'S';

        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(streamed, "2025.zip");

        assertRefused(reading, new InputProblem("evidence.json", "压缩包已损坏或不完整，无法解压；请重新打包后上传"));
    }

    @Test
    void deflatedEntryWhoseDataDescriptorStatesAnotherCrcIsRefusedAsDamaged() {
        completeExample();
        byte[] zip = zip(entries);
        // ZipOutputStream gives each deflated entry a data descriptor: PK 7 8, then the CRC-32.
        int descriptor = indexOf(zip, new byte[] {'P', 'K', 7, 8});
        zip[descriptor + 4] ^= 0x01;

        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(zip, "2025.zip");

        assertRefused(reading, new InputProblem("evidence.json", "压缩包已损坏或不完整，无法解压；请重新打包后上传"));
    }

    @Test
    void truncatedZipOfStoredEntriesWithDataDescriptorsIsRefusedAsDamaged() {
        completeExample();
        byte[] streamed = StreamedZips.storedWithDataDescriptors(entries);

        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults())
                .read(Arrays.copyOf(streamed, 300), "2025.zip");

        assertRefused(reading, new InputProblem("2025.zip", "压缩包已损坏或不完整，无法解压；请重新打包后上传"));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    @Test
    void unreferencedFilesAreListedInArchiveOrder() {
        completeExample();
        entries.put("b.txt", PDF);
        entries.put("a.txt", PDF);

        assertEquals(List.of("b.txt", "a.txt"),
                read().warnings().stream().map(InputProblem::path).collect(Collectors.toList()));
    }

    /** Where the central directory starts: local headers and data end there. */
    private static int localHeadersEnd(byte[] zip) {
        for (int i = zip.length - 22; i >= 0; i--) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 5 && zip[i + 3] == 6) {
                return (zip[i + 16] & 0xFF) | (zip[i + 17] & 0xFF) << 8 | (zip[i + 18] & 0xFF) << 16 | (zip[i + 19] & 0xFF) << 24;
            }
        }
        throw new IllegalArgumentException("Not a zip: no end of central directory record.");
    }
}
