package org.civcheck.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.engine.RuleCache;

/**
 * Whole processes, as a user starts them ({@code java -jar civcheck.jar ...}): wall and CPU seconds
 * of {@code check} on a 10- and a 2,000-activity package, {@code criteria test} and {@code serve}
 * to its first 200, beside {@code --version} (the floor: the same JVM and jar doing nothing), with
 * the built-in rules and with edited rules (an empty rules cache, then a warm one). Also a
 * criteria reload in this JVM. CPU is the child's user+system time (Linux {@code /proc}).
 */
public final class ProcessBench {

    /** Where the commands run: the jar, the folders, a scratch folder; runs per scenario (cold runs: fewer). */
    public record Config(Path jar, Path criteria, Path criteriaRoot, Path rules, Path work, int runs, int coldRuns,
            List<String> jvmOptions) {}

    /** One scenario's runs. */
    public record Scenario(String command, String rules, List<Double> wallSeconds, List<Double> cpuSeconds) {
        public double wall() {
            return median(wallSeconds);
        }

        public double cpu() {
            return median(cpuSeconds);
        }
    }

    /** Everything measured, with the machine's load before and after. */
    public record Result(List<Scenario> scenarios, double reloadBuiltInMillis, double reloadEditedWarmMillis,
            double reloadUnchangedMillis, String loadBefore, String loadAfter, String jar, List<String> jvmOptions) {

        public Scenario find(String command, String rules) {
            return scenarios.stream().filter(s -> s.command.equals(command) && s.rules.equals(rules)).findFirst()
                    .orElse(null);
        }
    }

    public static final String VERSION = "--version";
    public static final String CHECK_10 = "check（10 项活动）";
    public static final String CHECK_2000 = "check（2000 项活动）";
    public static final String CRITERIA_TEST = "criteria test";
    public static final String SERVE = "serve 至首个 200";
    public static final String BUILT_IN = "内置规则";
    public static final String EDITED_COLD = "改过的规则，缓存为空";
    public static final String EDITED_WARM = "改过的规则，缓存已有";

    private final Config config;

    public ProcessBench(Config config) {
        this.config = config;
    }

    public Result run(Consumer<String> progress) throws IOException, InterruptedException {
        String loadBefore = Machine.loadAverage();
        Files.createDirectories(config.work());
        Path p10 = config.work().resolve("package-10.json");
        Path p2000 = config.work().resolve("package-2000.json");
        Files.write(p10, SyntheticPackages.json(10));
        Files.write(p2000, SyntheticPackages.json(2000));
        Path edited = editedCopy(config.rules(), config.work().resolve("edited-rules"));
        Path warmCache = config.work().resolve("cache-warm");
        List<Scenario> out = new ArrayList<>();

        out.add(times(VERSION, "", List.of("--version"), null, false, progress));
        String[][] commands = {
                {CHECK_10, "check", p10.toString(), "--criteria", config.criteria().toString()},
                {CHECK_2000, "check", p2000.toString(), "--criteria", config.criteria().toString()},
                {CRITERIA_TEST, "criteria", "test", config.criteria().toString()}};
        for (String[] c : commands) {
            List<String> args = List.of(c).subList(1, c.length);
            out.add(times(c[0], BUILT_IN, with(args, config.rules()), null, false, progress));
            out.add(times(c[0], EDITED_COLD, with(args, edited), null, true, progress));
            run(with(args, edited), warmCache); // fills the cache, untimed
            out.add(times(c[0], EDITED_WARM, with(args, edited), warmCache, false, progress));
        }
        out.add(serve(BUILT_IN, config.rules(), null, progress));
        out.add(serve(EDITED_WARM, edited, warmCache, progress));

        // The reload runs in this JVM: it measures this build, so only when the jar measured is this one.
        boolean thisBuild = config.jar().equals(ProcessBench.class.getProtectionDomain().getCodeSource() == null ? null
                : Path.of(java.net.URI.create(ProcessBench.class.getProtectionDomain().getCodeSource().getLocation().toString())));
        double builtIn = thisBuild ? reloadMillis(config.rules()) : Double.NaN;
        double editedWarm = thisBuild ? withCache(warmCache, () -> reloadMillis(edited)) : Double.NaN;
        double unchanged = thisBuild ? unchangedReloadMillis() : Double.NaN;
        progress.accept(String.format("重新加载测评体系（本进程内）：内置规则 %.0f ms，改过的规则（缓存已有）%.0f ms，规则未改 %.0f ms",
                builtIn, editedWarm, unchanged));
        return new Result(out, builtIn, editedWarm, unchanged, loadBefore, Machine.loadAverage(),
                config.jar().getFileName().toString(), config.jvmOptions());
    }

