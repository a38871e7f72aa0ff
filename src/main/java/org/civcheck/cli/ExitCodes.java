package org.civcheck.cli;

/** The command line's exit codes (shared/spec/assessment-result.md). */
final class ExitCodes {

    static final int READY = 0;
    static final int CHECKED_NOT_READY = 1;
    static final int NOT_CHECKED = 2;

    private ExitCodes() {}
}
