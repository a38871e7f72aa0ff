package org.civcheck.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.ReadBudget;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.ledger.LedgerWriter;
import org.civcheck.ledger.SubmissionReader;

/**
 * Reading a 台账 workbook beside reading the same package as JSON: the synthetic package of
 * {@code rows} activities, read as JSON, written as a workbook, and both read again and again;
 * the median time and the bytes allocated per read of each, and their ratio (the goal: the
 * workbook within 5 times the JSON). The reading thread's CPU time is given beside the elapsed
 * time: on a machine shared with other work it swings far less (it leaves out the collector's
 * threads, whose work the elapsed time includes).
 */
public final class LedgerBench {

    /** One form's figures: its size, the median elapsed and thread CPU time of a read, and the bytes a read allocates. */
    public record Figures(long bytes, double medianMillis, double medianCpuMillis, long allocatedBytes) {}

    /** Both forms' figures for one package. */
    public record Result(int rows, Figures json, Figures workbook) {

        public double timeRatio() {
            return workbook.medianMillis() / json.medianMillis();
        }

        public double cpuRatio() {
            return workbook.medianCpuMillis() / json.medianCpuMillis();
        }

        public String text() {
            return String.format(Locale.ROOT, """
                    台账工作簿读取对比（%,d 行活动，各读 %d 次取中位数）
                      JSON      %,12d 字节  %8.1f ms（线程 CPU %8.1f ms）  每次分配 %,d 字节
                      工作簿    %,12d 字节  %8.1f ms（线程 CPU %8.1f ms）  每次分配 %,d 字节
                      工作簿 / JSON：时间 %.1f 倍，线程 CPU %.1f 倍，分配 %.1f 倍
                    """, rows, RUNS, json.bytes(), json.medianMillis(), json.medianCpuMillis(), json.allocatedBytes(),
                    workbook.bytes(), workbook.medianMillis(), workbook.medianCpuMillis(), workbook.allocatedBytes(),
                    timeRatio(), cpuRatio(), (double) workbook.allocatedBytes() / json.allocatedBytes());
        }
    }

    static final int WARMUP = 3;
    static final int RUNS = 7;

    private LedgerBench() {}

    public static Result run(int rows, PackageVocabulary vocabulary, Consumer<String> progress) {
        byte[] json = SyntheticPackages.json(rows);
        EvidencePackageReader packages = new EvidencePackageReader(ReadLimits.defaults());
        SubmissionReader submissions = new SubmissionReader(packages, ReadLimits.defaults());
        PackageReading read = packages.read(json, "bench.json", ReadBudget.NONE, vocabulary);
        if (!read.isAccepted()) {
            throw new IllegalStateException("the synthetic package is refused: " + read.faults());
        }
        byte[] workbook = LedgerWriter.export(read.evidence(), vocabulary);
        progress.accept("台账对比：JSON " + json.length + " 字节，工作簿 " + workbook.length + " 字节");
        Figures j = measure(json.length, () -> packages.read(json, "bench.json", ReadBudget.NONE, vocabulary));
        Figures w = measure(workbook.length, () -> submissions.read(workbook, "bench.xlsx", ReadBudget.NONE, vocabulary));
        return new Result(rows, j, w);
    }

    private static Figures measure(long bytes, Supplier<PackageReading> read) {
        for (int i = 0; i < WARMUP; i++) {
            accepted(read.get());
        }
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long allocated = 0;
        var threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < RUNS; i++) {
            long before = allocatedBytes();
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            accepted(read.get());
            times.add((System.nanoTime() - start) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            allocated += allocatedBytes() - before;
        }
        Collections.sort(times);
        Collections.sort(cpu);
        return new Figures(bytes, times.get(RUNS / 2), cpu.get(RUNS / 2), allocated / RUNS);
    }

    private static void accepted(PackageReading reading) {
        if (!reading.isAccepted()) {
            throw new IllegalStateException("refused in the benchmark: " + reading.faults());
        }
    }

    private static long allocatedBytes() {
        var threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean sun) {
            return sun.getCurrentThreadAllocatedBytes();
        }
        return 0;
    }
}
