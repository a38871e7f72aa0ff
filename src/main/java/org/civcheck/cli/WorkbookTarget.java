package org.civcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.civcheck.evidence.PackageVocabulary;
import picocli.CommandLine.Option;

/**
 * The options of a command that writes a 台账 workbook ({@code template}, {@code export}): the
 * file to write and the criteria set whose words fill its drop-down lists.
 */
final class WorkbookTarget {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "写出的工作簿，扩展名 .xlsx")
    Path output;

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial）")
    Path criteriaDir;

    /** Whether the output is named as a workbook; says so on {@code err} when it is not. */
    boolean outputIsWorkbook(PrintWriter err) {
        if (LedgerCommands.endsWith(output, ".xlsx")) {
            return true;
        }
        err.println("用法错误：工作簿的文件名应以 .xlsx 结尾：" + output);
        return false;
    }

    /** The set's words, or null after saying on {@code err} why they could not be read. */
    PackageVocabulary vocabulary(PrintWriter err) {
        return LedgerCommands.vocabulary(criteriaDir, err);
    }
}
