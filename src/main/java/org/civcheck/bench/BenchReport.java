package org.civcheck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@link BenchResult} as the terminal shows it (Chinese labels, plain numbers) and as Markdown
 * tables for {@code BENCHMARKS.md}, with the goals judged against the figures.
 */
public final class BenchReport {

    /** Scoring (read + assess) may cost at most this many times plain parsing at 10,000 activities and more. */
    public static final double GOAL_RATIO = 3.0;
    /** Per-activity cost may grow by at most this factor from the smallest size of 1,000 or more to the largest. */
    public static final double LINEAR_TOLERANCE = 1.5;
    /** The heap 100,000 activities must fit in. */
    public static final long GOAL_HEAP = 512L * 1024 * 1024;

    private BenchReport() {}

    public static String text(BenchResult r) {
        StringBuilder b = new StringBuilder();
        Machine m = r.machine();
        b.append("civcheck 性能基准\n\n");
        b.append("机器\n");
        b.append("  处理器：").append(m.cpuModel()).append("（逻辑处理器 ").append(m.processors()).append(" 个）\n");
        b.append("  内存：").append(mib(m.memoryBytes())).append(" MiB；最大堆：").append(mib(m.maxHeapBytes())).append(" MiB\n");
        b.append("  Java：").append(m.java()).append("；垃圾收集器：").append(m.collectors()).append('\n');
        b.append("  系统：").append(m.os()).append('\n');
        b.append("  负载均值（1/5/15 分钟）：开始 ").append(r.loadBefore()).append("，结束 ").append(r.loadAfter()).append('\n');
        b.append('\n');
        b.append("规则库（KieBase）构建，").append(r.kie().ruleFiles()).append(" 个规则文件\n");
        b.append("  冷启动（本 JVM 首次）：").append(ms(r.kie().coldNanos())).append(" ms\n");
        b.append("  热重建：中位数 ").append(ms(r.kie().warm().median())).append(" ms，p90 ")
                .append(ms(r.kie().warm().p90())).append(" ms（").append(r.kie().warm().count()).append(" 次）\n\n");
        b.append("读取与评分（毫秒，中位数 / p90；评分 = 读取器 + Assessor.assess；解析 = Jackson readTree）\n");
        b.append(String.format("  %8s %10s %6s %17s %17s %17s %17s %9s %9s %9s %9s %8s %8s%n", "活动数", "字节数", "次数",
                "Jackson解析", "读取器", "Assessor", "评分合计", "读取÷解析", "评估÷解析", "评分÷解析", "微秒/条", "峰值堆MiB", "之后存活MiB"));
        for (BenchResult.Scoring s : r.scoring()) {
            if (s.outOfMemory()) {
                b.append(String.format("  %8d  内存不足（最大堆 %d MiB），峰值 %d MiB%n", s.activities(),
                        mib(r.machine().maxHeapBytes()), mib(s.peakHeapBytes())));
                continue;
            }
            b.append(String.format(Locale.ROOT, "  %8d %10d %6s %17s %17s %17s %17s %9.2f %9.2f %9.2f %9.1f %8d %8d%n",
                    s.activities(), s.bytes(), s.warmups() + "+" + s.runs(), pair(s.parse()), pair(s.read()),
                    pair(s.assess()), pair(s.total()), s.readOverParse(), s.assessOverParse(), s.totalOverParse(),
                    s.totalMicrosPerActivity(), mib(s.peakHeapBytes()), mib(s.liveAfterBytes())));
        }
        b.append("  （次数 = 预热 + 测量；Jackson 解析单独一轮先测，之后做一次垃圾回收、重置峰值，再测读取与评估；峰值堆、GC 为评分这一轮的）\n\n");
        BenchResult.Http h = r.http();
        b.append("HTTP：POST /api/assessments（").append(h.activities()).append(" 条活动，").append(h.packageBytes())
                .append(" 字节，保存到 H2，仅本机回环）\n");
        b.append(String.format("  %6s %8s %10s %10s %10s %8s%n", "并发", "请求数", "吞吐(次/秒)", "p50 ms", "p99 ms", "失败"));
        for (BenchResult.HttpLevel l : h.levels()) {
            b.append(String.format(Locale.ROOT, "  %6d %8d %10.1f %10.2f %10.2f %8d%n", l.clients(), l.requests(),
                    l.throughput(), l.latency().medianMs(), l.latency().p99Ms(), l.failures()));
        }
        b.append('\n');
        b.append("峰值堆：").append(mib(r.peakHeapBytes())).append(" MiB（各堆内存池峰值之和，最大堆 ")
                .append(mib(r.machine().maxHeapBytes())).append(" MiB）\n\n");
        b.append("目标\n");
        for (String g : goals(r)) {
            b.append("  - ").append(g).append('\n');
        }
        return b.toString();
    }

