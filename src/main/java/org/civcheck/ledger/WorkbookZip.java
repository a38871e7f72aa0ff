package org.civcheck.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.ReadLimits;

/**
 * What a zip holds, seen from its central directory: whether it is itself a workbook (an .xlsx is
 * a zip), a JSON package ({@code evidence.json}), or a 台账 workbook with its files. For the last,
 * only the workbook is unpacked (counted, to the limits); the other files are known by name, as
 * the package reader needs them.
 */
final class WorkbookZip {

    enum Kind { WORKBOOK, JSON_PACKAGE, WORKBOOK_PACKAGE, NEITHER, UNREADABLE }

    /**
     * @param workbook the workbook's bytes (WORKBOOK_PACKAGE only)
     * @param files    the other files, relative to the workbook's folder
     */
    record Contents(Kind kind, byte[] workbook, String workbookName, Set<String> files, List<InputProblem> faults) {}

    private WorkbookZip() {}

    static Contents read(byte[] zip, String sourceName, ReadLimits limits) {
        try (ZipFile z = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get()) {
            List<ZipArchiveEntry> entries = new ArrayList<>();
            for (Enumeration<ZipArchiveEntry> e = z.getEntries(); e.hasMoreElements(); ) {
                entries.add(e.nextElement());
                if (entries.size() > limits.maxZipEntries()) {
                    return refused(sourceName, "压缩包中的条目超过上限 " + limits.maxZipEntries() + " 个");
                }
            }
            List<String> names = entries.stream().map(e -> e.getName().replace('\\', '/')).toList();
            if (names.contains("[Content_Types].xml") && names.stream().anyMatch(n -> n.startsWith("xl/"))) {
                return new Contents(Kind.WORKBOOK, null, null, Set.of(), List.of());
            }
            if (names.contains("evidence.json")) {
                return new Contents(Kind.JSON_PACKAGE, null, null, Set.of(), List.of());
            }
            List<ZipArchiveEntry> workbooks = new ArrayList<>();
            for (ZipArchiveEntry e : entries) {
                String base = base(e.getName());
                if (!e.isDirectory() && !e.getName().startsWith("__MACOSX/") && !base.startsWith("~$")
                        && base.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                    workbooks.add(e);
                }
            }
            if (workbooks.isEmpty()) {
                return new Contents(Kind.NEITHER, null, null, Set.of(),
                        List.of(new InputProblem(sourceName, "压缩包里没有台账工作簿（.xlsx）；"
                                + "请把填好的台账工作簿和材料文件放在一起压缩后上传")));
            }
            if (workbooks.size() > 1) {
                return refused(sourceName, "压缩包里有 " + workbooks.size() + " 个工作簿（"
                        + String.join("、", workbooks.stream().map(ZipArchiveEntry::getName).limit(5).toList())
                        + "），应只有一个台账工作簿");
            }
            ZipArchiveEntry book = workbooks.get(0);
            String folder = book.getName().contains("/") ? book.getName().substring(0, book.getName().lastIndexOf('/') + 1) : "";
            Set<String> files = new LinkedHashSet<>();
            for (ZipArchiveEntry e : entries) {
                String name = e.getName().replace('\\', '/');
                String unsafe = unsafe(name);
                if (unsafe != null) {
                    return refused(e.getName(), unsafe + "，整个材料包被拒绝");
                }
                if (!e.isDirectory() && e != book && name.startsWith(folder) && !name.startsWith("__MACOSX/")) {
                    files.add(normalize(name.substring(folder.length())));
                }
            }
            if (!z.canReadEntryData(book)) {
                return refused(book.getName(), "工作簿在压缩包中已加密或使用了不支持的压缩方式；请不加密码重新打包后上传");
            }
            byte[] bytes = unpack(z, book, limits);
            if (bytes == null) {
                return refused(book.getName(), "工作簿解压后超过上限或压缩比异常（疑似压缩炸弹），已拒收");
            }
            return new Contents(Kind.WORKBOOK_PACKAGE, bytes, base(book.getName()), files, List.of());
        } catch (IOException | RuntimeException e) {
            return new Contents(Kind.UNREADABLE, null, null, Set.of(), List.of());
        }
    }

    /** The entry's bytes, counted as they inflate; null past the package size or the compression ratio. */
    private static byte[] unpack(ZipFile z, ZipArchiveEntry entry, ReadLimits limits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long most = Math.min(limits.maxPackageBytes(), Math.max(1, entry.getCompressedSize()) * limits.maxCompressionRatio());
        try (InputStream in = z.getInputStream(entry)) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                if (out.size() + n > most) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static Contents refused(String where, String message) {
        return new Contents(Kind.NEITHER, null, null, Set.of(), List.of(new InputProblem(where, message)));
    }

    private static String base(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static String unsafe(String name) {
        if (name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "不安全的文件名：绝对路径";
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return "不安全的文件名：含“..”段，可能指向压缩包以外";
            }
        }
        return null;
    }

    private static String normalize(String path) {
        StringBuilder normal = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                normal.append(normal.length() > 0 ? "/" : "").append(segment);
            }
        }
        return normal.toString();
    }
}
