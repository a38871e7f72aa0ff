package org.civcheck.engine.facts;

import java.util.List;

/**
 * An outcome beside the verdict that a deduction item's rules reached (黄牌警告, 限期整改): its
 * name as the criteria write it, and why.
 */
public record OutcomeFact(String item, String outcome, String finding, List<String> evidence) {

    public OutcomeFact {
        evidence = List.copyOf(evidence);
    }
}
