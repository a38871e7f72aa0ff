package org.civcheck.cli;

/** The command line's exit codes (shared/spec/assessment-result.md). */
final class ExitCodes {

    static final int READY = 0;
    static final int CHECKED_NOT_READY = 1;
    static final int NOT_CHECKED = 2;
    /** {@code serve} stopped itself after a failure it cannot recover from (out of memory, a failed database): restart it. */
    static final int FAILED_RESTART = 3;
    /** {@code serve} did not stop in time after SIGTERM and was halted. */
    static final int STOP_TIMED_OUT = 4;

    private ExitCodes() {}
}
