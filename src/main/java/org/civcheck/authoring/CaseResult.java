package org.civcheck.authoring;

import java.util.List;
import org.civcheck.engine.Assessment;
import org.civcheck.evidence.InputProblem;

/**
 * One case run: the result checking its package gave (with explanation) and every difference from
 * what the case expects, each a Chinese sentence; none when the case passes.
 */
record CaseResult(CriteriaTestCase testCase, Assessment assessment, List<String> differences,
        List<InputProblem> warnings) {

    CaseResult {
        differences = List.copyOf(differences);
        warnings = List.copyOf(warnings);
    }

    boolean passed() {
        return differences.isEmpty();
    }
}
