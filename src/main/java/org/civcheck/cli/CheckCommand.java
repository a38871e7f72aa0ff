package org.civcheck.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.engine.CriteriaFaultException;
import org.civcheck.engine.Verdicts;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.ledger.SubmissionReader;
import org.civcheck.report.Citations;
import org.civcheck.report.JsonReport;
import org.civcheck.report.TextReport;
import org.civcheck.report.draft.DraftTemplateException;
import org.civcheck.report.draft.ReportDrafts;
import org.civcheck.report.table.ReviewTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code civcheck check PACKAGE}: score one package and print the report. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "检查一个证据包（台账工作簿 .xlsx、.json 或 .zip），输出得分、结论和差距清单。%n"
                + "退出码：0 结论为可以通过；1 已检查，结论为存在风险、难以通过或一票否决；2 未能检查（证据包、测评体系或用法有误）。")
final class CheckCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PACKAGE", description = "证据包文件：台账工作簿（.xlsx）、证据包 JSON 文件，或含工作簿（或 evidence.json）及材料文件的 .zip 压缩包")
    Path packageFile;

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial）")
    Path criteriaDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "规则目录（默认 rules）")
    Path rulesDir;

    @Option(names = "--explain", description = "同时说明每个指标的判定依据（哪些规则、测得什么、与什么阈值比较）和每项差距补齐后的变化")
    boolean explain;

    @Option(names = "--draft", paramLabel = "FILE",
            description = "同时写出自查报告草稿：扩展名为 .docx（Word）或 .md（Markdown）")
    Path draftFile;

    @Option(names = "--table", paramLabel = "FILE",
            description = "同时写出复查表：扩展名为 .xlsx（Excel）或 .csv")
    Path tableFile;

    @Option(names = "--as-of", paramLabel = "DATE", converter = IsoDateConverter.class,
            description = "按某一天检查全年进度，如 2025-06-30：该日之后的记录不计入，结果另给出各指标的进度、按进度的结论和待办事项。"
                    + "不写时，台账最后一条记录早于年底的，按该记录的日期检查进度")
    java.time.LocalDate asOf;

    @Option(names = "--ics", paramLabel = "FILE",
            description = "同时把待办事项写成日历文件（.ics），可导入手机或 Outlook 日历")
    Path icsFile;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "输出格式：text（中文报告，默认）或 json（供其他系统读取的结果数据）")
    Format format;

    private static boolean hasExtension(Path file, String... extensions) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (String e : extensions) {
            if (name.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the 自查报告 draft by the file's extension; false (with the reason on stderr) when it cannot. */
    private boolean writeDraft(Assessment assessment, org.civcheck.evidence.EvidencePackage evidence,
            org.civcheck.criteria.CriteriaSet criteria, Path folder, PrintWriter err) {
        String name = draftFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".docx") && !name.endsWith(".md")) {
            err.println("自查报告草稿的文件名应以 .docx 或 .md 结尾：" + draftFile);
            return false;
        }
        try {
            Files.write(draftFile, name.endsWith(".docx") ? ReportDrafts.docx(assessment, evidence, criteria, folder)
                    : ReportDrafts.markdown(assessment, evidence, criteria, folder).getBytes(StandardCharsets.UTF_8));
            err.println("自查报告草稿已写入 " + draftFile);
            return true;
        } catch (DraftTemplateException e) {
            err.println("报告模板有误，未写出草稿：");
            e.faults().forEach(f -> err.println("  " + f));
            return false;
        } catch (java.io.IOException e) {
            err.println("无法写入自查报告草稿 " + draftFile + "：" + e.getMessage());
            return false;
        }
    }

    /** Writes the 复查表 by the file's extension; false (with the reason on stderr) when it cannot. */
    private boolean writeTable(Assessment assessment, org.civcheck.criteria.CriteriaSet criteria, PrintWriter err) {
        String name = tableFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".xlsx") && !name.endsWith(".csv")) {
            err.println("复查表的文件名应以 .xlsx 或 .csv 结尾：" + tableFile);
            return false;
        }
        try {
            Files.write(tableFile, name.endsWith(".xlsx") ? ReviewTables.xlsx(assessment, criteria)
                    : ReviewTables.csv(assessment, criteria));
            err.println("复查表已写入 " + tableFile);
            return true;
        } catch (java.io.IOException e) {
            err.println("无法写入复查表 " + tableFile + "：" + e.getMessage());
            return false;
        }
    }

    /** Writes the to-do items as an iCalendar file; false (with the reason on stderr) when it cannot. */
    private boolean writeCalendar(Assessment assessment, PrintWriter err) {
        if (!assessment.isPartial()) {
            err.println("本次检查的是整个评估期，没有待办事项，未写出日历文件（用 --as-of 指定年中的检查日期）");
            return false;
        }
        try {
            Files.write(icsFile, org.civcheck.report.TodoCalendar.ics(assessment));
            err.println("待办事项日历已写入 " + icsFile + "（" + assessment.progress().todo().size() + " 项）");
            return true;
        } catch (java.io.IOException e) {
            err.println("无法写入日历文件 " + icsFile + "：" + e.getMessage());
            return false;
        }
    }

    /** Reads 2025-06-30, saying in Chinese what is wrong with anything else. */
    static final class IsoDateConverter implements picocli.CommandLine.ITypeConverter<java.time.LocalDate> {
        @Override
        public java.time.LocalDate convert(String value) {
            try {
                return java.time.LocalDate.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("日期应写成 年-月-日，如 2025-06-30，实际为“" + value + "”");
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(packageFile)) {
            err.println("找不到证据包文件：" + packageFile);
            return ExitCodes.NOT_CHECKED;
        }
        // Usage errors come before checking: after a completed check the exit code is the verdict's.
        if (tableFile != null && !hasExtension(tableFile, ".xlsx", ".csv")) {
            err.println("用法错误：复查表的文件名应以 .xlsx 或 .csv 结尾：" + tableFile);
            return ExitCodes.NOT_CHECKED;
        }
        if (draftFile != null && !hasExtension(draftFile, ".docx", ".md")) {
            err.println("用法错误：自查报告草稿的文件名应以 .docx 或 .md 结尾：" + draftFile);
            return ExitCodes.NOT_CHECKED;
        }
        if (icsFile != null && !hasExtension(icsFile, ".ics")) {
            err.println("用法错误：日历文件的文件名应以 .ics 结尾：" + icsFile);
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
        PackageReading reading = new SubmissionReader(ReadLimits.defaults())
                .read(packageFile, loading.assessor().vocabulary());
        if (!reading.isAccepted()) {
            err.println("证据包不符合格式要求，未能检查（" + reading.faults().size() + " 处）：" + packageFile);
            for (InputProblem p : reading.faults()) {
                err.println("  " + p.path() + "：" + p.message());
            }
            return ExitCodes.NOT_CHECKED;
        }
        Assessment assessment;
        try {
            assessment = loading.assessor().assessAsOf(reading.evidence(), reading.warnings(), explain, asOf);
        } catch (CriteriaFaultException e) {
            err.println("测评体系有误，未能检查：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        } catch (IllegalArgumentException e) {
            err.println("用法错误：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        }
        out.print(format == Format.json ? JsonReport.render(assessment) + "\n" : TextReport.render(assessment,
                Citations.of(reading.evidence(), loading.assessor().criteria().taxonomy())));
        out.flush();
        // A file that cannot be written is reported on stderr; the package was checked all the same.
        if (tableFile != null) {
            writeTable(assessment, loading.assessor().criteria(), err);
        }
        if (icsFile != null) {
            writeCalendar(assessment, err);
        }
        if (draftFile != null) {
            writeDraft(assessment, reading.evidence(), loading.assessor().criteria(), Locations.criteria(criteriaDir), err);
        }
        return Verdicts.READY.equals(assessment.verdict()) ? ExitCodes.READY : ExitCodes.CHECKED_NOT_READY;
    }
}
