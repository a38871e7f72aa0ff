package org.civcheck.report.draft;

import java.util.List;

/** A {@code report.yaml} that cannot be used: every fault in it, each naming the file and the template key. */
public final class DraftTemplateException extends RuntimeException {

    private final List<String> faults;

    public DraftTemplateException(List<String> faults) {
        super(String.join("\n", faults));
        this.faults = List.copyOf(faults);
    }

    /** One line per fault, e.g. {@code criteria/provincial/report.yaml: 缺少模板 problems.lead}. */
    public List<String> faults() {
        return faults;
    }
}
