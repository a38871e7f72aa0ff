package org.civcheck.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Bounds the heap that package readings and scorings in flight may take together, so that a few
 * big uploads at once cannot exhaust it for everyone ({@code OutOfMemoryError}).
 *
 * <p>The budget is a number of bytes of estimated heap ({@link ScoringCost}), counted in KiB: a
 * scoring takes as much as its package is estimated to need, so one big package may take what a
 * hundred small ones would. A scoring that finds too little room waits at most {@link #waitLimit()}
 * and is then refused with {@link ServiceBusyException}, before anything is stored. An estimate
 * larger than the whole budget is clamped to it: that scoring runs alone.
 *
 * <p>Room is granted in order of arrival (a big package is not starved by a stream of small ones),
 * except that a scoring already admitted which needs more once its package is read
 * ({@link Permit#resize}) goes before every newcomer; if it must wait, it gives back what it holds
 * while it waits, so that two scorings never each hold room while waiting for the other's.
 *
 * <pre>{@code
 * try (ScoringLimiter.Permit permit = limiter.admit(ScoringCost.ofUpload(bytes.length))) {
 *     PackageReading reading = reader.read(bytes, name, ScoringCost.readBudget(permit, bytes.length)); // resizes
 *     permit.resize(ScoringCost.ofEvidence(reading.evidence(), bytes.length)); // may wait, or refuse
 *     ... assess, store ...
 * }
 * }</pre>
 */
public final class ScoringLimiter {

    /** How long a scoring waits for room by default before it is refused. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private static final long KIB = 1024;

    /** Called once a scoring is admitted, on its thread, while it holds its room; tests use it to keep one in flight. */
    @FunctionalInterface
    public interface Hook {
        void admitted(long bytes);
    }

    /** A scoring waiting for {@code kib}. */
    private static final class Waiter {
        final long kib;

        Waiter(long kib) {
            this.kib = kib;
        }
    }

    private final long budgetKib;
    private final Duration wait;
    private final Hook hook;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Admitted scorings waiting for more room: served before {@link #arrivals}. */
    private final ArrayDeque<Waiter> growing = new ArrayDeque<>();
    private final ArrayDeque<Waiter> arrivals = new ArrayDeque<>();
    private long availableKib;

    /**
     * A limiter of {@code budgetBytes} (at least 1 MiB) whose scorings wait at most {@code wait} for
     * room, calling {@code hook} (may be null) once each is admitted.
     */
    public ScoringLimiter(long budgetBytes, Duration wait, Hook hook) {
        if (budgetBytes < 1024 * KIB) {
            throw new IllegalArgumentException("A scoring budget must be at least 1 MiB, was " + budgetBytes + " bytes.");
        }
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("A scoring wait cannot be negative, was " + wait + ".");
        }
        this.budgetKib = budgetBytes / KIB;
        this.availableKib = budgetKib;
        this.wait = wait;
        this.hook = hook;
    }

    public ScoringLimiter(long budgetBytes, Duration wait) {
        this(budgetBytes, wait, null);
    }

    /** The default limiter: half the JVM's maximum heap ({@link #defaultBudgetBytes()}), waiting {@link #DEFAULT_WAIT}. */
    public static ScoringLimiter defaults() {
        return new ScoringLimiter(defaultBudgetBytes(), DEFAULT_WAIT);
    }

    /**
     * Half the JVM's maximum heap ({@code -Xmx}): the other half is for what the service holds
     * anyway (the compiled rules of every criteria set, uploads being received, pages, the
     * database's cache) and for the collector's headroom. The estimates are already on the
     * generous side (see {@link ScoringCost}).
     */
    public static long defaultBudgetBytes() {
        return Math.max(1024 * KIB, Runtime.getRuntime().maxMemory() / 2);
    }

    public long budgetBytes() {
        return budgetKib * KIB;
    }

    public Duration waitLimit() {
        return wait;
    }

    /** How many scorings are waiting for room now. */
    public int waiting() {
        lock.lock();
        try {
            return growing.size() + arrivals.size();
        } finally {
            lock.unlock();
        }
    }

    /** The estimated bytes of the scorings in flight now. */
    public long inUseBytes() {
        lock.lock();
        try {
            return (budgetKib - availableKib) * KIB;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits (at most {@link #waitLimit()}) for room for a scoring estimated at {@code bytes}, clamped
     * to the budget.
     *
     * @throws ServiceBusyException when there is no room in time
     */
    public Permit admit(long bytes) {
        long kib = kib(bytes);
        acquire(arrivals, kib);
        Permit permit = new Permit(kib);
        if (hook != null) {
            try {
                hook.admitted(permit.heldBytes());
            } catch (RuntimeException | Error e) {
                permit.close();
                throw e;
            }
        }
        return permit;
    }

    /** KiB for an estimate: at least 1, at most the whole budget. */
    private long kib(long bytes) {
        long kib = Math.max(1, (Math.max(0, bytes) + KIB - 1) / KIB);
        return Math.min(kib, budgetKib);
    }

    /**
     * Takes {@code kib} once this waiter is first in line (every growing scoring before any arrival)
     * and there is room; at most {@link #waitLimit()}.
     */
    private void acquire(ArrayDeque<Waiter> line, long kib) {
        lock.lock();
        try {
            acquireLocked(line, kib, 0);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #acquire} with the lock held, giving back {@code giveBackKib} first: in one step with
     * joining the line, so that no newcomer can take what a growing scoring gives back.
     */
    private void acquireLocked(ArrayDeque<Waiter> line, long kib, long giveBackKib) {
        Waiter me = new Waiter(kib);
        long remaining = wait.toNanos();
        if (giveBackKib > 0) {
            availableKib += giveBackKib;
            changed.signalAll(); // the first in line may fit now (never a newcomer: this one goes first)
        }
        line.addLast(me);
        try {
            while (!(next() == me && availableKib >= kib)) {
                if (remaining <= 0) {
                    throw new ServiceBusyException(retryAfterSeconds());
                }
                remaining = changed.awaitNanos(remaining);
            }
            availableKib -= kib;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceBusyException(retryAfterSeconds());
        } finally {
            line.remove(me);
            // The next in line may fit now, or be first now that this one left.
            changed.signalAll();
        }
    }

    /** Who is served next: the first growing scoring, else the first arrival. */
    private Waiter next() {
        return growing.isEmpty() ? arrivals.peekFirst() : growing.peekFirst();
    }

    private void release(long kib) {
        if (kib == 0) {
            return;
        }
        lock.lock();
        try {
            availableKib += kib;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What a refused client is told to wait before trying again: the wait limit, at least a second. */
    long retryAfterSeconds() {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** The room one scoring holds; given back on {@link #close()}, once. Used by one thread. */
    public final class Permit implements AutoCloseable {

        private long heldKib;
        private boolean closed;

        private Permit(long kib) {
            this.heldKib = kib;
        }

        public long heldBytes() {
            return heldKib * KIB;
        }

        /**
         * Holds room for a better estimate, now that the package has been read (clamped to the
         * budget): gives back what is over it, or takes the rest. When the rest is not free, gives
         * back everything while it waits (at most {@link #waitLimit()}, before every newcomer).
         *
         * @throws ServiceBusyException when the room cannot be had in time; the permit is closed then
         */
        public void resize(long bytes) {
            if (closed) {
                throw new IllegalStateException("The permit was given back already.");
            }
            long kib = kib(bytes);
            if (kib <= heldKib) {
                release(heldKib - kib);
                heldKib = kib;
                return;
            }
            lock.lock();
            try {
                if (growing.isEmpty() && availableKib >= kib - heldKib) {
                    availableKib -= kib - heldKib;
                    heldKib = kib;
                    return;
                }
                // Wait holding nothing: a scoring that holds room while waiting for more could
                // wait forever on another that does the same.
                long giveBack = heldKib;
                heldKib = 0;
                try {
                    acquireLocked(growing, kib, giveBack);
                } catch (ServiceBusyException e) {
                    closed = true;
                    throw e;
                }
                heldKib = kib;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(heldKib);
                heldKib = 0;
            }
        }
    }
}
