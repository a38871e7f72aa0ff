package org.civcheck.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a benchmark ran on: CPU model (from /proc/cpuinfo where there is one), logical
 * processors, physical memory, Java, maximum heap, garbage collectors, and the load average when
 * the benchmark started and ended (the machine may be shared with other work).
 */
public record Machine(String cpuModel, int processors, long memoryBytes, String java, long maxHeapBytes,
        String collectors, String os) {

    public static Machine describe() {
        String cpu = "未知";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: leave the model unknown
        }
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version",
                System.getProperty("java.version"));
        List<String> gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList();
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), memory, java, HeapWatch.maxHeapBytes(),
                String.join("、", gcs), System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
    }

    /** "1.23 0.98 0.77" from /proc/loadavg, else the JVM's one-minute figure. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? "未知" : String.format("%.2f", one);
        }
    }
}
