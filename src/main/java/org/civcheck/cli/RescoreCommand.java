package org.civcheck.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.CriteriaRecord;
import org.civcheck.store.Database;
import org.civcheck.web.AssessmentService;
import org.civcheck.web.CriteriaOutOfStepException;
import org.civcheck.web.RescoreReport;
import org.civcheck.web.Rescores;
import org.civcheck.web.UnknownCriteriaSetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code civcheck rescore}: starts a re-score of every unit's latest package on a database and
 * works on it here until it is done, sharing the queue with any service running on the same
 * database; then prints the impact.
 */
@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "按现用测评体系把每个单位最近一次上传的证据包重新评分，完成后列出结论发生变化的单位。"
                + "与同一数据库上运行的服务共用任务队列，一起分担；中断后再次运行或由服务接着完成。")
final class RescoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "数据库（默认内嵌 H2：" + Database.DEFAULT_URL
            + "；使用内嵌 H2 时请先停止服务）")
    String db;

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系目录（默认 criteria，与服务相同）")
    Path criteriaDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "规则目录（默认 rules）")
    Path rulesDir;

    @Option(names = "--set", paramLabel = "ID", description = "用哪个测评体系评分（默认为默认体系）")
    String set;

    @Option(names = "--units", split = ",", paramLabel = "UNIT", description = "只重新评分这些单位（单位编号，逗号分隔；默认全部单位）")
    List<String> units;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CriteriaRegistry registry = new CriteriaRegistry(Locations.criteriaRoot(criteriaDir), Locations.rules(rulesDir));
        CriteriaRegistry.Attempt loaded = registry.reload();
        if (!loaded.ok()) {
            err.println("测评体系或规则有误，未重新评分（" + loaded.problems().size() + " 处）：");
            for (CriteriaProblem p : loaded.problems()) {
                err.println("  " + p);
            }
            return ExitCodes.NOT_CHECKED;
        }
        String url = db != null ? db : Database.DEFAULT_URL;
        Database database;
        try {
            database = Database.open(url);
        } catch (RuntimeException e) {
            err.println("无法打开数据库 " + url + "：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        }
        try (database) {
            // the services on this database score with the criteria in force: so must this run
            String local = registry.current().sha256();
            Optional<CriteriaRecord.InForce> inForce = new CriteriaRecord(database.dataSource()).read();
            if (inForce.isPresent() && !inForce.get().sha256().equals(local)) {
                err.println("未重新评分：本机加载的测评体系（sha256 " + local.substring(0, 12) + "）与数据库中记录的在用版本（sha256 "
                        + inForce.get().sha256().substring(0, 12) + "，由 " + inForce.get().recordedBy()
                        + " 记录）不一致；请用与服务相同的 --criteria 和 --rules。");
                return ExitCodes.NOT_CHECKED;
            }
            AssessmentService service = new AssessmentService(registry, new EvidencePackageReader(ReadLimits.defaults()),
                    new AssessmentStore(database.dataSource()));
            Rescores rescores = Rescores.start(service, database.dataSource(), Rescores.instanceName(),
                    Rescores.Settings.defaults());
            try {
                String run;
                try {
                    run = rescores.begin(null, set, units).id();
                } catch (UnknownCriteriaSetException | CriteriaOutOfStepException e) {
                    err.println("未重新评分：" + e.getMessage());
                    return ExitCodes.NOT_CHECKED;
                }
                RescoreReport report = rescores.report(run).orElseThrow();
                out.println("开始重新评分：共 " + report.total() + " 个单位（编号 " + run + "）");
                out.flush();
                int shown = -1;
                while (!(report = rescores.report(run).orElseThrow()).finished()) {
                    if (report.done() != shown) {
                        shown = report.done();
                        out.println("  已完成 " + report.done() + " / " + report.total());
                        out.flush();
                    }
                    Thread.sleep(2000);
                }
                out.println(report.summary());
                for (RescoreReport.Change c : report.changes()) {
                    out.println("  " + c.unitName() + "（" + c.unit() + "）：" + c.beforeName() + " → " + c.afterName()
                            + (c.better() ? "（好转）" : "（变差）"));
                }
                for (RescoreReport.Failure f : report.failures()) {
                    out.println("  未能重新评分：" + f.unitName() + "（" + f.unit() + "）：" + f.reason());
                }
                out.flush();
                return ExitCodes.READY;
            } finally {
                rescores.close();
            }
        }
    }
}
