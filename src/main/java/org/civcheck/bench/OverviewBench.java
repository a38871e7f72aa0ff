package org.civcheck.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.civcheck.overview.OverviewWorkbook;
import org.civcheck.register.Region;
import org.civcheck.register.Register;
import org.civcheck.register.RegisteredUnit;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.Database;
import org.civcheck.store.NewAssessment;
import org.civcheck.store.Overview;
import org.civcheck.store.OverviewQuery;
import org.civcheck.store.OverviewStore;

/**
 * The 文明办's overview at scale: {@code units} units in 13 cities of one province (about 8
 * districts each), {@code checks} checks each spread over the past year, each check with a few of
 * 40 indicators' gaps; then the median time of the overview's queries as the page, the API and
 * the export make them, and of one save (which keeps the overview's rows). On an embedded H2 in a
 * temporary folder, or on the PostgreSQL of {@code --db} in a schema of its own, dropped afterwards.
 */
public final class OverviewBench {

    /** One query's figures. */
    public record Timing(String what, double medianMillis, double p90Millis, long rows) {}

    public record Result(String database, int units, int checks, double seedSeconds, List<Timing> timings) {

        public String text() {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "单位总览（%s；%,d 个单位 × 每单位 %d 次自查 = %,d 条评估记录，写入用时 %.1f 秒；各查询运行 %d 次取中位数）%n",
                    database, units, checks, (long) units * checks, seedSeconds, RUNS));
            for (Timing t : timings) {
                out.append(String.format(Locale.ROOT, "  %-34s 中位数 %8.1f ms  p90 %8.1f ms  %,8d 行%n", t.what(),
                        t.medianMillis(), t.p90Millis(), t.rows()));
            }
            return out.toString();
        }
    }

    static final int WARMUP = 5;
    static final int RUNS = 21;
    static final int CITIES = 13;
    static final int DISTRICTS = 8;
    static final int INDICATORS = 40;
    static final List<String> PROBLEMS = List.of("mechanism", "participation", "diversity", "materials", "conduct");
    static final List<String> VERDICTS = List.of("ready", "at-risk", "not-ready", "vetoed");
    static final String PROVINCE = "基准省";

    private OverviewBench() {}

    /** Runs on {@code jdbcUrl} (a PostgreSQL URL) or, when null, on an H2 file in a temporary folder. */
    public static Result run(int units, int checks, String jdbcUrl, Consumer<String> progress) {
        if (jdbcUrl == null) {
            Path dir;
            try {
                dir = Files.createTempDirectory("civcheck-overview-bench");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                // H2 hands back a query's last result when the same statement runs again with the same
                // parameters and no table changed (OPTIMIZE_REUSE_RESULTS): a repeated query would time a
                // copy, not the query. The service meets a changed database after every upload.
                return run(units, checks, "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath()
                        + ";OPTIMIZE_REUSE_RESULTS=FALSE", "H2（内嵌，临时文件）", progress);
            } finally {
                delete(dir);
            }
        }
        String schema = "civcheck_bench_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        execute(jdbcUrl, "CREATE SCHEMA " + schema);
        try {
            String url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return run(units, checks, url, "PostgreSQL（" + Database.describeUrl(jdbcUrl) + "）", progress);
        } finally {
            execute(jdbcUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Result run(int units, int checks, String url, String label, Consumer<String> progress) {
        try (Database db = Database.open(url)) {
            AssessmentStore store = new AssessmentStore(db.dataSource());
            long start = System.nanoTime();
            store.register().importRegister(register(units));
            seed(store, units, checks, progress);
            double seedSeconds = (System.nanoTime() - start) / 1e9;
            progress.accept(String.format(Locale.ROOT, "单位总览：已写入 %,d 条评估记录（%.1f 秒），开始测量", (long) units * checks,
                    seedSeconds));
            OverviewStore overview = store.overview();
            String city = PROVINCE + "/" + city(0);
            OffsetDateTime monthAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(30);
            List<Timing> timings = new ArrayList<>();
            timings.add(time("全部单位，第 1 页（50 行）", () -> rows(overview.overview(OverviewQuery.of(null), 1, 50, 10))));
            timings.add(time("一个市（文明办），第 1 页", () -> rows(overview.overview(OverviewQuery.of(city), 1, 50, 10))));
            timings.add(time("按较上次变化排序，第 40 页", () -> rows(overview.overview(new OverviewQuery(null, null, null,
                    null, null, null, OverviewQuery.Sort.CHANGE, true), 40, 50, 10))));
            timings.add(time("难以通过且 30 天未自查", () -> rows(overview.overview(new OverviewQuery(null, null,
                    "not-ready", monthAgo, null, null, OverviewQuery.Sort.VERDICT, false), 1, 50, 10))));
            timings.add(time("某指标有差距的单位", () -> rows(overview.overview(
                    OverviewQuery.of(null).withGap(OverviewQuery.INDICATOR, indicator(0)), 1, 50, 10))));
            timings.add(time("导出全部单位（.xlsx）", () -> {
                List<org.civcheck.store.OverviewRow> all = overview.rows(OverviewQuery.of(null));
                OverviewWorkbook.write("全部地区", all, overview.numbers(OverviewQuery.of(null), 10));
                return (long) all.size();
            }));
            timings.add(time("保存一次自查（含总览的行）", () -> {
                store.save(check(new Random(), "unit-00001", 0));
                return 1L;
            }));
            return new Result(label, units, checks, seedSeconds, timings);
        }
    }

    private static long rows(Overview o) {
        return o.rows().size();
    }

    private static Timing time(String what, Supplier<Long> query) {
        for (int i = 0; i < WARMUP; i++) {
            query.get();
        }
        long[] nanos = new long[RUNS];
        long rows = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            rows = query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Stats stats = Stats.of(nanos);
        return new Timing(what, stats.medianMs(), stats.p90Ms(), rows);
    }

    static Register register(int units) {
        List<Region> regions = new ArrayList<>();
        List<RegisteredUnit> list = new ArrayList<>();
        regions.add(new Region(PROVINCE, PROVINCE, null, 1));
        for (int c = 0; c < CITIES; c++) {
            String city = PROVINCE + "/" + city(c);
            regions.add(new Region(city, city(c), PROVINCE, 2));
            for (int d = 0; d < DISTRICTS; d++) {
                regions.add(new Region(city + "/" + district(d), district(d), city, 3));
            }
        }
        String[] levels = {"national", "provincial", "municipal", "county"};
        for (int u = 0; u < units; u++) {
            int c = u % CITIES;
            int d = (u / CITIES) % DISTRICTS;
            list.add(new RegisteredUnit(unit(u), "基准单位" + (u + 1), levels[u % levels.length],
                    PROVINCE + "/" + city(c) + "/" + district(d)));
        }
        return new Register(regions, list);
    }

    private static void seed(AssessmentStore store, int units, int checks, Consumer<String> progress) {
        Random random = new Random(42);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<NewAssessment> batch = new ArrayList<>();
        List<OffsetDateTime> times = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            for (int k = 0; k < checks; k++) {
                batch.add(check(random, unit(u), k));
                times.add(now.minusDays((long) (checks - k) * 36 + random.nextInt(30)).minusMinutes(u));
            }
            if (batch.size() >= 1000 || u == units - 1) {
                store.saveAll(batch, times);
                batch.clear();
                times.clear();
                if ((u + 1) % 1000 == 0 || u == units - 1) {
                    progress.accept(String.format(Locale.ROOT, "单位总览：已写入 %,d / %,d 个单位", u + 1, units));
                }
            }
        }
    }

    /** A check of {@code unit} with 0–6 gaps of the 40 indicators, the low ones more often. */
    static NewAssessment check(Random random, String unit, int k) {
        double score = 55 + random.nextInt(45);
        String verdict = random.nextInt(20) == 0 ? "vetoed" : score >= 85 ? "ready" : score >= 80 ? "at-risk" : "not-ready";
        StringBuilder gaps = new StringBuilder();
        int count = random.nextInt(7);
        for (int g = 0; g < count; g++) {
            int i = Math.min(INDICATORS - 1, (int) Math.abs(random.nextGaussian() * 10));
            if (gaps.indexOf("\"" + indicator(i) + "\"") >= 0) {
                continue;
            }
            gaps.append(gaps.length() == 0 ? "" : ",").append("{\"indicator\":\"").append(indicator(i))
                    .append("\",\"indicatorName\":\"测评内容").append(i + 1).append("\",\"problem\":\"")
                    .append(PROBLEMS.get(i % PROBLEMS.size())).append("\",\"problemTitle\":\"问题类别")
                    .append(i % PROBLEMS.size() + 1).append("\",\"pointsAtStake\":").append(1 + i % 4).append('}');
        }
        String json = "{\"unit\":{\"id\":\"" + unit + "\",\"name\":\"基准单位\"},\"verdict\":\"" + verdict + "\",\"score\":"
                + score + ",\"maxScore\":100,\"gaps\":[" + gaps + "]}";
        byte[] pkg = ("{\"unit\":{\"id\":\"" + unit + "\"},\"check\":" + k + "}").getBytes(StandardCharsets.UTF_8);
        return new NewAssessment(unit, "基准单位", verdict, score, 100, "provincial", "bench", "0".repeat(64), pkg,
                "application/json", "bench.json", json);
    }

    static String unit(int u) {
        return String.format(Locale.ROOT, "unit-%05d", u);
    }

    static String city(int c) {
        return "第" + (c + 1) + "市";
    }

    static String district(int d) {
        return "第" + (d + 1) + "区";
    }

    static String indicator(int i) {
        return "indicator-" + (i + 1);
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("数据库 " + Database.describeUrl(url) + " 无法使用：" + e.getMessage(), e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
