package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limiter's bookkeeping, without HTTP; no assertion is about a duration. */
class ScoringLimiterTest {

    private static final long MIB = 1024 * 1024;
    private static final Duration LONG = Duration.ofSeconds(120);

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
    }

    @Test
    void aScoringHoldsItsEstimateAndGivesItBackOnce() {
        ScoringLimiter limiter = new ScoringLimiter(10 * MIB, Duration.ZERO);

        ScoringLimiter.Permit permit = limiter.admit(3 * MIB);
        assertEquals(3 * MIB, limiter.inUseBytes());
        permit.close();
        permit.close();

        assertEquals(0, limiter.inUseBytes());
    }

    @Test
    void anEstimateOverTheBudgetIsClampedSoThatItRunsAlone() {
        ScoringLimiter limiter = new ScoringLimiter(10 * MIB, Duration.ZERO);

        try (ScoringLimiter.Permit permit = limiter.admit(50 * MIB)) {
            assertEquals(10 * MIB, permit.heldBytes());
            assertThrows(ServiceBusyException.class, () -> limiter.admit(1));
        }
        limiter.admit(1).close();
    }

    @Test
    void whenFullANewcomerIsRefusedWithRetryAfterAtLeastASecond() {
        ScoringLimiter limiter = new ScoringLimiter(10 * MIB, Duration.ZERO);
        try (ScoringLimiter.Permit held = limiter.admit(8 * MIB)) {
            ServiceBusyException busy = assertThrows(ServiceBusyException.class, () -> limiter.admit(3 * MIB));

            assertEquals(1, busy.retryAfterSeconds());
            assertEquals(8 * MIB, limiter.inUseBytes(), "a refusal takes nothing");
            limiter.admit(2 * MIB).close();
        }
    }

    @Test
    void resizingDownGivesBackAndResizingUpTakesWhatIsFree() {
        ScoringLimiter limiter = new ScoringLimiter(10 * MIB, Duration.ZERO);
        try (ScoringLimiter.Permit permit = limiter.admit(6 * MIB)) {
            permit.resize(2 * MIB);
            assertEquals(2 * MIB, limiter.inUseBytes());

            permit.resize(9 * MIB);
            assertEquals(9 * MIB, limiter.inUseBytes());
        }
        assertEquals(0, limiter.inUseBytes());
    }

    @Test
    void aResizeThatCannotBeHadClosesThePermitAndHoldsNothing() {
        ScoringLimiter limiter = new ScoringLimiter(10 * MIB, Duration.ZERO);
        try (ScoringLimiter.Permit other = limiter.admit(5 * MIB)) {
            ScoringLimiter.Permit permit = limiter.admit(4 * MIB);

            assertThrows(ServiceBusyException.class, () -> permit.resize(8 * MIB));

            assertEquals(5 * MIB, limiter.inUseBytes());
            permit.close();
            assertEquals(5 * MIB, limiter.inUseBytes());
        }
    }

    /**
     * Two scorings admitted for reading both need more once read, more than is left: each gives back
     * what it holds while it waits, so the first goes on, then the second. Were each to hold its
     * room while waiting for the other's, neither would ever go on.
     */
    @Test
    void twoScoringsGrowingAtOnceDoNotWaitOnEachOther() throws Exception {
        ScoringLimiter limiter = new ScoringLimiter(10 * MIB, LONG);
        ScoringLimiter.Permit a = limiter.admit(4 * MIB);
        ScoringLimiter.Permit b = limiter.admit(4 * MIB);

        Future<?> aGrows = pool.submit(() -> {
            a.resize(7 * MIB); // 2 MiB free: gives back its 4 and waits for 7 (6 free)
            return null;
        });
        awaitWaiting(limiter, 1);
        Future<?> bGrows = pool.submit(() -> {
            b.resize(6 * MIB); // a waits first: gives back its 4 and waits behind a
            return null;
        });

        aGrows.get(60, TimeUnit.SECONDS); // a has 7 of 10 once b gave back
        assertEquals(7 * MIB, a.heldBytes());
        assertFalse(bGrows.isDone(), "b waits for 6 while 3 are free");
        a.close();
        bGrows.get(60, TimeUnit.SECONDS);
        assertEquals(6 * MIB, limiter.inUseBytes());
        b.close();
        assertEquals(0, limiter.inUseBytes());
    }

    /** A scoring already admitted that needs more is served before scorings that arrived after it. */
    @Test
    void aGrowingScoringGoesBeforeNewcomers() throws Exception {
        ScoringLimiter limiter = new ScoringLimiter(10 * MIB, LONG);
        ScoringLimiter.Permit running = limiter.admit(6 * MIB);
        ScoringLimiter.Permit growing = limiter.admit(3 * MIB);
        Future<ScoringLimiter.Permit> newcomer = pool.submit(() -> limiter.admit(4 * MIB));
        awaitWaiting(limiter, 1); // 1 MiB free
        Future<?> grows = pool.submit(() -> {
            growing.resize(5 * MIB); // gives back its 3: 4 free, what the newcomer wants, but it waits
            return null;
        });
        awaitWaiting(limiter, 2);
        assertFalse(newcomer.isDone(), "the newcomer does not take what the growing scoring gave back");

        running.close(); // 10 free: the growing one (5) first, then the newcomer (4) fits too

        grows.get(60, TimeUnit.SECONDS);
        ScoringLimiter.Permit admitted = newcomer.get(60, TimeUnit.SECONDS);
        assertEquals(9 * MIB, limiter.inUseBytes());
        admitted.close();
        growing.close();
        assertEquals(0, limiter.inUseBytes());
    }

    private static void awaitWaiting(ScoringLimiter limiter, int n) throws InterruptedException {
        for (int i = 0; i < 6_000 && limiter.waiting() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, limiter.waiting());
    }
}
