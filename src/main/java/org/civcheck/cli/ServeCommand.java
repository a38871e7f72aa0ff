package org.civcheck.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.CriteriaRecord;
import org.civcheck.store.Database;
import org.civcheck.store.SessionStore;
import org.civcheck.web.AssessmentService;
import org.civcheck.web.CriteriaInForce;
import org.civcheck.web.Rescores;
import org.civcheck.web.Examples;
import org.civcheck.web.ScoringLimiter;
import org.civcheck.web.ServerLimits;
import org.civcheck.web.WebApp;
import org.civcheck.web.access.Access;
import org.civcheck.web.access.AccessConfig;
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

    @Option(names = "--criteria", paramLabel = "DIR", description = "测评体系：一个体系的目录（只用这一个），"
            + "或包含多个体系目录的根目录（默认 criteria，其中每个体系都可选用；有 provincial 时它是默认体系）。"
            + "运行中修改会自动重新加载")
    Path criteriaDir;

    @Option(names = "--rules", paramLabel = "DIR", description = "规则目录（默认 rules）")
    Path rulesDir;

    @Option(names = "--examples", paramLabel = "DIR", description = "首页提供的示例证据包目录（默认 examples）")
    Path examplesDir;

    @Option(names = "--access", paramLabel = "FILE", description = "访问配置文件（令牌，由 civcheck token add 生成；"
            + "默认 data/access.json，存在时启用）。配置后所有页面和 API 都需要令牌或登录；"
            + "监听非本机地址时必须配置")
    Path accessFile;

    @Option(names = "--scoring-memory", paramLabel = "MIB", description = "同时读取和评分的证据包合计最多可占用的内存"
            + "（MiB，按证据包大小、活动和材料条数估算；默认为 Java 最大堆的一半）。占满时新的评分稍候，仍无空间则返回 503")
    Long scoringMemoryMib;

    @Option(names = "--scoring-wait", paramLabel = "SECONDS", defaultValue = "5",
            description = "评分内存占满时，新的评分最多等待的秒数（默认 5；0 表示不等待），之后返回 503 和 Retry-After")
    int scoringWaitSeconds;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path accessPath = accessFile != null ? accessFile : AccessConfig.DEFAULT_FILE;
        Access access;
        try {
            access = accessFile != null || java.nio.file.Files.exists(accessPath) ? Access.fromFile(accessPath) : null;
        } catch (IllegalArgumentException e) {
            err.println("拒绝启动：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        }
        String refusal = refusal(host, access == null ? null : access.config());
        if (refusal != null) {
            err.println(refusal);
            return ExitCodes.NOT_CHECKED;
        }
        if (access != null && access.config().isEmpty()) {
            err.println("访问配置文件 " + accessPath + " 中没有令牌：只监听本机，不启用访问控制。");
            access = null;
        }
        ScoringLimiter limiter;
        try {
            limiter = scoringLimiter(scoringMemoryMib, scoringWaitSeconds);
        } catch (IllegalArgumentException e) {
            err.println("拒绝启动：" + e.getMessage());
            return ExitCodes.NOT_CHECKED;
        }
        CriteriaRegistry registry = new CriteriaRegistry(Locations.criteriaRoot(criteriaDir), Locations.rules(rulesDir));
        // The criteria and rules load while the database opens: the two halves of a start, on two cores.
        java.util.concurrent.CompletableFuture<CriteriaRegistry.Attempt> loading =
                java.util.concurrent.CompletableFuture.supplyAsync(registry::reload);
        Database database;
        try {
            database = Database.open(db != null ? db : Database.DEFAULT_URL);
        } catch (RuntimeException e) {
            loading.join();
            err.println("无法打开数据库 " + (db != null ? db : Database.DEFAULT_URL) + "：" + rootMessage(e));
            return ExitCodes.NOT_CHECKED;
        }
        if (access != null) {
            // the same tokens, their page sessions kept in the database: every instance knows them, a restart keeps them
            access = Access.fromFile(accessPath, new SessionStore(database.dataSource()));
        }
        CriteriaRegistry.Attempt first = loading.join();
        if (!first.ok()) {
            database.close();
            err.println("测评体系或规则有误，服务未启动（" + first.problems().size() + " 处）：");
            for (CriteriaProblem p : first.problems()) {
                err.println("  " + p);
            }
            return ExitCodes.NOT_CHECKED;
        }
        ReadLimits limits = ReadLimits.defaults();
        var service = new AssessmentService(registry, new EvidencePackageReader(limits),
                new AssessmentStore(database.dataSource()), limiter);
        // Instances on one database act as one: the criteria in force are recorded there and followed,
        // and the background jobs take their work from the queue there.
        String instance = Rescores.instanceName();
        CriteriaInForce inForce;
        Rescores rescores;
        try {
            inForce = CriteriaInForce.start(registry, new CriteriaRecord(database.dataSource()), instance,
                    CRITERIA_POLL, line -> {
                        out.println(line);
                        out.flush();
                    });
            service.refuseWhile(inForce::outOfStep);
            rescores = Rescores.start(service, database.dataSource(), instance, Rescores.Settings.defaults());
        } catch (RuntimeException e) {
            database.close();
            err.println("无法启动后台任务：" + rootMessage(e));
            return ExitCodes.NOT_CHECKED;
        }
        Path examples = examplesDir != null ? examplesDir : Locations.examples();
        ServerLimits clients = ServerLimits.defaults();
        Javalin app = WebApp.create(service, new Examples(examples), limits.maxPackageBytes(), access,
                clients, failure -> exitForRestart(err, failure), rescores);
        Thread.UncaughtExceptionHandler uncaught = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError) {
                exitForRestart(err, e);
            } else if (uncaught != null) {
                uncaught.uncaughtException(thread, e);
            } else {
                e.printStackTrace();
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            haltAfter(STOP_LIMIT, err);
            registry.close();
            app.stop();
            rescores.close();
            inForce.close();
            database.close();
            stopped.countDown();
        }, "serve-shutdown"));
        app.start(host, port);
        out.println("civcheck 已启动：http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port() + "/");
        out.println("数据库：" + database.describe() + "（本实例 " + instance + "；同一数据库上的各实例共享登录、"
                + "在用测评体系和后台任务）");
        out.println(access == null ? "访问控制：未启用（仅本机访问）"
                : "访问控制：已启用，" + access.config().entries().size() + " 个令牌（" + accessPath + "）");
        out.println("评分内存上限：" + limiter.budgetBytes() / (1024 * 1024) + " MiB（Java 最大堆 "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB），占满时最多等待 "
                + limiter.waitLimit().toSeconds() + " 秒");
        out.println("上传：同时最多接收 " + clients.maxConcurrentUploads() + " 个，请求体最低 "
                + clients.minRequestDataRate() / 1024 + " KiB/秒，空闲 " + clients.idleTimeout().toSeconds()
                + " 秒断开（详见 docs/limits.md）");
        if (!java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:+ExitOnOutOfMemoryError")) {
            out.println("建议以 java -XX:+ExitOnOutOfMemoryError … 启动，并由进程管理器（如 systemd）在退出后自动重启。");
        }
        out.println("测评体系（" + registry.sources().get(0) + "）：" + describe(registry.current()) + "，sha256 "
                + registry.current().sha256());
        registry.onReload(attempt -> {
            if (attempt.ok()) {
                out.println("测评体系已重新加载：" + describe(registry.current()));
            } else {
                out.println("测评体系重新加载失败，仍使用原版本（" + attempt.problems().size() + " 处问题）：");
                attempt.problems().forEach(p -> out.println("  " + p));
            }
            out.flush();
        });
        try {
            registry.watch();
            out.println("修改 " + registry.sources().get(0) + " 或 " + registry.sources().get(1)
                    + " 后自动重新加载；加载失败时继续使用原版本，问题见 /api/criteria/status 和首页。");
        } catch (IOException e) {
            err.println("无法监视测评体系目录，修改后不会自动重新加载（可 POST /api/criteria/reload）：" + e.getMessage());
        }
        out.println("按 Ctrl+C 停止。");
        out.flush();
        stopped.await();
        return 0;
    }

    /** How often an instance reads which criteria are in force, to follow a reload made on another. */
    static final java.time.Duration CRITERIA_POLL = java.time.Duration.ofSeconds(3);

    /**
     * How long stopping (SIGTERM, Ctrl+C) may take before the process halts: Jetty gives requests in
     * flight {@link WebApp#STOP_TIMEOUT}, the database closes after. A store stuck in a failed state
     * could otherwise keep the process alive forever; halting is as safe as {@code kill -9}, which
     * loses nothing acknowledged ({@code CrashTest}).
     */
    static final java.time.Duration STOP_LIMIT = java.time.Duration.ofSeconds(15);

    /** Halts the process after {@code limit} unless it has ended by then. */
    static void haltAfter(java.time.Duration limit, PrintWriter err) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            err.println("服务未能在 " + limit.toSeconds() + " 秒内正常停止，已强制结束。");
            err.flush();
            Runtime.getRuntime().halt(ExitCodes.STOP_TIMED_OUT);
        }, "serve-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /**
     * Ends the process after a failure it cannot recover from: after an {@code OutOfMemoryError}
     * nothing in the heap can be trusted, and an embedded H2 store that met one has closed itself for
     * good ({@link org.civcheck.store.StoreException#unrecoverable()}). Halting (no shutdown hooks,
     * which could wait on that store) is as safe for the data as {@code kill -9}; a supervisor
     * (systemd {@code Restart=on-failure}) starts the service again on the same file.
     */
    static void exitForRestart(PrintWriter err, Throwable failure) {
        try {
            err.println("服务遇到无法恢复的故障（" + failure + "），已退出（退出码 " + ExitCodes.FAILED_RESTART
                    + "），请重新启动；已确认保存的评估不受影响。");
            err.flush();
        } finally {
            Runtime.getRuntime().halt(ExitCodes.FAILED_RESTART);
        }
    }

    /** The smallest {@code --scoring-memory}: room for a few small scorings at once. */
    static final long MIN_SCORING_MEMORY_MIB = 16;

    /**
     * The limiter of {@code --scoring-memory} (MiB; null for half the maximum heap) and
     * {@code --scoring-wait}; an IllegalArgumentException in Chinese for values it cannot take.
     */
    static ScoringLimiter scoringLimiter(Long memoryMib, int waitSeconds) {
        if (memoryMib != null && memoryMib < MIN_SCORING_MEMORY_MIB) {
            throw new IllegalArgumentException("--scoring-memory 至少为 " + MIN_SCORING_MEMORY_MIB
                    + "（MiB，每次评分至少估算 4 MiB），收到 " + memoryMib);
        }
        if (waitSeconds < 0) {
            throw new IllegalArgumentException("--scoring-wait 不能为负数，收到 " + waitSeconds);
        }
        long heapMib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        if (memoryMib != null && memoryMib > heapMib) {
            throw new IllegalArgumentException("--scoring-memory " + memoryMib + " MiB 超过 Java 最大堆 "
                    + heapMib + " MiB；请调小它，或以 java -Xmx… 加大堆");
        }
        long budget = memoryMib == null ? ScoringLimiter.defaultBudgetBytes() : memoryMib * 1024 * 1024;
        return new ScoringLimiter(budget, java.time.Duration.ofSeconds(waitSeconds));
    }

    /** "provincial 省级…（2026.1，默认）、city …（…）". */
    static String describe(CriteriaRegistry.Generation generation) {
        List<String> sets = new ArrayList<>();
        generation.sets().forEach((id, assessor) -> sets.add(id + " " + assessor.criteria().name() + "（"
                + assessor.criteria().version() + (id.equals(generation.defaultId()) ? "，默认" : "") + "）"));
        return String.join("、", sets);
    }

    /**
     * Why the service must not start on {@code host} with {@code access} (null when no access file
     * is used), or null when it may: a non-loopback address needs at least one token.
     */
    static String refusal(String host, AccessConfig access) {
        if (isLoopback(host) || (access != null && !access.isEmpty())) {
            return null;
        }
        return "拒绝启动：监听 " + host + " 会把各单位的评估记录暴露在网络上，而访问控制尚未配置。"
                + "请先用 civcheck token add --role author（或 --unit 单位编号）创建令牌，并以 --access 指定访问配置文件；"
                + "或使用 --host 127.0.0.1（默认，仅本机）。";
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
