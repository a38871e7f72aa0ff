package org.civcheck.cli;

import static org.civcheck.cli.CheckCommandTest.civcheck;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.civcheck.web.ScoringLimiter;
import org.junit.jupiter.api.Test;

/** {@code serve --scoring-memory} and {@code --scoring-wait}: what they set, and what they refuse before starting. */
class ServeOptionsTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void withoutOptionsTheBudgetIsHalfTheHeapAndTheWaitFiveSeconds() {
        ScoringLimiter limiter = ServeCommand.scoringLimiter(null, 5);

        assertEquals(Runtime.getRuntime().maxMemory() / 2 / 1024 * 1024, limiter.budgetBytes());
        assertEquals(Duration.ofSeconds(5), limiter.waitLimit());
    }

    @Test
    void theOptionsSetTheBudgetInMibAndTheWaitInSeconds() {
        ScoringLimiter limiter = ServeCommand.scoringLimiter(64L, 0);

        assertEquals(64 * MIB, limiter.budgetBytes());
        assertEquals(Duration.ZERO, limiter.waitLimit());
    }

    @Test
    void aBudgetThatIsNotPositiveOrOverTheHeapOrANegativeWaitIsRefused() {
        long heapMib = Runtime.getRuntime().maxMemory() / MIB;
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.scoringLimiter(0L, 5));
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.scoringLimiter(15L, 5));
        ServeCommand.scoringLimiter(16L, 5);
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.scoringLimiter(heapMib + 1, 5));
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.scoringLimiter(Long.MAX_VALUE, 5));
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.scoringLimiter(64L, -1));
    }

    @Test
    void serveRefusesToStartWithABadScoringBudgetAndSaysWhyInChinese() {
        CheckCommandTest.Run run = civcheck("serve", "--port", "0", "--scoring-memory", "0");

        assertEquals(ExitCodes.NOT_CHECKED, run.exit());
        assertTrue(run.err().contains("拒绝启动") && run.err().contains("--scoring-memory"), run.err());
    }

    @Test
    void serveHelpListsTheScoringOptions() {
        CheckCommandTest.Run run = civcheck("serve", "--help");

        assertTrue(run.out().contains("--scoring-memory") && run.out().contains("--scoring-wait"), run.out());
    }
}
