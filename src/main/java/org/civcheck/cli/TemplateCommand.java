package org.civcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.ledger.LedgerWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code civcheck template -o 台账.xlsx}: the blank 台账 workbook of a criteria set. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "生成空白的创建台账工作簿（.xlsx）：填写说明、单位、科室、计划制度、活动台账、负面事件、满意度测评、荣誉，"
                + "下拉列表取自测评体系。")
final class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "写出的工作簿，扩展名 .xlsx")
    Path output;

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial）")
    Path criteriaDir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!LedgerCommands.endsWith(output, ".xlsx")) {
            err.println("用法错误：工作簿的文件名应以 .xlsx 结尾：" + output);
            return ExitCodes.NOT_CHECKED;
        }
        PackageVocabulary words = LedgerCommands.vocabulary(criteriaDir, err);
        if (words == null || !LedgerCommands.write(output, LedgerWriter.template(words), err)) {
            return ExitCodes.NOT_CHECKED;
        }
        err.println("空白台账已写入 " + output);
        return ExitCodes.READY;
    }
}
