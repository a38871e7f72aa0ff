package org.civcheck.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads a zip package in memory, never touching the disk: keeps {@code evidence.json} and the
 * names of the other files, and refuses the whole archive for unsafe names (zip slip, control
 * characters), too many entries, too many decompressed bytes, a compression ratio like a zip
 * bomb's, or damage. Sizes are counted while decompressing, never taken on trust.
 *
 * <p>One way to read a zip, the way {@code unzip}, Python and Windows read it: the central
 * directory, with commons-compress's {@link ZipFile} over the bytes. And one archive only: the
 * bytes must be exactly one zip, laid out as its central directory says, so that the package
 * stored (the bytes as uploaded) is the package scored, whatever tool opens it later. Refused:
 * <ul>
 *   <li>any byte before the first entry or after the end record (two zips concatenated, a zip
 *       appended to something else), or between entries;</li>
 *   <li>an entry whose local header disagrees with the central directory (name, method, flags,
 *       CRC-32 or sizes), as a reader walking the local headers would see other files;</li>
 *   <li>an entry whose data does not decompress to the CRC-32 and size the directory states;</li>
 *   <li>methods other than STORED and DEFLATED, and encryption.</li>
 * </ul>
 */
final class ZipContents {

    static final String EVIDENCE_JSON = "evidence.json";

    /**
     * Entries are held to the ratio limit once they have produced this many bytes: small files
     * may compress very well (plain text) and cannot add up to a bomb under the total limit.
     */
    static final long RATIO_CHECK_AFTER_BYTES = 1024L * 1024L;

    /** Names without the zip's UTF-8 flag are read in this charset when they are not UTF-8 (Chinese Windows). */
    private static final Charset LEGACY_NAMES = Charset.forName("GB18030");

    private static final String DAMAGED = "压缩包已损坏或不完整，无法解压；请重新打包后上传";
    private static final String NOT_ONE_ZIP = "压缩包前后或条目之间有多余的数据（例如两个压缩包首尾相接），"
            + "各解压工具会读出不同的内容；请重新打包后上传";
    private static final String HEADERS_DISAGREE = "压缩包中该文件的本地文件头与中央目录不一致，各解压工具会读出不同的内容；请重新打包后上传";

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int DATA_DESCRIPTOR = 0x08074b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final long UNSET32 = 0xFFFFFFFFL;
    /** Flags that change what an entry means (encryption, UTF-8 names): local header and directory must agree on them. */
    private static final int MEANING = 0x0001 | 0x0800;

    /**
     * The evidence and the file names, or the faults that refused the archive.
     *
     * @param evidenceJson the bytes of {@code evidence.json}, null when refused
     * @param files        normalized names of the other files (not directories), in archive order
     */
    record Result(byte[] evidenceJson, Set<String> files, List<InputProblem> faults) {
        static Result refused(String path, String message) {
            return new Result(null, Set.of(), List.of(new InputProblem(path, message)));
        }
    }

    /** Why an entry refuses the archive; ends the reading loop, never leaves this class. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        private final String entry;
        private final String reason;

        Refusal(String entry, String reason) {
            super(reason, null, false, false);
            this.entry = entry;
            this.reason = reason;
        }

        Result result() {
            return Result.refused(entry, reason);
        }
    }

    private final ReadLimits limits;
    private final String sourceName;
    private final Set<String> seen = new HashSet<>();
    private final Set<String> files = new LinkedHashSet<>();
    private byte[] evidence;
    private String nestedEvidence;
    private long unpacked;

    /** Told the most bytes evidence.json may unpack to, before it is unpacked (kept in memory). */
    private final java.util.function.LongConsumer beforeKeeping;
    private final byte[] zip;
    private final ByteBuffer le;

    private ZipContents(byte[] zip, ReadLimits limits, String sourceName, java.util.function.LongConsumer beforeKeeping) {
        this.beforeKeeping = beforeKeeping;
        this.zip = zip;
        this.le = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        this.limits = limits;
        this.sourceName = sourceName;
    }

