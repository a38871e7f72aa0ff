package org.civcheck.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;
import org.civcheck.web.AssessmentService;
import org.civcheck.web.Examples;
import org.civcheck.web.WebApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code civcheck serve}: the web service, on an embedded database unless told otherwise. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "启动网页服务：上传证据包、查看结果和历史记录。默认只监听本机（127.0.0.1），数据保存在 ./data/。")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7070", description = "端口（默认 7070；0 表示任选空闲端口）")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "监听地址（默认 127.0.0.1，仅本机）")
    String host;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "数据库（默认内嵌 H2：" + Database.DEFAULT_URL
            + "；共享部署用 PostgreSQL，如 jdbc:postgresql://localhost/civcheck?user=civcheck&password=…）")
    String db;

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系目录（默认 criteria/provincial）")
    Path criteriaDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "规则目录（默认 rules）")
    Path rulesDir;

    @Option(names = "--examples", paramLabel = "DIR", description = "首页提供的示例证据包目录（默认 examples）")
    Path examplesDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!isLoopback(host)) {
            err.println("拒绝启动：监听 " + host + " 会把各单位的评估记录暴露在网络上，而访问控制尚未配置。"
                    + "请使用 --host 127.0.0.1（默认），或在前面放置带身份认证的反向代理。");
            return ExitCodes.NOT_CHECKED;
        }
        AssessorLoading loading = AssessorLoading.load(Locations.criteria(criteriaDir), Locations.rules(rulesDir));
        if (!loading.isLoaded()) {
            err.println("测评体系或规则有误，服务未启动（" + loading.problems().size() + " 处）：");
            for (CriteriaProblem p : loading.problems()) {
                err.println("  " + p);
            }
            return ExitCodes.NOT_CHECKED;
        }
        Database database;
        try {
            database = Database.open(db != null ? db : Database.DEFAULT_URL);
        } catch (RuntimeException e) {
            err.println("无法打开数据库 " + (db != null ? db : Database.DEFAULT_URL) + "：" + rootMessage(e));
            return ExitCodes.NOT_CHECKED;
        }
        ReadLimits limits = ReadLimits.defaults();
        var service = new AssessmentService(loading::assessor, new EvidencePackageReader(limits),
                new AssessmentStore(database.dataSource()));
        Path examples = examplesDir != null ? examplesDir : Locations.examples();
        Javalin app = WebApp.create(service, new Examples(examples), limits.maxPackageBytes());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            database.close();
            stopped.countDown();
        }));
        app.start(host, port);
        out.println("civcheck 已启动：http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port() + "/");
        out.println("数据库：" + database.describe() + "    测评体系：" + loading.assessor().criteria().name()
                + "（" + loading.assessor().criteria().version() + "）");
        out.println("按 Ctrl+C 停止。");
        out.flush();
        stopped.await();
        return 0;
    }

    static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
