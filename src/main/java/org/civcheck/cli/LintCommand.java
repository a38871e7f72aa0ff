package org.civcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.civcheck.engine.CriteriaLinter;
import org.civcheck.engine.LintFinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code civcheck criteria lint [DIR]}: every fault of a criteria set and its rules, with file and line. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "检查测评体系和规则，一次列出全部问题（文件:行号、问题、怎么改）。%n"
                + "退出码：0 没有问题；1 只有警告；2 有错误（不能用于评分）。")
final class LintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial）")
    Path criteriaDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "规则目录（默认 rules）")
    Path rulesDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path criteria = Locations.criteria(criteriaDir);
        Path rules = Locations.rules(rulesDir);
        List<LintFinding> findings = new CriteriaLinter().lint(criteria, rules);
        long errors = findings.stream().filter(f -> f.severity() == LintFinding.Severity.ERROR).count();
        long warnings = findings.size() - errors;
        out.println("测评体系：" + criteria + "    规则：" + rules);
        findings.forEach(f -> out.println("  " + f));
        if (findings.isEmpty()) {
            out.println("没有发现问题。");
        } else {
            out.println("共 " + errors + " 个错误、" + warnings + " 个警告。");
        }
        out.flush();
        return errors > 0 ? ExitCodes.NOT_CHECKED : warnings > 0 ? ExitCodes.CHECKED_NOT_READY : ExitCodes.READY;
    }
}
