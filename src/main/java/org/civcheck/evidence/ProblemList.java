package org.civcheck.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers input problems, keeping the first {@value #SHOWN}: a package wrong in every one of
 * its 200,000 activities needs a short list and a count, not 200,000 lines.
 */
final class ProblemList {

    static final int SHOWN = 100;

    private final List<InputProblem> shown = new ArrayList<>();
    private int left;

    void add(InputProblem problem) {
        if (shown.size() < SHOWN) {
            shown.add(problem);
        } else {
            left++;
        }
    }

    void add(String path, String message) {
        add(new InputProblem(path, message));
    }

    void addAll(List<InputProblem> problems) {
        problems.forEach(this::add);
    }

    /** Counts {@code n} problems that were never made, as they could not have been shown. */
    void addLeftOut(int n) {
        left += n;
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }

    /** The problems kept, followed by a count of the ones left out, if any. */
    List<InputProblem> toList() {
        List<InputProblem> all = new ArrayList<>(shown);
        if (left > 0) {
            all.add(new InputProblem(JsonPaths.ROOT, "另有 " + left + " 处问题未列出"));
        }
        return all;
    }
}
