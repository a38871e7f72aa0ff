package org.civcheck.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civcheck.register.RegisterFile;
import org.civcheck.register.RegisterProblem;
import org.civcheck.store.Database;
import org.civcheck.store.UnitRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code civcheck units import FILE}: the unit register (units and their regions) into the database. */
@Command(name = "units", mixinStandardHelpOptions = true,
        description = "管理单位名册：每个单位所属的地区（省、市、区县）和文明单位级别，文明办据此查看本地区的单位。",
        subcommands = {UnitsCommand.Import.class})
final class UnitsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "缺少子命令，例如：civcheck units import 单位名册.csv");
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "导入单位名册（CSV，表头为 " + RegisterFile.HEADER + "）：新的单位加入，已有的按文件更新，"
                    + "文件中没有的单位保留不动。文件有任何错误时逐行指出，不导入任何内容。")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "单位名册 CSV 文件（UTF-8 或 Excel 默认的 GBK 编码均可）")
        Path file;

        @Option(names = "--db", paramLabel = "JDBC-URL", description = "数据库（默认 " + Database.DEFAULT_URL
                + "，与 serve 相同）")
        String db;

        @Option(names = "--check", description = "只检查文件，不写入数据库")
        boolean check;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("无法读取文件 " + file + "：" + e.getMessage());
                return ExitCodes.NOT_CHECKED;
            }
            RegisterFile.Reading reading = RegisterFile.read(file.getFileName().toString(), bytes);
            if (!reading.isAccepted()) {
                err.println("单位名册有 " + reading.problems().size() + " 处问题，未导入任何内容：");
                for (RegisterProblem p : reading.problems()) {
                    err.println("  " + p);
                }
                return ExitCodes.NOT_CHECKED;
            }
            int units = reading.register().units().size();
            int regions = reading.register().regions().size();
            if (check) {
                out.println("单位名册无误：" + units + " 个单位，" + regions + " 个地区（未写入数据库）。");
                return 0;
            }
            String url = db != null ? db : Database.DEFAULT_URL;
            try (Database database = Database.open(url)) {
                UnitRegister.Imported done = new UnitRegister(database.dataSource()).importRegister(reading.register());
                out.println("已导入单位名册到 " + database.describe() + "：新增 " + done.unitsAdded() + " 个单位，更新 "
                        + done.unitsChanged() + " 个，未变 " + done.unitsUnchanged() + " 个；新增地区 "
                        + done.regionsAdded() + " 个。");
                return 0;
            } catch (RuntimeException e) {
                err.println("无法写入数据库 " + url + "：" + e.getMessage());
                return ExitCodes.NOT_CHECKED;
            }
        }
    }
}