    public static String markdown(BenchResult r, String command) {
        StringBuilder b = new StringBuilder();
        Machine m = r.machine();
        b.append("## 结果（由 `civcheck bench` 生成）\n\n");
        b.append("命令：`").append(command).append("`\n\n");
        b.append("| 机器 | |\n|---|---|\n");
        b.append("| 处理器 | ").append(m.cpuModel()).append(" |\n");
        b.append("| 逻辑处理器 | ").append(m.processors()).append(" |\n");
        b.append("| 内存 | ").append(mib(m.memoryBytes())).append(" MiB |\n");
        b.append("| Java | ").append(m.java()).append(" |\n");
        b.append("| 最大堆 | ").append(mib(m.maxHeapBytes())).append(" MiB |\n");
        b.append("| 垃圾收集器 | ").append(m.collectors()).append(" |\n");
        b.append("| 系统 | ").append(m.os()).append(" |\n");
        b.append("| 负载均值（开始） | ").append(r.loadBefore()).append(" |\n");
        b.append("| 负载均值（结束） | ").append(r.loadAfter()).append(" |\n\n");
        b.append("### 规则库（KieBase）构建\n\n| 项目 | ms |\n|---|---|\n");
        b.append("| 冷启动（本 JVM 首次） | ").append(ms(r.kie().coldNanos())).append(" |\n");
        b.append("| 热重建中位数（").append(r.kie().warm().count()).append(" 次） | ").append(ms(r.kie().warm().median())).append(" |\n");
        b.append("| 热重建 p90 | ").append(ms(r.kie().warm().p90())).append(" |\n\n");
        b.append("### 读取与评分\n\n");
        b.append("毫秒，中位数 / p90。解析 = 普通 Jackson `ObjectMapper.readTree`；读取器 = `EvidencePackageReader.read`；"
                + "评估 = `Assessor.assess`（不含判定依据）；评分 = 读取器 + 评估（同一次运行）。比值取中位数之比。\n\n");
        b.append("| 活动数 | 字节数 | 预热+测量 | 解析 | 读取器 | 评估 | 评分 | 读取÷解析 | 评估÷解析 | 评分÷解析 | 评分 µs/条 | 峰值堆 MiB | 之后存活堆 MiB | GC 次数 / ms |\n");
        b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchResult.Scoring s : r.scoring()) {
            if (s.outOfMemory()) {
                b.append("| ").append(s.activities()).append(" | 内存不足（最大堆 ").append(mib(m.maxHeapBytes()))
                        .append(" MiB） | | | | | | | | | | ").append(mib(s.peakHeapBytes())).append(" | ").append(mib(s.liveAfterBytes())).append(" | |\n");
                continue;
            }
            b.append(String.format(Locale.ROOT, "| %d | %d | %d+%d | %s | %s | %s | %s | %.2f | %.2f | %.2f | %.1f | %d | %d | %d / %d |%n",
                    s.activities(), s.bytes(), s.warmups(), s.runs(), pair(s.parse()), pair(s.read()), pair(s.assess()),
                    pair(s.total()), s.readOverParse(), s.assessOverParse(), s.totalOverParse(),
                    s.totalMicrosPerActivity(), mib(s.peakHeapBytes()), mib(s.liveAfterBytes()), s.collections(), s.collectionMillis()));
        }
        BenchResult.Http h = r.http();
        b.append("\n### HTTP：POST /api/assessments\n\n");
        b.append(h.activities()).append(" 条活动的证据包（").append(h.packageBytes())
                .append(" 字节），`application/json`，保存到临时目录中的 H2；127.0.0.1 回环；先预热 ")
                .append(r.config().httpWarmups()).append(" 次。\n\n");
        b.append("| 并发 | 请求数 | 吞吐（次/秒） | p50 ms | p99 ms | 失败 |\n|---:|---:|---:|---:|---:|---:|\n");
        for (BenchResult.HttpLevel l : h.levels()) {
            b.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.2f | %.2f | %d |%n", l.clients(), l.requests(),
                    l.throughput(), l.latency().medianMs(), l.latency().p99Ms(), l.failures()));
        }
        b.append("\n峰值堆：").append(mib(r.peakHeapBytes())).append(" MiB（各堆内存池峰值之和，最大堆 ")
                .append(mib(m.maxHeapBytes())).append(" MiB）\n\n");
        b.append("### 目标\n\n");
        for (String g : goals(r)) {
            b.append("- ").append(g).append('\n');
        }
        return b.toString();
    }

    /** Each goal of the issue, met or missed or not measured, in one line. */
    static List<String> goals(BenchResult r) {
        List<String> out = new ArrayList<>();
        for (int size : new int[] {10_000, 100_000}) {
            Optional<BenchResult.Scoring> s = find(r, size);
            if (s.isEmpty() || s.get().outOfMemory()) {
                out.add(String.format("评分 ≤ %.0f× 解析（%d 条）：未测量", GOAL_RATIO, size));
                continue;
            }
            double ratio = s.get().totalOverParse();
            out.add(String.format(Locale.ROOT, "评分 ≤ %.0f× 解析（%d 条）：%s，评分÷解析 = %.2f（其中读取器 %.2f，评估 %.2f）",
                    GOAL_RATIO, size, ratio <= GOAL_RATIO ? "达成" : "未达成", ratio, s.get().readOverParse(),
                    s.get().assessOverParse()));
        }
        List<BenchResult.Scoring> linear = r.scoring().stream()
                .filter(s -> !s.outOfMemory() && s.activities() >= 1_000).toList();
        if (linear.size() < 2) {
            out.add("成本与活动数成线性：未测量（需要至少两个 ≥1,000 条的规模）");
        } else {
            BenchResult.Scoring first = linear.get(0);
            BenchResult.Scoring last = linear.get(linear.size() - 1);
            double growth = last.totalMicrosPerActivity() / first.totalMicrosPerActivity();
            out.add(String.format(Locale.ROOT, "成本与活动数成线性：%s，每条活动评分 %.1f µs（%d 条）→ %.1f µs（%d 条），增长 %.2f 倍（≤ %.1f 倍视为线性）",
                    growth <= LINEAR_TOLERANCE ? "达成" : "未达成", first.totalMicrosPerActivity(), first.activities(),
                    last.totalMicrosPerActivity(), last.activities(), growth, LINEAR_TOLERANCE));
        }
        Optional<BenchResult.Scoring> big = find(r, 100_000);
        long maxHeap = r.machine().maxHeapBytes();
        if (big.isEmpty()) {
            out.add("100,000 条在 512 MiB 堆内：未测量");
        } else if (big.get().outOfMemory()) {
            out.add("100,000 条在 512 MiB 堆内：未达成，最大堆 " + mib(maxHeap) + " MiB 时内存不足");
        } else if (maxHeap <= GOAL_HEAP + 16L * 1024 * 1024) {
            out.add("100,000 条在 512 MiB 堆内：达成，最大堆 " + mib(maxHeap) + " MiB 下完成（峰值 "
                    + mib(big.get().peakHeapBytes()) + " MiB）");
        } else {
            out.add("100,000 条在 512 MiB 堆内：未验证，本次最大堆 " + mib(maxHeap) + " MiB（峰值 "
                    + mib(big.get().peakHeapBytes()) + " MiB）；请用 -Xmx512m 运行");
        }
        return out;
    }

    private static Optional<BenchResult.Scoring> find(BenchResult r, int size) {
        return r.scoring().stream().filter(s -> s.activities() == size).findFirst();
    }

    private static String pair(Stats s) {
        return ms(s.median()) + " / " + ms(s.p90());
    }

    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms)
                : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    static long mib(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / (1024.0 * 1024.0));
    }
}
