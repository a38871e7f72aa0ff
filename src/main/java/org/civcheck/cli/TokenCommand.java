package org.civcheck.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.civcheck.web.access.AccessConfig;
import org.civcheck.web.access.AccessEntry;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code civcheck token add|list|remove}: the access tokens of the web service. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "管理网页服务的访问令牌（保存在访问配置文件中，只存 SHA-256 哈希）。",
        subcommands = {TokenCommand.Add.class, TokenCommand.ListTokens.class, TokenCommand.Remove.class})
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "缺少子命令：add、list 或 remove，例如：civcheck token add --unit u001");
    }

    static Path file(Path given) {
        return given != null ? given : AccessConfig.DEFAULT_FILE;
    }

    /**
     * Runs a load-change-save of {@code file} under its lock ({@link AccessConfig#locked}), so that
     * concurrent adds and removes never lose one another's change; the exit code of {@code change}.
     */
    static int changing(Path file, PrintWriter err, Supplier<Integer> change) {
        try {
            return AccessConfig.locked(file, change);
        } catch (UncheckedIOException e) {
            err.println("无法修改访问配置文件 " + file + "：" + e.getCause().getMessage());
            return ExitCodes.NOT_CHECKED;
        }
    }

    static AccessConfig load(Path file, PrintWriter err) {
        try {
            return AccessConfig.load(file);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return null;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "新建一个令牌；令牌只显示这一次。")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        static final class Who {
            @Option(names = "--unit", paramLabel = "ID", description = "单位令牌：只能上传和查看该单位的评估")
            String unit;

            @Option(names = "--role", paramLabel = "ROLE", description = "author：作者令牌，维护测评体系并可查看全部；"
                    + "office：文明办令牌，查看所属地区及下级地区的全部单位（需同时给出 --region）")
            String role;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Who who;

        @Option(names = "--region", paramLabel = "地区", description = "文明办令牌的所属地区，按单位名册的写法从省写起，"
                + "各级之间用“/”分隔，如 江苏省/南京市")
        String region;

        @Option(names = "--file", paramLabel = "F", description = "访问配置文件（默认 data/access.json）")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AccessEntry.Role role;
            if (who.unit != null) {
                if (who.unit.isBlank()) {
                    err.println("用法错误：--unit 需要单位编号");
                    return ExitCodes.NOT_CHECKED;
                }
                String problem = org.civcheck.evidence.UnitIds.problem(who.unit.trim());
                if (problem != null) {
                    err.println("用法错误：" + problem + "；这样的单位编号无法上传证据包");
                    return ExitCodes.NOT_CHECKED;
                }
                role = AccessEntry.Role.UNIT;
            } else if ("author".equalsIgnoreCase(who.role.trim())) {
                role = AccessEntry.Role.AUTHOR;
            } else if ("office".equalsIgnoreCase(who.role.trim())) {
                role = AccessEntry.Role.OFFICE;
                String problem = AccessConfig.regionProblem(region);
                if (problem != null) {
                    err.println("用法错误：" + problem + "（用 --region 给出）");
                    return ExitCodes.NOT_CHECKED;
                }
            } else {
                err.println("用法错误：--role 只能是 author 或 office（单位令牌请用 --unit 单位编号）");
                return ExitCodes.NOT_CHECKED;
            }
            if (region != null && role != AccessEntry.Role.OFFICE) {
                err.println("用法错误：--region 只用于文明办令牌（--role office）");
                return ExitCodes.NOT_CHECKED;
            }
            Path path = file(file);
            return changing(path, err, () -> {
                AccessConfig config = load(path, err);
                if (config == null) {
                    return ExitCodes.NOT_CHECKED;
                }
                AccessConfig.Added added = config.add(role, who.unit, region);
                added.config().save(path);
                out.println("已添加令牌 " + added.entry().id() + "（" + added.entry().describe() + "），保存在 " + path + "。");
                out.println("令牌只显示这一次，请妥善保存：");
                out.println(added.token());
                return 0;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出全部令牌（不显示令牌本身）。")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--file", paramLabel = "F", description = "访问配置文件（默认 data/access.json）")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path path = file(file);
            AccessConfig config = load(path, spec.commandLine().getErr());
            if (config == null) {
                return ExitCodes.NOT_CHECKED;
            }
            if (config.isEmpty()) {
                out.println(path + " 中没有令牌。");
                return 0;
            }
            out.println(path + " 中有 " + config.entries().size() + " 个令牌：");
            for (AccessEntry e : config.entries()) {
                String who = switch (e.role()) {
                    case UNIT -> "单位 " + e.unit();
                    case AUTHOR -> "作者";
                    case OFFICE -> "文明办 " + e.region();
                };
                out.println("  " + e.id() + "  " + who + "  创建于 " + e.created());
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "删除一个令牌，立即失效。")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "令牌编号（见 token list）")
        String id;

        @Option(names = "--file", paramLabel = "F", description = "访问配置文件（默认 data/access.json）")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path path = file(file);
            return changing(path, err, () -> {
                AccessConfig config = load(path, err);
                if (config == null) {
                    return ExitCodes.NOT_CHECKED;
                }
                var removed = config.remove(id);
                if (removed.isEmpty()) {
                    err.println("没有编号为 " + id + " 的令牌（见 civcheck token list）");
                    return ExitCodes.NOT_CHECKED;
                }
                removed.get().save(path);
                out.println("已删除令牌 " + id + "，它不能再访问服务。");
                return 0;
            });
        }
    }
}
