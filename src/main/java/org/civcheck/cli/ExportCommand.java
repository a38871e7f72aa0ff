package org.civcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.ledger.LedgerWriter;
import org.civcheck.ledger.SubmissionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code civcheck export PACKAGE -o 台账.xlsx}: any package as a 台账 workbook. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "把证据包（.json、.zip 或工作簿）转换成创建台账工作簿（.xlsx）。")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "证据包文件")
    Path packageFile;

    @Mixin
    WorkbookTarget target;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!target.outputIsWorkbook(err)) {
            return ExitCodes.NOT_CHECKED;
        }
        if (!Files.isRegularFile(packageFile)) {
            err.println("找不到证据包文件：" + packageFile);
            return ExitCodes.NOT_CHECKED;
        }
        PackageVocabulary words = target.vocabulary(err);
        if (words == null) {
            return ExitCodes.NOT_CHECKED;
        }
        PackageReading reading = new SubmissionReader(ReadLimits.defaults()).read(packageFile, words);
        if (!reading.isAccepted()) {
            err.println("证据包不符合格式要求，未能转换（" + reading.faults().size() + " 处）：" + packageFile);
            for (InputProblem p : reading.faults()) {
                err.println("  " + p.path() + "：" + p.message());
            }
            return ExitCodes.NOT_CHECKED;
        }
        if (!LedgerCommands.write(target.output, LedgerWriter.export(reading.evidence(), words), err)) {
            return ExitCodes.NOT_CHECKED;
        }
        err.println("台账已写入 " + target.output + "（活动 " + reading.evidence().activities().size() + " 条）");
        return ExitCodes.READY;
    }
}
