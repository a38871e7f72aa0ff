package org.civcheck.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use over a stretch of the benchmark: the peak of every heap memory pool since
 * {@link #start()}, summed (an upper bound, as the pools need not peak at the same moment), and
 * the collections and collection time the garbage collectors report meanwhile.
 */
final class HeapWatch {

    private long gcCount;
    private long gcMillis;

    /** Collects garbage (so the stretch starts from live data only) and resets the pools' peaks. */
    static HeapWatch start() {
        System.gc();
        HeapWatch w = new HeapWatch();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                pool.resetPeakUsage();
            }
        }
        w.gcCount = gcCount();
        w.gcMillis = gcMillis();
        return w;
    }

    /** Summed peak bytes of the heap pools since {@link #start()}. */
    long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    long collections() {
        return gcCount() - gcCount;
    }

    long collectionMillis() {
        return gcMillis() - gcMillis;
    }

    /** Heap in use right after a full collection: what is still reachable. */
    static long liveBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }

    private static long gcMillis() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionTime());
        }
        return n;
    }
}