    /** True when the bytes start like a zip archive ({@code PK\3\4}). */
    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** Reads an archive; {@code sourceName} names faults that belong to no entry. */
    static Result read(byte[] zip, ReadLimits limits, String sourceName) {
        return read(zip, limits, sourceName, bytes -> { });
    }

    /**
     * Reads an archive, telling {@code beforeKeeping} the most bytes evidence.json may unpack to
     * before it unpacks it: the size the central directory states (checked while unpacking).
     * Whatever {@code beforeKeeping} throws leaves this method as it is.
     */
    static Result read(byte[] zip, ReadLimits limits, String sourceName, java.util.function.LongConsumer beforeKeeping) {
        try {
            return new ZipContents(zip, limits, sourceName, beforeKeeping).read(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUtf8Names) {
            try {
                return new ZipContents(zip, limits, sourceName, beforeKeeping).read(LEGACY_NAMES);
            } catch (IllegalArgumentException unreadableNames) {
                return Result.refused(sourceName, "压缩包中的文件名无法识别（文字编码不是常用的两种之一）；请在电脑上用系统自带的压缩功能重新压缩后上传");
            }
        }
    }

    /** Where the central directory is, as the end record states, once the archive is known to be one zip. */
    private record Directory(long offset, long size, long entries) {}

    /**
     * Reads every entry; throws IllegalArgumentException when a name without the UTF-8 flag is not
     * in {@code names} (or one with the flag is not UTF-8).
     */
    private Result read(Charset names) {
        String current = sourceName;
        try {
            Directory directory = directory();
            if (directory.entries() > limits.maxZipEntries()) {
                throw new Refusal(sourceName, "压缩包中的条目超过上限 " + limits.maxZipEntries() + " 个");
            }
            try (ZipFile archive = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
                List<ZipArchiveEntry> entries = Collections.list(archive.getEntriesInPhysicalOrder());
                entries.sort(Comparator.comparingLong(ZipArchiveEntry::getLocalHeaderOffset));
                if (entries.size() != directory.entries()) {
                    throw new Refusal(sourceName, DAMAGED);
                }
                long expected = 0; // where the next local header must start: no byte unaccounted for
                List<String> decoded = new ArrayList<>();
                for (ZipArchiveEntry entry : entries) {
                    String name = name(entry, names);
                    decoded.add(name);
                    current = name;
                    if (entry.getLocalHeaderOffset() != expected) {
                        throw new Refusal(expected == 0 ? sourceName : name, NOT_ONE_ZIP);
                    }
                    expected = checkLayout(entry, name);
                }
                if (expected != directory.offset()) {
                    throw new Refusal(sourceName, NOT_ONE_ZIP);
                }
                for (int i = 0; i < entries.size(); i++) {
                    current = decoded.get(i);
                    readEntry(archive, entries.get(i), decoded.get(i));
                }
            }
        } catch (Refusal refusal) {
            return refusal.result();
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException names2) {
                throw names2;
            }
            return Result.refused(current, DAMAGED);
        }
        if (evidence == null) {
            return Result.refused(EVIDENCE_JSON, nestedEvidence == null
                    ? "压缩包根目录下没有 evidence.json"
                    : "压缩包根目录下没有 evidence.json（找到的是 " + nestedEvidence + "，请直接压缩文件夹里的内容）");
        }
        return new Result(evidence, files, List.of());
    }

