package org.civcheck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.ledger.LedgerWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code civcheck template -o 台账.xlsx}: the blank 台账 workbook of a criteria set. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = "生成空白的创建台账工作簿（.xlsx）：填写说明和证据包的各张表（单位、科室、计划制度、活动台账、"
                + "负面事件、满意度测评、荣誉、上次反馈问题整改、自评项目等），下拉列表取自测评体系。")
final class TemplateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    WorkbookTarget target;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!target.outputIsWorkbook(err)) {
            return ExitCodes.NOT_CHECKED;
        }
        PackageVocabulary words = target.vocabulary(err);
        if (words == null || !LedgerCommands.write(target.output, LedgerWriter.template(words), err)) {
            return ExitCodes.NOT_CHECKED;
        }
        err.println("空白台账已写入 " + target.output);
        return ExitCodes.READY;
    }
}
