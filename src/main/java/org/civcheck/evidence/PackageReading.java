package org.civcheck.evidence;

import java.util.List;

/**
 * What reading a package gave: the package and its warnings, or the faults that refused it.
 * Exactly one of {@code evidence} and a non-empty {@code faults} is present.
 */
public record PackageReading(EvidencePackage evidence, List<InputProblem> warnings, List<InputProblem> faults) {

    public PackageReading {
        warnings = List.copyOf(warnings);
        faults = List.copyOf(faults);
    }

    public static PackageReading accepted(EvidencePackage evidence, List<InputProblem> warnings) {
        return new PackageReading(evidence, warnings, List.of());
    }

    public static PackageReading refused(List<InputProblem> faults) {
        return new PackageReading(null, List.of(), faults);
    }

    public boolean isAccepted() {
        return faults.isEmpty();
    }
}
