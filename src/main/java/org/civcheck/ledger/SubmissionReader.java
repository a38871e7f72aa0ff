package org.civcheck.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.ReadBudget;
import org.civcheck.evidence.ReadLimits;

/**
 * Reads a package in whichever form it comes: JSON, a zip with {@code evidence.json}, a 台账
 * workbook (.xlsx) alone, or a zip holding one workbook and the files it names. The form is told
 * by the bytes, never by the file name. Old and encrypted Excel files get a message of their own.
 *
 * <pre>{@code
 * PackageReading reading = new SubmissionReader(ReadLimits.defaults()).read(Path.of("台账.xlsx"), assessor.vocabulary());
 * }</pre>
 */
public final class SubmissionReader {

    private final ReadLimits limits;
    private final EvidencePackageReader packages;
    private final LedgerReader workbooks;

    public SubmissionReader(ReadLimits limits) {
        this(new EvidencePackageReader(limits), limits);
    }

    /** A reader that reads JSON with {@code packages}, which holds packages to {@code limits}. */
    public SubmissionReader(EvidencePackageReader packages, ReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.packages = Objects.requireNonNull(packages, "packages");
        this.workbooks = new LedgerReader(limits);
    }

    /** Reads a package file of any form. */
    public PackageReading read(Path file, PackageVocabulary vocabulary) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxPackageBytes()) {
                return packages.read(file, vocabulary); // says it is too large, in the package reader's words
            }
            return read(Files.readAllBytes(file), name, ReadBudget.NONE, vocabulary);
        } catch (NoSuchFileException e) {
            return refused(name, "文件不存在");
        } catch (IOException e) {
            return refused(name, "无法读取文件（" + e.getMessage() + "）");
        }
    }

    /** Reads a package of any form held in memory, telling {@code budget} the memory it is about to take. */
    public PackageReading read(byte[] bytes, String name, ReadBudget budget, PackageVocabulary vocabulary) {
        if (bytes.length > limits.maxPackageBytes()) {
            return packages.read(bytes, name, budget, vocabulary);
        }
        if (isOle2(bytes)) {
            return refused(name, encrypted(bytes) ? WorkbookSafety.ENCRYPTED : WorkbookSafety.OLD_XLS);
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        boolean namedWorkbook = lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls");
        if (!isZip(bytes)) {
            if (namedWorkbook) {
                return refused(name, WorkbookSafety.NOT_XLSX); // named a workbook, and not one: not read as JSON
            }
            return packages.read(bytes, name, budget, vocabulary);
        }
        WorkbookZip.Contents zip = WorkbookZip.read(bytes, name, limits);
        return switch (zip.kind()) {
            case WORKBOOK -> workbooks.read(bytes, name, null, budget, vocabulary);
            case WORKBOOK_PACKAGE -> zip.faults().isEmpty()
                    ? workbooks.read(zip.workbook(), zip.workbookName(), zip.files(), budget, vocabulary)
                    : PackageReading.refused(zip.faults());
            case NEITHER -> zip.faults().isEmpty() ? packages.read(bytes, name, budget, vocabulary)
                    : PackageReading.refused(zip.faults());
            case UNREADABLE -> namedWorkbook ? refused(name, WorkbookSafety.NOT_XLSX) : packages.read(bytes, name, budget, vocabulary);
            case JSON_PACKAGE -> packages.read(bytes, name, budget, vocabulary);
        };
    }

    /** True when the bytes are a 台账 workbook itself (not a zip holding one). */
    public static boolean isWorkbook(byte[] bytes) {
        return isZip(bytes) && WorkbookZip.read(bytes, "", ReadLimits.defaults()).kind() == WorkbookZip.Kind.WORKBOOK;
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    private static boolean isOle2(byte[] bytes) {
        try {
            return FileMagic.valueOf(bytes) == FileMagic.OLE2;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** An OLE2 file holding an encrypted OOXML workbook (what Excel writes when a password is set). */
    private static boolean encrypted(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static PackageReading refused(String where, String message) {
        return PackageReading.refused(List.of(new InputProblem(where, message)));
    }
}
