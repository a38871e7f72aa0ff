package org.civcheck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.civcheck.evidence.ReadBudget;
import org.junit.jupiter.api.Test;

/** What the service charges a reading for, step by step, and what it refuses outright. */
class ScoringCostTest {

    private static final long MIB = 1024 * 1024;

    private final ScoringLimiter limiter = new ScoringLimiter(1024 * MIB, Duration.ofMillis(100));

    @Test
    void readingIntoRecordsAndTheStrictWayAreChargedWhenTheReaderSaysSo() {
        try (ScoringLimiter.Permit permit = limiter.admit(ScoringCost.ofUpload(2 * MIB))) {
            ReadBudget budget = ScoringCost.readBudget(permit, 2 * MIB, 4096 * MIB);

            budget.beforeRecords(2 * MIB);
            assertEquals(ScoringCost.ofRecords(2 * MIB, 2 * MIB), permit.heldBytes());
            budget.beforeTree(2 * MIB);
            assertEquals(ScoringCost.ofTree(2 * MIB, 2 * MIB), permit.heldBytes());
            assertTrue(permit.heldBytes() > ScoringCost.ofRecords(2 * MIB, 2 * MIB), "a tree costs more than records");
        }
    }

    @Test
    void aTreeThatWouldNotFitInTheHeapIsRefusedNotBuilt() {
        try (ScoringLimiter.Permit permit = limiter.admit(ScoringCost.ofUpload(60 * MIB))) {
            ReadBudget budget = ScoringCost.readBudget(permit, 60 * MIB, 512 * MIB);
            budget.beforeRecords(60 * MIB); // records of 60 MB of JSON fit (clamped to the budget)

            TooLargeToScoreException refused = assertThrows(TooLargeToScoreException.class,
                    () -> budget.beforeTree(60 * MIB));

            assertTrue(refused.detail().contains("超过本服务能用的全部内存 512 MB"), refused.detail());
            assertFalse(refused.detail().matches("(?s).*(JSON|MiB|Java|civcheck).*"), refused.detail());
            assertTrue(refused.detail().contains("未保存任何内容"), refused.detail());
        }
    }
}
