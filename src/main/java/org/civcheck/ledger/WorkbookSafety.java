package org.civcheck.ledger;

import java.io.IOException;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.civcheck.evidence.ReadLimits;

/**
 * What keeps a hostile workbook from taking the service down, and what a broken one is told.
 * POI's {@link ZipSecureFile} refuses a part that inflates more than the read limits' ratio (a
 * zip bomb) or past their unpacked size; the sheets are streamed, never held as objects, and a
 * sheet past the activity limit stops the reading.
 */
final class WorkbookSafety {

    private WorkbookSafety() {}

    /** Holds POI's unzipping (process-wide) to {@code limits}. */
    static synchronized void apply(ReadLimits limits) {
        ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
        ZipSecureFile.setMaxEntrySize(Math.min(ZipSecureFile.getMaxEntrySize(), limits.maxUnpackedBytes()));
        ZipSecureFile.setMaxTextSize(Math.min(ZipSecureFile.getMaxTextSize(), limits.maxUnpackedBytes()));
    }

    /**
     * The bytes the workbook's parts declare they unpack to, at most the limits' unpacked size:
     * what reading it may hold in memory. The declared sizes are not trusted for safety (the
     * reading counts what it inflates); they only size the memory asked for beforehand.
     */
    static long unpackedSize(byte[] xlsx, ReadLimits limits) {
        long total = xlsx.length;
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get()) {
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                long size = e.nextElement().getSize();
                total += Math.max(0, size);
            }
        } catch (IOException | RuntimeException e) {
            // Not readable as a zip: the reading says so; nothing is held meanwhile.
        }
        return Math.min(total, limits.maxUnpackedBytes());
    }

    /** What a workbook that cannot be opened is told. */
    static String why(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage());
            if (t instanceof EncryptedDocumentException || text.contains("encrypted") || text.contains("Encrypted")) {
                return ENCRYPTED;
            }
            if (text.contains("Zip bomb") || text.contains("zip bomb") || text.contains("exceeds the max")) {
                return "工作簿解压后过大或压缩比异常，疑似压缩炸弹，已拒收";
            }
            if (t instanceof NotOfficeXmlFileException) {
                return NOT_XLSX;
            }
        }
        return NOT_XLSX;
    }

    static final String ENCRYPTED = "工作簿设置了打开密码（已加密），无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再上传";
    static final String NOT_XLSX = "不是有效的 Excel 工作簿（.xlsx），或文件已损坏；请在 Excel 或 WPS 中打开后另存为 .xlsx 再上传";
    static final String OLD_XLS = "这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 再上传";
}
