package org.civcheck.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Zips as streaming writers produce them (Python's zipfile writing to a pipe, Go's archive/zip with
 * {@code Method: zip.Store}): every entry STORED, its local header flagged (bit 3) with CRC-32 and
 * sizes left zero, and the real values in a data descriptor after the data. The central directory
 * at the end has them all, so the archive is valid; only a reader that goes front to back must find
 * where a STORED entry ends without knowing its size, which {@code java.util.zip.ZipInputStream}
 * refuses to do.
 *
 * <p>Written byte by byte here because no JDK or commons-compress writer produces such entries
 * (both write a STORED entry's sizes in its local header).
 */
public final class StreamedZips {

    private static final int GP_DATA_DESCRIPTOR = 0x0008;
    private static final int GP_UTF8_NAMES = 0x0800;
    private static final int VERSION = 20;
    /** 2025-01-01 00:00 in MS-DOS form. */
    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;

    private StreamedZips() {}

    /** The entries, in the map's order, each STORED with a data descriptor; names in UTF-8 (flagged). */
    public static byte[] storedWithDataDescriptors(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int flags = GP_DATA_DESCRIPTOR | GP_UTF8_NAMES;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] data = e.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            int offset = out.size();
            // local file header: CRC-32 and sizes unknown (zero) here, given in the data descriptor
            int32(out, 0x04034b50);
            int16(out, VERSION);
            int16(out, flags);
            int16(out, ZipEntry.STORED);
            int16(out, DOS_TIME);
            int16(out, DOS_DATE);
            int32(out, 0);
            int32(out, 0);
            int32(out, 0);
            int16(out, name.length);
            int16(out, 0);
            out.writeBytes(name);
            out.writeBytes(data);
            // data descriptor, with its optional signature as Python and Go write it
            int32(out, 0x08074b50);
            int32(out, (int) crc.getValue());
            int32(out, data.length);
            int32(out, data.length);
            // central directory header: the same, with the real values
            int32(central, 0x02014b50);
            int16(central, VERSION);
            int16(central, VERSION);
            int16(central, flags);
            int16(central, ZipEntry.STORED);
            int16(central, DOS_TIME);
            int16(central, DOS_DATE);
            int32(central, (int) crc.getValue());
            int32(central, data.length);
            int32(central, data.length);
            int16(central, name.length);
            int16(central, 0); // extra field
            int16(central, 0); // comment
            int16(central, 0); // disk number
            int16(central, 0); // internal attributes
            int32(central, 0); // external attributes
            int32(central, offset);
            central.writeBytes(name);
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        // end of central directory
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries.size());
        int16(out, entries.size());
        int32(out, central.size());
        int32(out, centralOffset);
        int16(out, 0);
        return out.toByteArray();
    }

    /** Every file of {@code zip} (read with {@code ZipInputStream}), in order, rewritten as {@link #storedWithDataDescriptors}. */
    public static byte[] repack(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return storedWithDataDescriptors(entries);
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        int16(out, v & 0xFFFF);
        int16(out, (v >>> 16) & 0xFFFF);
    }
}
