package org.civcheck.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * One criteria test case: a package — a base package file with a few changes, or one written
 * inline — and what checking it must give.
 *
 * @param file   the case file, as it is named in messages
 * @param line   where the case starts in it
 * @param base   the base package file (relative paths already resolved against the case file), or null
 * @param inline the package written in the case itself, or null
 * @param asOf   the day the package is checked as of (a check before the period's end), or null: the whole period
 */
record CriteriaTestCase(String name, String file, int line, Path base, JsonNode inline, List<PackageEdit> changes,
        Expectation expect, java.time.LocalDate asOf) {

    CriteriaTestCase {
        changes = List.copyOf(changes);
    }

    /** Where the case is written: {@code criteria/provincial/tests/plans.yaml:12}. */
    String where() {
        return file + ":" + line;
    }
}
