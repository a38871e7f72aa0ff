package org.civcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.ledger.FolderPackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code civcheck pack FOLDER -o 证据包.zip}: a folder with the workbook and its files as an uploadable zip. */
@Command(name = "pack", mixinStandardHelpOptions = true,
        description = "把含台账工作簿和材料文件的文件夹打包成可上传的证据包（.zip）；先列出台账写到但缺少的文件、"
                + "文件夹里有但台账没写到的文件。")
final class PackCommand implements Callable<Integer> {

    private static final int SHOWN = 50;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FOLDER", description = "文件夹：最上层放台账工作簿，材料文件可在任意子文件夹")
    Path folder;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "写出的证据包，扩展名 .zip")
    Path output;

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial）")
    Path criteriaDir;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!LedgerCommands.endsWith(output, ".zip")) {
            err.println("用法错误：证据包的文件名应以 .zip 结尾：" + output);
            return ExitCodes.NOT_CHECKED;
        }
        if (!Files.isDirectory(folder)) {
            err.println("找不到文件夹：" + folder);
            return ExitCodes.NOT_CHECKED;
        }
        PackageVocabulary words = LedgerCommands.vocabulary(criteriaDir, err);
        if (words == null) {
            return ExitCodes.NOT_CHECKED;
        }
        FolderPackage pkg = FolderPackage.read(folder, ReadLimits.defaults(), words);
        if (!pkg.reading().isAccepted()) {
            err.println("台账不符合要求，未打包（" + pkg.reading().faults().size() + " 处）：");
            for (InputProblem p : pkg.reading().faults()) {
                err.println("  " + p.path() + "：" + p.message());
            }
            return ExitCodes.NOT_CHECKED;
        }
        list(err, "台账中写到、但文件夹里没有的文件", pkg.missing());
        list(err, "文件夹里有、但台账中没有写到的文件", pkg.unnamed());
        if (!LedgerCommands.write(output, pkg.zip(), err)) {
            return ExitCodes.NOT_CHECKED;
        }
        err.println("证据包已写入 " + output + "（台账 " + pkg.workbook().getFileName() + "，材料文件 " + pkg.files().size() + " 个）");
        return ExitCodes.READY;
    }

    private static void list(PrintWriter err, String title, java.util.List<String> files) {
        if (files.isEmpty()) {
            err.println(title + "：无");
            return;
        }
        err.println(title + "（" + files.size() + " 个）：");
        files.stream().limit(SHOWN).forEach(f -> err.println("  " + f));
        if (files.size() > SHOWN) {
            err.println("  ……另有 " + (files.size() - SHOWN) + " 个");
        }
    }
}
