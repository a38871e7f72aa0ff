package org.civcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civcheck.authoring.CriteriaTests;
import org.civcheck.authoring.TestReport;
import org.civcheck.authoring.TestRun;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.CriteriaFaultException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code civcheck criteria test [DIR]}: run the test cases kept beside a criteria set, with coverage. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "运行测评体系目录下 tests/*.yaml 中的测试用例：逐个给出通过（✓）或未通过（✗）及差异，"
                + "再列出覆盖情况（未检验的指标、从未触发的规则、各指标未见的结果）。%n"
                + "退出码：0 全部通过且覆盖率达到要求；1 有用例未通过，或覆盖率低于 --min-coverage；"
                + "2 测评体系、规则或用例文件有误（给出文件:行号）。")
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial），用例在其中的 tests/")
    Path criteriaDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "规则目录（默认 rules）")
    Path rulesDir;

    @Option(names = "--min-coverage", paramLabel = "N", defaultValue = "0",
            description = "至少多少百分比的指标要有用例检验其状态（0–100，默认 0）；低于它退出码为 1")
    double minCoverage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (minCoverage < 0 || minCoverage > 100) {
            err.println("用法错误：--min-coverage 应在 0 到 100 之间，实际为 " + minCoverage);
            return ExitCodes.NOT_CHECKED;
        }
        long started = System.nanoTime();
        Path criteria = Locations.criteria(criteriaDir);
        CriteriaTests.Loading loading = CriteriaTests.load(criteria, Locations.rules(rulesDir));
        if (!loading.isLoaded()) {
            err.println("测评体系、规则或测试用例有误，未能运行（" + loading.problems().size() + " 处）：");
            for (CriteriaProblem p : loading.problems()) {
                err.println("  " + p);
            }
            return ExitCodes.NOT_CHECKED;
        }
        TestRun run;
        try {
            run = loading.tests().run();
        } catch (CriteriaFaultException e) {
            err.println("测评体系有误，未能运行：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        }
        out.print(TestReport.render(run, minCoverage));
        out.printf("用时 %.1f 秒%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        // 0 all passed and coverage reached; 1 a case failed or coverage fell short.
        return run.allPassed() && run.indicatorCoverage() + 1e-9 >= minCoverage
                ? ExitCodes.READY : ExitCodes.CHECKED_NOT_READY;
    }
}
