package org.civcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code civcheck criteria …}: the rule author's commands. */
@Command(name = "criteria", mixinStandardHelpOptions = true,
        description = "测评体系维护：检查（lint）测评体系与规则，运行测试用例（test）。",
        subcommands = {LintCommand.class, TestCommand.class, DiffCommand.class})
final class CriteriaCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令，例如：civcheck criteria lint criteria/provincial");
    }
}
