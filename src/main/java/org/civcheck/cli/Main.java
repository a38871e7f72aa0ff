package org.civcheck.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code java -jar civcheck.jar}. */
@Command(name = "civcheck", mixinStandardHelpOptions = true, version = "civcheck 0.1", synopsisSubcommandLabel = "命令",
        description = "文明单位复审自查：按测评体系检查证据包，给出得分、结论和差距清单。",
        subcommands = {CheckCommand.class, TemplateCommand.class, ExportCommand.class, PackCommand.class, ServeCommand.class, RescoreCommand.class, CriteriaCommand.class, BenchCommand.class, TokenCommand.class, UnitsCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs the command line, printing to {@code out} and {@code err}, and returns its exit code
     * (0 ready, 1 checked but not ready, 2 not checked).
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setResourceBundle(new UsageWords());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.NOT_CHECKED);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("用法错误：" + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.NOT_CHECKED;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("内部错误：" + e);
            return ExitCodes.NOT_CHECKED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        // The parameter handler prints the usage once, after this message.
        throw new CommandLine.ParameterException(spec.commandLine(), "缺少命令，例如：civcheck check examples/seed-district-office.json");
    }
}