    /** The figures as a table, each beside the floor, and the goals met or not. */
    public static String text(Result r, boolean markdown) {
        StringBuilder b = new StringBuilder();
        Scenario floor = r.find(VERSION, "");
        double floorCpu = floor.cpu();
        String sep = markdown ? " | " : "  ";
        if (markdown) {
            b.append("| 命令 | 规则 | 墙钟中位数 s | CPU 中位数 s | CPU ÷ --version | 次数 |\n|---|---|---:|---:|---:|---:|\n");
        } else {
            b.append("整个进程（java -jar），中位数\n");
        }
        for (Scenario s : r.scenarios()) {
            String row = String.join(sep, s.command(), s.rules().isEmpty() ? "—" : s.rules(),
                    String.format("%.2f", s.wall()), String.format("%.2f", s.cpu()),
                    String.format("%.1f×", s.cpu() / floorCpu), String.valueOf(s.wallSeconds().size()));
            b.append(markdown ? "| " + row + " |" : "  " + row).append('\n');
        }
        b.append(markdown ? "\n" : "").append(Double.isNaN(r.reloadBuiltInMillis())
                ? String.format("重新加载测评体系：未测（被测的是另一版本的 jar）%n")
                : String.format("重新加载测评体系（本进程内）：内置规则 %.0f ms；改过的规则、缓存已有 %.0f ms；规则未改 %.0f ms%n",
                        r.reloadBuiltInMillis(), r.reloadEditedWarmMillis(), r.reloadUnchangedMillis()));
        b.append(markdown ? "\n" : "").append("目标\n");
        goal(b, "check 10 项活动 CPU ≤ 2 × --version", r.find(CHECK_10, BUILT_IN).cpu() / floorCpu, 2, "×");
        goal(b, "check 2000 项活动 CPU ≤ 3 × --version", r.find(CHECK_2000, BUILT_IN).cpu() / floorCpu, 3, "×");
        for (String c : List.of(CHECK_10, CHECK_2000, CRITERIA_TEST, SERVE)) {
            Scenario built = r.find(c, BUILT_IN);
            Scenario warm = r.find(c, EDITED_WARM);
            if (built != null && warm != null) {
                goal(b, c + " 改过的规则（缓存已有）CPU 不超过内置规则的 120%", 100 * warm.cpu() / built.cpu(), 120, "%");
            }
        }
        goal(b, "serve 至首个 200 墙钟 ≤ 1 s", r.find(SERVE, BUILT_IN).wall(), 1, " s");
        if (!Double.isNaN(r.reloadEditedWarmMillis())) {
            goal(b, "重新加载测评体系 ≤ 1 s", r.reloadEditedWarmMillis() / 1000, 1, " s");
        }
        b.append(markdown ? "\n" : "").append("被测：").append(r.jar()).append(r.jvmOptions().isEmpty() ? ""
                : "，JVM 参数 " + String.join(" ", r.jvmOptions())).append('\n');
        b.append(markdown ? "\n" : "").append("负载均值（1/5/15 分钟）：开始 ").append(r.loadBefore()).append("，结束 ")
                .append(r.loadAfter()).append('\n');
        return b.toString();
    }

    private static void goal(StringBuilder b, String what, double value, double limit, String unit) {
        b.append(String.format("  %s：%.2f%s，%s%n", what, value, unit, value <= limit ? "达到" : "未达到"));
    }

    private Scenario times(String name, String rules, List<String> args, Path cache, boolean cold,
            Consumer<String> progress) throws IOException, InterruptedException {
        List<Double> walls = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        int n = cold ? config.coldRuns() : config.runs();
        for (int i = 0; i < n; i++) {
            Path c = cold ? Files.createTempDirectory(config.work(), "cache-cold") : cache;
            double[] t = run(args, c);
            walls.add(t[0]);
            cpus.add(t[1]);
        }
        Scenario s = new Scenario(name, rules, walls, cpus);
        progress.accept(String.format("%s %s：墙钟 %.2f s，CPU %.2f s（%d 次的中位数）", name, rules, s.wall(), s.cpu(), n));
        return s;
    }

