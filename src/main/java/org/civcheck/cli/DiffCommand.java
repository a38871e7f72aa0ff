package org.civcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.civcheck.authoring.CriteriaImpact;
import org.civcheck.authoring.ImpactReport;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.CriteriaFaultException;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.ledger.SubmissionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code civcheck criteria diff OLD NEW [PACKAGE…]}: what a criteria change does to packages' results. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "比较两个测评体系（或同一体系的两个版本）对证据包的影响：在新旧体系下分别评分，"
                + "列出得分、结论、各指标状态的变化和新出现、消失的差距。%n"
                + "退出码：0 没有变化；1 有变化；2 测评体系、规则或证据包有误。")
final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "旧测评体系目录（完整体系或叠加文件 overlay.yaml 所在目录）")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "新测评体系目录")
    Path after;

    @Parameters(index = "2..*", paramLabel = "PACKAGE",
            description = "证据包（.json、.zip 或台账工作簿 .xlsx）或存放证据包的目录；默认 examples/ 中的全部示例。"
                    + "台账中的用语按旧测评体系的下拉选项读取")
    List<Path> packages = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR", description = "新旧两边共用的规则目录（默认 rules）")
    Path rules;

    @Option(names = "--old-rules", paramLabel = "DIR", description = "旧测评体系使用的规则目录（默认同 --rules）")
    Path rulesBefore;

    @Option(names = "--new-rules", paramLabel = "DIR", description = "新测评体系使用的规则目录（默认同 --rules）")
    Path rulesAfter;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path shared = Locations.rules(rules);
        Path oldRules = rulesBefore != null ? rulesBefore : shared;
        Path newRules = rulesAfter != null ? rulesAfter : shared;

        List<Path> files = packageFiles(err);
        if (files == null) {
            return ExitCodes.NOT_CHECKED;
        }
        CriteriaImpact.Loading loading = CriteriaImpact.load(before, oldRules, after, newRules);
        if (!loading.isLoaded()) {
            problems(err, "旧测评体系 " + before + "（规则 " + oldRules + "）", loading.problemsBefore());
            problems(err, "新测评体系 " + after + "（规则 " + newRules + "）", loading.problemsAfter());
            return ExitCodes.NOT_CHECKED;
        }
        // The packages were written for the set in force: its words (a workbook's drop-downs) read them.
        SubmissionReader reader = new SubmissionReader(ReadLimits.defaults());
        PackageVocabulary words = loading.impact().before().vocabulary();
        List<PackageReading> readings = new ArrayList<>();
        boolean refused = false;
        for (Path f : files) {
            PackageReading reading = reader.read(f, words);
            if (!reading.isAccepted()) {
                refused = true;
                err.println("证据包不符合格式要求（" + reading.faults().size() + " 处）：" + f);
                for (InputProblem p : reading.faults()) {
                    err.println("  " + p.path() + "：" + p.message());
                }
            }
            readings.add(reading);
        }
        if (refused) {
            return ExitCodes.NOT_CHECKED;
        }
        List<CriteriaImpact.PackageImpact> impacts = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                PackageReading r = readings.get(i);
                impacts.add(loading.impact().compare(files.get(i).getFileName().toString(), r.evidence(), r.warnings()));
            }
        } catch (CriteriaFaultException e) {
            err.println("测评体系有误，未能评分：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        }
        out.print(ImpactReport.render(loading.impact(), before, oldRules, after, newRules, impacts));
        out.flush();
        return impacts.stream().anyMatch(CriteriaImpact.PackageImpact::moved) ? 1 : 0;
    }

    /** The packages named (a folder stands for its .json, .zip and .xlsx files), or the examples; null after an error. */
    private List<Path> packageFiles(PrintWriter err) {
        List<Path> named = packages.isEmpty() ? List.of(Locations.examples()) : packages;
        List<Path> files = new ArrayList<>();
        for (Path p : named) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(DiffCommand::isPackage).sorted().forEach(files::add);
                } catch (IOException e) {
                    err.println("无法读取目录 " + p + "：" + e.getMessage());
                    return null;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println("找不到证据包文件或目录：" + p);
                return null;
            }
        }
        if (files.isEmpty()) {
            err.println("没有可比较的证据包：" + named + " 中没有 .json、.zip 或 .xlsx 文件");
            return null;
        }
        return files;
    }

    private static boolean isPackage(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".json") || name.endsWith(".zip") || name.endsWith(".xlsx"));
    }

    private static void problems(PrintWriter err, String what, List<CriteriaProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        err.println(what + "有误，未能比较（" + problems.size() + " 处）：");
        problems.forEach(p -> err.println("  " + p));
    }
}
