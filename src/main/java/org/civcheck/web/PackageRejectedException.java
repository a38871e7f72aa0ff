package org.civcheck.web;

import java.util.List;
import org.civcheck.evidence.InputProblem;

/** The package was refused: nothing was stored; the faults say why, each with its JSON path. */
public final class PackageRejectedException extends RuntimeException {

    private final List<InputProblem> faults;

    public PackageRejectedException(List<InputProblem> faults) {
        super("证据包不符合格式要求（" + faults.size() + " 处）");
        this.faults = List.copyOf(faults);
    }

    public List<InputProblem> faults() {
        return faults;
    }
}
