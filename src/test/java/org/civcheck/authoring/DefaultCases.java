package org.civcheck.authoring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/**
 * The project's criteria, rules and test cases, loaded and run once for all tests here (one
 * rule-base build, a couple of seconds).
 */
final class DefaultCases {

    static final Path CRITERIA = Path.of("criteria/provincial");
    static final Path RULES = Path.of("rules");
    static final Path LIBRARY = Path.of("examples/well-run-library.json").toAbsolutePath();

    private static CriteriaTests tests;
    private static TestRun run;

    private DefaultCases() {}

    static synchronized CriteriaTests tests() {
        if (tests == null) {
            CriteriaTests.Loading loading = CriteriaTests.load(CRITERIA, RULES);
            assertTrue(loading.isLoaded(), () -> "the default criteria, rules and cases load: " + loading.problems());
            tests = loading.tests();
        }
        return tests;
    }

    static synchronized TestRun run() {
        if (run == null) {
            run = tests().run();
        }
        return run;
    }
}