    /**
     * The central directory as the end record states it, refusing anything after the end record
     * (its comment included) and any gap between the directory and the end record.
     */
    private Directory directory() throws Refusal {
        int end = -1;
        for (int at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xFFFF); at--) {
            if (le.getInt(at) == END_OF_DIRECTORY) {
                end = at;
                break;
            }
        }
        if (end < 0) {
            throw new Refusal(sourceName, DAMAGED);
        }
        if (end + 22 + u16(end + 20) != zip.length) {
            throw new Refusal(sourceName, NOT_ONE_ZIP);
        }
        long entries = u16(end + 10);
        long size = u32(end + 12);
        long offset = u32(end + 16);
        long directoryEnd = end;
        if ((entries == 0xFFFF || size == UNSET32 || offset == UNSET32) && end >= 20 && le.getInt(end - 20) == ZIP64_LOCATOR) {
            long record = le.getLong(end - 20 + 8);
            if (record < 0 || record > end - 20 - 56 || le.getInt((int) record) != ZIP64_END
                    || record + 12 + le.getLong((int) record + 4) != end - 20) {
                throw new Refusal(sourceName, NOT_ONE_ZIP);
            }
            entries = le.getLong((int) record + 32);
            size = le.getLong((int) record + 40);
            offset = le.getLong((int) record + 48);
            directoryEnd = record;
        }
        if (offset < 0 || size < 0 || offset + size != directoryEnd) {
            throw new Refusal(sourceName, NOT_ONE_ZIP);
        }
        return new Directory(offset, size, entries);
    }

    /**
     * Checks the entry's local header against the central directory, and returns where its data
     * (and data descriptor) end: where the next local header, or the directory, must begin.
     */
    private long checkLayout(ZipArchiveEntry entry, String name) throws Refusal {
        long at = entry.getLocalHeaderOffset();
        if (at + 30 > zip.length || le.getInt((int) at) != LOCAL_HEADER) {
            throw new Refusal(name, DAMAGED);
        }
        int header = (int) at;
        int flags = u16(header + 6);
        int nameLength = u16(header + 26);
        int extraLength = u16(header + 28);
        long dataStart = at + 30 + nameLength + extraLength;
        if (dataStart > zip.length
                || !java.util.Arrays.equals(zip, header + 30, header + 30 + nameLength, entry.getRawName(), 0, entry.getRawName().length)
                || u16(header + 8) != entry.getMethod()
                || (flags & MEANING) != (centralFlags(entry) & MEANING)) {
            throw new Refusal(name, HEADERS_DISAGREE);
        }
        boolean descriptor = (flags & 0x0008) != 0;
        if (!descriptor) {
            long crc = u32(header + 14);
            long compressed = u32(header + 18);
            long size = u32(header + 22);
            if (crc != entry.getCrc() || (compressed != UNSET32 && compressed != entry.getCompressedSize())
                    || (size != UNSET32 && size != entry.getSize())) {
                throw new Refusal(name, HEADERS_DISAGREE);
            }
        }
        long dataEnd = dataStart + entry.getCompressedSize();
        if (dataEnd > zip.length) {
            throw new Refusal(name, DAMAGED);
        }
        return descriptor ? dataEnd + descriptorLength(entry, name, dataEnd) : dataEnd;
    }

    /** The central directory's general purpose flags of {@code entry}, as two bytes. */
    private static int centralFlags(ZipArchiveEntry entry) {
        byte[] b = entry.getGeneralPurposeBit().encode();
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    }

    /** The length of the data descriptor at {@code at}: with or without its signature, 32- or 64-bit sizes. */
    private long descriptorLength(ZipArchiveEntry entry, String name, long at) throws Refusal {
        int p = (int) at;
        int signed = p + 4 <= zip.length && le.getInt(p) == DATA_DESCRIPTOR ? 4 : 0;
        for (int width : new int[] {4, 8}) {
            int length = signed + 4 + 2 * width;
            if (p + length > zip.length || u32(p + signed) != entry.getCrc()) {
                continue;
            }
            long compressed = width == 4 ? u32(p + signed + 4) : le.getLong(p + signed + 4);
            long size = width == 4 ? u32(p + signed + 8) : le.getLong(p + signed + 12);
            if (compressed == entry.getCompressedSize() && size == entry.getSize()) {
                return length;
            }
        }
        throw new Refusal(name, DAMAGED);
    }

    private int u16(int at) {
        return le.getShort(at) & 0xFFFF;
    }

    private long u32(int at) {
        return le.getInt(at) & UNSET32;
    }

    /** The entry's name: UTF-8 when its flag says so, else in {@code names}; never with a replaced character. */
    private static String name(ZipArchiveEntry entry, Charset names) {
        Charset charset = entry.getGeneralPurposeBit().usesUTF8ForNames() ? StandardCharsets.UTF_8 : names;
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(entry.getRawName()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("zip entry name not in " + charset, e);
        }
    }

    /** Reads one entry, refusing the archive at its first fault. */
    private void readEntry(ZipFile archive, ZipArchiveEntry entry, String name) throws IOException, Refusal {
        String unsafe = RelativePaths.entryNameProblem(name);
        if (unsafe != null) {
            throw new Refusal(name, unsafe + "，整个材料包被拒绝");
        }
        String normal = RelativePaths.normalize(name);
        if (!seen.add(normal + (entry.isDirectory() ? "/" : ""))) {
            throw new Refusal(name, "压缩包中有重名的条目");
        }
        if (entry.getGeneralPurposeBit().usesEncryption()) {
            throw new Refusal(name, "压缩包中的文件已加密，无法读取；请不加密码重新打包后上传");
        }
        if (entry.getMethod() != ZipEntry.STORED && entry.getMethod() != ZipEntry.DEFLATED) {
            throw new Refusal(name, "压缩包使用了不支持的压缩方式（只支持“存储”和“Deflate”），请用常见的压缩工具重新打包后上传");
        }
        boolean isEvidence = !entry.isDirectory() && normal.equals(EVIDENCE_JSON);
        if (isEvidence) {
            long most = Math.min(limits.maxUnpackedBytes(), Math.min(limits.maxPackageBytes(),
                    (long) zip.length * limits.maxCompressionRatio()));
            beforeKeeping.accept(Math.min(Math.max(0, entry.getSize()), most));
        }
        ByteArrayOutputStream kept = isEvidence ? new ByteArrayOutputStream() : null;
        try (InputStream in = archive.getInputStream(entry)) {
            decompress(in, entry, name, kept);
        }
        if (isEvidence) {
            evidence = kept.toByteArray();
        } else if (!entry.isDirectory()) {
            files.add(normal);
            if (nestedEvidence == null && normal.endsWith("/" + EVIDENCE_JSON)) {
                nestedEvidence = name;
            }
        }
    }

    /**
     * Decompresses one entry, counting as it goes and stopping at the first limit; keeps it when
     * asked. Refuses it as damaged unless it decompresses to the CRC-32 and size the directory states.
     */
    private void decompress(InputStream in, ZipArchiveEntry entry, String name, ByteArrayOutputStream kept)
            throws IOException, Refusal {
        long compressed = Math.max(1, entry.getCompressedSize());
        long size = 0;
        byte[] buffer = new byte[8192];
        CRC32 crc = new CRC32();
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            crc.update(buffer, 0, n);
            size += n;
            unpacked += n;
            if (unpacked > limits.maxUnpackedBytes()) {
                throw new Refusal(name, "解压后的总大小超过上限 " + InputTexts.bytes(limits.maxUnpackedBytes()));
            }
            if (size > RATIO_CHECK_AFTER_BYTES && size / compressed > limits.maxCompressionRatio()) {
                throw new Refusal(name, "压缩比超过上限 " + limits.maxCompressionRatio() + " 倍，疑似压缩炸弹");
            }
            if (size > entry.getSize()) {
                throw new Refusal(name, DAMAGED);
            }
            if (kept != null) {
                if (size > limits.maxPackageBytes()) {
                    throw new Refusal(name, "evidence.json 解压后超过上限 " + InputTexts.bytes(limits.maxPackageBytes()));
                }
                kept.write(buffer, 0, n);
            }
        }
        if (crc.getValue() != entry.getCrc() || size != entry.getSize()) {
            throw new Refusal(name, DAMAGED);
        }
    }
}
