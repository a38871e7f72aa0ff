package org.civcheck.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.Attachment;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.ReadBudget;
import org.civcheck.evidence.ReadLimits;

/**
 * A folder holding one 台账 workbook and the files it names (in any sub-folders), read as the
 * package it would zip to: the reading, the files the workbook names that the folder lacks, and
 * the files no row names. {@link #zip} writes the uploadable zip: the workbook at its root, the
 * files at their paths.
 */
public record FolderPackage(Path folder, Path workbook, List<String> files, PackageReading reading,
        List<String> missing, List<String> unnamed) {

    /** Reads {@code folder}; a reading with faults when it holds no workbook, or more than one. */
    public static FolderPackage read(Path folder, ReadLimits limits, PackageVocabulary vocabulary) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(folder)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> workbooks = all.stream().filter(FolderPackage::isWorkbook).toList();
        List<Path> rootBooks = workbooks.stream().filter(p -> folder.equals(p.getParent())).toList();
        if (rootBooks.size() != 1) {
            String message = rootBooks.isEmpty() ? "文件夹里没有台账工作簿（.xlsx）；请把填好的台账放在文件夹的最上层"
                    : "文件夹最上层有 " + rootBooks.size() + " 个工作簿，应只有一个台账工作簿";
            return new FolderPackage(folder, null, List.of(),
                    PackageReading.refused(List.of(new InputProblem(folder.toString(), message))), List.of(), List.of());
        }
        Path book = rootBooks.get(0);
        List<String> files = new ArrayList<>();
        for (Path p : all) {
            if (!p.equals(book) && !p.getFileName().toString().startsWith("~$") && !p.getFileName().toString().equals(".DS_Store")) {
                files.add(relative(folder, p));
            }
        }
        PackageReading reading = new LedgerReader(limits).read(Files.readAllBytes(book), book.getFileName().toString(),
                new LinkedHashSet<>(files), ReadBudget.NONE, vocabulary);
        if (!reading.isAccepted()) {
            return new FolderPackage(folder, book, files, reading, List.of(), List.of());
        }
        Set<String> named = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        EvidencePackage p = reading.evidence();
        List<Attachment> attachments = new ArrayList<>();
        p.activities().stream().map(Activity::attachments).forEach(attachments::addAll);
        p.plans().stream().map(PlanDocument::attachments).forEach(attachments::addAll);
        for (Attachment a : attachments) {
            named.add(a.file());
            if (!a.present()) {
                missing.add(a.file());
            }
        }
        List<String> unnamed = files.stream().filter(f -> !named.contains(f)).toList();
        return new FolderPackage(folder, book, files, reading, List.copyOf(missing), unnamed);
    }

    /** The uploadable zip: the workbook at its root, every other file at its path (UTF-8 names). */
    public byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            add(zip, workbook.getFileName().toString(), workbook);
            for (String f : files) {
                add(zip, f, folder.resolve(f));
            }
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (OutputStream out = new NonClosing(zip)) {
            Files.copy(file, out);
        }
        zip.closeEntry();
    }

    private static boolean isWorkbook(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith("~$") && name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    private static String relative(Path folder, Path file) {
        return folder.relativize(file).toString().replace('\\', '/');
    }

    /** Lets Files.copy write into the zip without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {}
    }
}
