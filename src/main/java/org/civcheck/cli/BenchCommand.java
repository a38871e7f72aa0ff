package org.civcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.civcheck.bench.BenchConfig;
import org.civcheck.bench.BenchReport;
import org.civcheck.bench.BenchResult;
import org.civcheck.bench.Benchmark;
import org.civcheck.bench.ProcessBench;
import org.civcheck.criteria.CriteriaProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code civcheck bench}: the performance figures of the issue, measured on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "在本机测量性能：规则库构建（冷/热）、不同活动数的证据包读取与评分（对比 Jackson 解析）、"
                + "POST /api/assessments 在 1、4、16 个并发客户端下的吞吐和 p50/p99 延迟、峰值堆。"
                + "HTTP 测试只在 127.0.0.1 上进行，请求数有限，自动结束。")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", description = "证据包活动数，逗号分隔（默认 100,1000,10000,100000；--quick 时 100,1000）")
    List<Integer> sizes;

    @Option(names = "--quick", description = "冒烟测试：小规模、少量运行和请求，几秒钟内完成")
    boolean quick;

    @Option(names = "--markdown", paramLabel = "FILE", description = "把结果表格（Markdown）写入文件，如 BENCHMARKS.md")
    Path markdown;

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial）")
    Path criteriaDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "规则目录（默认 rules）")
    Path rulesDir;

    @Option(names = "--processes", description = "只测整个进程：check（10 项和 2000 项活动）、criteria test、serve 至首个 200，"
            + "与 --version 对比，分内置规则和改过的规则（缓存为空、缓存已有）；需从 civcheck.jar 运行")
    boolean processes;

    @Option(names = "--jar", paramLabel = "FILE", description = "与 --processes 一起用：被测的 civcheck.jar（默认正在运行的这个），用于对比两个版本")
    Path jarFile;

    @Option(names = "--jvm-option", paramLabel = "OPTION", description = "与 --processes 一起用：被测进程的 JVM 参数，可重复，如 --jvm-option=-XX:TieredStopAtLevel=1")
    List<String> jvmOptions;

    @Option(names = "--ledger", paramLabel = "ROWS",
            description = "只测台账工作簿：读取 ROWS 行活动的工作簿，与同一证据包的 JSON 读取对比（时间和内存分配）")
    Integer ledgerRows;

    @Option(names = "--rescore", paramLabel = "UNITS",
            description = "只测全部单位重新评分：保存 UNITS 个单位的证据包，再经后台任务队列全部重新评分，报告每个实例每秒评分的单位数")
    Integer rescoreUnits;

    @Option(names = "--instances", paramLabel = "N", defaultValue = "1",
            description = "与 --rescore 一起用：同时处理队列的实例数（在本进程中，共用本机的处理器；默认 1）")
    int instances;


    @Option(names = "--overview", paramLabel = "UNITS",
            description = "只测单位总览：写入 UNITS 个单位、每个单位 --checks 次自查，测量总览各查询、导出和保存一次自查的时间")
    Integer overviewUnits;

    @Option(names = "--checks", paramLabel = "N", defaultValue = "10", description = "与 --overview 一起用：每个单位的自查次数（默认 10）")
    int overviewChecks;

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "与 --rescore 或 --overview 一起用：测量所用的数据库（默认临时目录中新建的内嵌 H2；"
                    + "--rescore 时 PostgreSQL 请用空库或单独的 schema，--overview 时在其中建一个临时 schema、测完删除）")
    String db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (processes) {
            return processes(out, err);
        }
        if (rescoreUnits != null) {
            if (rescoreUnits < 1 || instances < 1) {
                err.println("用法错误：--rescore 和 --instances 须为正整数，如 --rescore 200 --instances 2");
                return ExitCodes.NOT_CHECKED;
            }
            try {
                out.print(org.civcheck.bench.RescoreBench.run(rescoreUnits, instances, db,
                        Locations.criteriaRoot(criteriaDir), Locations.rules(rulesDir), Locations.examples(),
                        line -> err.println(line)).text());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCodes.NOT_CHECKED;
            }
            out.flush();
            return ExitCodes.READY;
        }
        if (overviewUnits != null) {
            if (overviewUnits < 1 || overviewChecks < 1) {
                err.println("用法错误：--overview 和 --checks 须为正整数，如 --overview 5000 --checks 10");
                return ExitCodes.NOT_CHECKED;
            }
            try {
                out.print(org.civcheck.bench.OverviewBench.run(overviewUnits, overviewChecks, db, line -> {
                    err.println(line);
                    err.flush();
                }).text());
            } catch (IllegalStateException e) {
                err.println(e.getMessage());
                return ExitCodes.NOT_CHECKED;
            }
            out.flush();
            return ExitCodes.READY;
        }
        if (ledgerRows != null) {
            if (ledgerRows < 1) {
                err.println("用法错误：--ledger 须为正整数，如 --ledger 10000");
                return ExitCodes.NOT_CHECKED;
            }
            var words = LedgerCommands.vocabulary(criteriaDir, err);
            if (words == null) {
                return ExitCodes.NOT_CHECKED;
            }
            out.print(org.civcheck.bench.LedgerBench.run(ledgerRows, words, line -> err.println(line)).text());
            out.flush();
            return ExitCodes.READY;
        }
        List<Integer> chosen = sizes != null ? sizes : quick ? BenchConfig.QUICK_SIZES : BenchConfig.DEFAULT_SIZES;
        if (chosen.isEmpty() || chosen.stream().anyMatch(n -> n == null || n < 1)) {
            err.println("用法错误：--sizes 须为正整数，如 --sizes 100,1000,10000");
            return ExitCodes.NOT_CHECKED;
        }
        Path criteria = Locations.criteria(criteriaDir);
        Path rules = Locations.rules(rulesDir);
        BenchConfig config = quick ? BenchConfig.quick(criteria, rules, Locations.examples(), chosen)
                : BenchConfig.full(criteria, rules, Locations.examples(), chosen);
        BenchResult result;
        try {
            result = new Benchmark(config).run(line -> {
                err.println(line);
                err.flush();
            });
        } catch (Benchmark.SetupException e) {
            err.println("测评体系或规则有误，无法测量（" + e.problems().size() + " 处）：");
            for (CriteriaProblem p : e.problems()) {
                err.println("  " + p);
            }
            return ExitCodes.NOT_CHECKED;
        }
        out.print(BenchReport.text(result));
        out.flush();
        if (markdown != null) {
            StringBuilder command = new StringBuilder("java");
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-XX:")).forEach(a -> command.append(' ').append(a));
            command.append(" -jar target/civcheck.jar ").append(String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            try {
                Files.writeString(markdown, BenchReport.markdown(result, command.toString()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("无法写入 " + markdown + "：" + e.getMessage());
                return ExitCodes.NOT_CHECKED;
            }
            out.println("结果已写入 " + markdown);
        }
        return 0;
    }

    private Integer processes(PrintWriter out, PrintWriter err) {
        java.util.Optional<Path> jar = jarFile != null ? java.util.Optional.of(jarFile.toAbsolutePath()) : Locations.jar();
        if (jar.isEmpty()) {
            err.println("整个进程的测量须从 civcheck.jar 运行：java -jar target/civcheck.jar bench --processes");
            return ExitCodes.NOT_CHECKED;
        }
        try {
            Path work = Files.createTempDirectory("civcheck-bench");
            ProcessBench.Config config = new ProcessBench.Config(jar.get(), Locations.criteria(criteriaDir).toAbsolutePath(),
                    Locations.criteriaRoot(null).toAbsolutePath(), Locations.rules(rulesDir).toAbsolutePath(), work,
                    quick ? 1 : 5, quick ? 1 : 2, jvmOptions == null ? List.of() : List.copyOf(jvmOptions));
            ProcessBench.Result result = new ProcessBench(config).run(line -> {
                err.println(line);
                err.flush();
            });
            out.print(ProcessBench.text(result, false));
            out.flush();
            if (markdown != null) {
                Files.writeString(markdown, ProcessBench.text(result, true), StandardCharsets.UTF_8);
                out.println("结果已写入 " + markdown);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("测量中断：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.NOT_CHECKED;
        }
    }
}
