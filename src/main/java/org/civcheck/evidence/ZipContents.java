package org.civcheck.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Reads a zip package in memory, never touching the disk: keeps {@code evidence.json} and the
 * names of the other files, and refuses the whole archive for unsafe names (zip slip), too
 * many entries, too many decompressed bytes, a compression ratio like a zip bomb's, or damage.
 * Sizes are counted while decompressing, never taken from the archive's own headers.
 *
 * <p>The archive is read front to back with commons-compress's {@link ZipArchiveInputStream}, which
 * (unlike {@code java.util.zip.ZipInputStream}) reads STORED entries followed by a data descriptor,
 * as streaming writers (Python's zipfile on a pipe, Go's archive/zip) produce them. What
 * {@code ZipInputStream} checked and that stream does not is checked here: only STORED and DEFLATED
 * entries, none encrypted, and each entry's CRC-32 and size as its header or data descriptor states.
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
    private final CountingInputStream raw;
    private final Set<String> seen = new HashSet<>();
    private final Set<String> files = new LinkedHashSet<>();
    private byte[] evidence;
    private String nestedEvidence;
    private long unpacked;
    private int entries;

    /** Told the most bytes evidence.json may unpack to, before it is unpacked (kept in memory). */
    private final java.util.function.LongConsumer beforeKeeping;
    private final byte[] zip;

    private ZipContents(byte[] zip, ReadLimits limits, String sourceName, java.util.function.LongConsumer beforeKeeping) {
        this.beforeKeeping = beforeKeeping;
        this.zip = zip;
        this.limits = limits;
        this.sourceName = sourceName;
        this.raw = new CountingInputStream(new ByteArrayInputStream(zip));
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
     * before it unpacks it: its declared size, or when the zip declares none (a data descriptor),
     * what the limits allow. Whatever {@code beforeKeeping} throws leaves this method as it is.
     */
    static Result read(byte[] zip, ReadLimits limits, String sourceName, java.util.function.LongConsumer beforeKeeping) {
        try {
            return new ZipContents(zip, limits, sourceName, beforeKeeping).read(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUtf8Names) {
            try {
                return new ZipContents(zip, limits, sourceName, beforeKeeping).read(LEGACY_NAMES);
            } catch (IllegalArgumentException unreadableNames) {
                return Result.refused(sourceName, "压缩包中的文件名编码无法识别（应为 UTF-8 或 GBK）");
            }
        }
    }

    /**
     * Reads every entry; throws IllegalArgumentException when a name without the UTF-8 flag is not
     * in {@code names} (or one with the flag is not UTF-8).
     */
    private Result read(Charset names) {
        String current = sourceName;
        // Names are decoded here, strictly, from the raw bytes: the stream's own decoding replaces
        // bytes that are not UTF-8 with '?', which would hide a GBK name instead of retrying it.
        try (ZipArchiveInputStream in = new ZipArchiveInputStream(raw, StandardCharsets.UTF_8.name(), false, true)) {
            Read previous = null;
            for (ZipArchiveEntry entry = in.getNextEntry(); ; entry = in.getNextEntry()) {
                // A deflated entry's data descriptor is only read on the way to the next entry.
                if (previous != null) {
                    previous.checkIntact();
                }
                if (entry == null) {
                    break;
                }
                String name = name(entry, names);
                current = name;
                previous = readEntry(in, entry, name);
            }
        } catch (Refusal refusal) {
            return refusal.result();
        } catch (IOException e) {
            return Result.refused(current, DAMAGED);
        }
        if (evidence == null) {
            return Result.refused(EVIDENCE_JSON, nestedEvidence == null
                    ? "压缩包根目录下没有 evidence.json"
                    : "压缩包根目录下没有 evidence.json（找到的是 " + nestedEvidence + "，请直接压缩文件夹里的内容）");
        }
        return new Result(evidence, files, List.of());
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

    /** Reads one entry, refusing the archive at its first fault; returns what to check once its data descriptor is read. */
    private Read readEntry(ZipArchiveInputStream in, ZipArchiveEntry entry, String name) throws IOException, Refusal {
        entries++;
        if (entries > limits.maxZipEntries()) {
            throw new Refusal(name, "压缩包中的条目超过上限 " + limits.maxZipEntries() + " 个");
        }
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
            long declared = entry.getSize() != ArchiveEntry.SIZE_UNKNOWN ? entry.getSize() : centralDirectorySize(entry);
            beforeKeeping.accept(declared >= 0 ? Math.min(declared, most) : most);
        }
        ByteArrayOutputStream kept = isEvidence ? new ByteArrayOutputStream() : null;
        Read read = decompress(in, entry, name, kept);
        if (isEvidence) {
            evidence = kept.toByteArray();
        } else if (!entry.isDirectory()) {
            files.add(normal);
            if (nestedEvidence == null && normal.endsWith("/" + EVIDENCE_JSON)) {
                nestedEvidence = name;
            }
        }
        return read;
    }

    /**
     * The size the central directory declares for {@code entry}, for an entry whose local header
     * leaves it to a data descriptor (zips written to a stream: Java's, macOS's); -1 when the
     * directory cannot be read or names no such entry. Only an estimate: the unpacking itself
     * holds every entry to the limits, whatever was declared.
     */
    private long centralDirectorySize(ZipArchiveEntry entry) {
        try (org.apache.commons.compress.archivers.zip.ZipFile directory = org.apache.commons.compress.archivers.zip.ZipFile
                .builder().setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(zip))
                .get()) {
            var entries = directory.getEntriesInPhysicalOrder();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry listed = entries.nextElement();
                if (java.util.Arrays.equals(listed.getRawName(), entry.getRawName())) {
                    return listed.getSize();
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Decompresses one entry, counting as it goes and stopping at the first limit; keeps it when asked. */
    private Read decompress(ZipArchiveInputStream in, ZipArchiveEntry entry, String name, ByteArrayOutputStream kept)
            throws IOException, Refusal {
        long start = raw.count();
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
            long compressed = Math.max(1, raw.count() - start);
            if (size > RATIO_CHECK_AFTER_BYTES && size / compressed > limits.maxCompressionRatio()) {
                throw new Refusal(name, "压缩比超过上限 " + limits.maxCompressionRatio() + " 倍，疑似压缩炸弹");
            }
            if (kept != null) {
                if (size > limits.maxPackageBytes()) {
                    throw new Refusal(name, "evidence.json 解压后超过上限 " + InputTexts.bytes(limits.maxPackageBytes()));
                }
                kept.write(buffer, 0, n);
            }
        }
        return new Read(entry, name, crc.getValue(), size);
    }

    /** An entry as decompressed: its CRC-32 and size, to hold against what the archive states. */
    private record Read(ZipArchiveEntry entry, String name, long crc, long size) {

        /**
         * Refuses the archive as damaged unless the entry's local header or data descriptor states
         * this CRC-32 and size (as {@code ZipInputStream} checked; commons-compress does not).
         */
        void checkIntact() throws Refusal {
            if ((entry.getCrc() != ZipArchiveEntry.CRC_UNKNOWN && entry.getCrc() != crc)
                    || (entry.getSize() != ArchiveEntry.SIZE_UNKNOWN && entry.getSize() != size)) {
                throw new Refusal(name, DAMAGED);
            }
        }
    }

    /** Counts the compressed bytes the zip reader has taken from the archive so far. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