    /** Runs one process to its end: {wall seconds, CPU seconds}. */
    private double[] run(List<String> args, Path cache) throws IOException, InterruptedException {
        double cpuBefore = ChildCpu.seconds();
        long start = System.nanoTime();
        Process p = command(args, cache).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (code > 1) {
            throw new IOException("the command failed (exit " + code + "): " + args);
        }
        return new double[] {wall, ChildCpu.seconds() - cpuBefore};
    }

    private Scenario serve(String rules, Path rulesDir, Path cache, Consumer<String> progress)
            throws IOException, InterruptedException {
        List<Double> walls = new ArrayList<>();
        List<Double> cpus = new ArrayList<>();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        for (int i = 0; i < config.runs(); i++) {
            int port = freePort();
            Path db = Files.createTempDirectory(config.work(), "db");
            List<String> args = List.of("serve", "--port", String.valueOf(port), "--criteria",
                    config.criteriaRoot().toString(), "--rules", rulesDir.toString(), "--db",
                    "jdbc:h2:file:" + db.resolve("civcheck").toAbsolutePath());
            long start = System.nanoTime();
            Process p = command(args, cache).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(5)).build();
                while (true) {
                    if (!p.isAlive()) {
                        throw new IOException("serve ended before answering (exit " + p.exitValue() + ")");
                    }
                    try {
                        if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            break;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(20);
                }
                walls.add((System.nanoTime() - start) / 1e9);
                cpus.add(p.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN));
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
        Scenario s = new Scenario(SERVE, rules, walls, cpus);
        progress.accept(String.format("%s %s：墙钟 %.2f s，CPU %.2f s（%d 次的中位数）", SERVE, rules, s.wall(), s.cpu(),
                config.runs()));
        return s;
    }

    private ProcessBuilder command(List<String> args, Path cache) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(config.jvmOptions());
        if (cache != null) {
            cmd.add("-D" + RuleCache.PROPERTY + "=" + cache.toAbsolutePath());
        }
        cmd.add("-jar");
        cmd.add(config.jar().toString());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(config.work().toFile());
    }

    private static List<String> with(List<String> args, Path rules) {
        List<String> all = new ArrayList<>(args);
        all.add("--rules");
        all.add(rules.toAbsolutePath().toString());
        return all;
    }

    /** A fresh registry's first load (what a start and a reload after a rules change cost). */
    private double reloadMillis(Path rules) {
        try (CriteriaRegistry r = new CriteriaRegistry(config.criteriaRoot(), rules)) {
            long start = System.nanoTime();
            boolean ok = r.reload().ok();
            double ms = (System.nanoTime() - start) / 1e6;
            if (!ok) {
                throw new IllegalStateException("the criteria did not load: " + r.status().lastAttempt().problems());
            }
            return ms;
        }
    }

    /** A reload after a criteria edit, the rules unchanged. */
    private double unchangedReloadMillis() {
        try (CriteriaRegistry r = new CriteriaRegistry(config.criteriaRoot(), config.rules())) {
            r.reload();
            long start = System.nanoTime();
            r.reload();
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double withCache(Path cache, java.util.function.DoubleSupplier body) {
        String before = System.getProperty(RuleCache.PROPERTY);
        System.setProperty(RuleCache.PROPERTY, cache.toAbsolutePath().toString());
        try {
            return body.getAsDouble();
        } finally {
            if (before == null) {
                System.clearProperty(RuleCache.PROPERTY);
            } else {
                System.setProperty(RuleCache.PROPERTY, before);
            }
        }
    }

    /** The rules with a comment added to one file: other bytes, the same rules. */
    private static Path editedCopy(Path rules, Path to) throws IOException {
        Files.createDirectories(to);
        List<Path> files;
        try (Stream<Path> s = Files.list(rules)) {
            files = s.filter(f -> f.toString().endsWith(".drl")).sorted(Comparator.naturalOrder()).toList();
        }
        for (Path f : files) {
            Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(to.resolve(files.get(files.size() - 1).getFileName()),
                "\n// edited for the benchmark " + System.nanoTime() + "\n", StandardOpenOption.APPEND);
        return to;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** CPU seconds of this process's finished children, from {@code /proc/self/stat} (cutime + cstime). */
    static final class ChildCpu {
        private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

        static double seconds() {
            try {
                String stat = Files.readString(Path.of("/proc/self/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
    }
}
