package org.civcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.engine.CriteriaFaultException;
import org.civcheck.engine.Verdicts;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.report.JsonReport;
import org.civcheck.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code civcheck check PACKAGE}: score one package and print the report. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "检查一个证据包（.json 或 .zip），输出得分、结论和差距清单。%n"
                + "退出码：0 可以通过（ready）；1 已检查但未达 ready（at-risk / not-ready / vetoed）；2 未能检查（证据包、测评体系或用法有误）。")
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "证据包文件：evidence JSON 或含 evidence.json 的 zip")
    Path packageFile;

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial）")
    Path criteriaDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "规则目录（默认 rules）")
    Path rulesDir;

    @Option(names = "--explain", description = "同时说明每个指标的判定依据（哪些规则、测得什么、与什么阈值比较）和每项差距补齐后的变化")
    boolean explain;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "输出格式：text（中文报告，默认）或 json（结果契约）")
    Format format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(packageFile)) {
            err.println("找不到证据包文件：" + packageFile);
            return ExitCodes.NOT_CHECKED;
        }
        AssessorLoading loading = AssessorLoading.load(Locations.criteria(criteriaDir), Locations.rules(rulesDir));
        if (!loading.isLoaded()) {
            err.println("测评体系或规则有误，未能检查（" + loading.problems().size() + " 处）：");
            for (CriteriaProblem p : loading.problems()) {
                err.println("  " + p);
            }
            return ExitCodes.NOT_CHECKED;
        }
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(packageFile);
        if (!reading.isAccepted()) {
            err.println("证据包不符合格式要求，未能检查（" + reading.faults().size() + " 处）：" + packageFile);
            for (InputProblem p : reading.faults()) {
                err.println("  " + p.path() + "：" + p.message());
            }
            return ExitCodes.NOT_CHECKED;
        }
        Assessment assessment;
        try {
            assessment = loading.assessor().assess(reading.evidence(), reading.warnings(), explain);
        } catch (CriteriaFaultException e) {
            err.println("测评体系有误，未能检查：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        }
        out.print(format == Format.json ? JsonReport.render(assessment) + "\n" : TextReport.render(assessment));
        out.flush();
        return Verdicts.READY.equals(assessment.verdict()) ? ExitCodes.READY : ExitCodes.CHECKED_NOT_READY;
    }
}
