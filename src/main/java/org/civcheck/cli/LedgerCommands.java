package org.civcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.civcheck.criteria.CriteriaLoader;
import org.civcheck.criteria.CriteriaLoading;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.TaxonomyWords;
import org.civcheck.evidence.PackageVocabulary;

/** What the 台账 commands share: the words of a criteria set, and writing a file. */
final class LedgerCommands {

    private LedgerCommands() {}

    /** The words of the criteria set in {@code criteriaDir} (the default set when null); null, said on {@code err}, when it does not load. */
    static PackageVocabulary vocabulary(Path criteriaDir, PrintWriter err) {
        CriteriaLoading loading = new CriteriaLoader().load(Locations.criteria(criteriaDir));
        if (!loading.isLoaded()) {
            err.println("测评体系有误（" + loading.problems().size() + " 处）：");
            for (CriteriaProblem p : loading.problems()) {
                err.println("  " + p);
            }
            return null;
        }
        return TaxonomyWords.vocabulary(loading.criteria());
    }

    /** Writes {@code bytes} to {@code file}; false, said on {@code err}, when it cannot. */
    static boolean write(Path file, byte[] bytes, PrintWriter err) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, bytes);
            return true;
        } catch (IOException e) {
            err.println("无法写入 " + file + "：" + e.getMessage());
            return false;
        }
    }

    static boolean endsWith(Path file, String extension) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(extension);
    }
}
