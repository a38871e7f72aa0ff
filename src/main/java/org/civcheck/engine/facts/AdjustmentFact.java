package org.civcheck.engine.facts;

import java.util.List;

/**
 * What the rules of a bonus or deduction item found: {@code points} to add (a bonus) or take off
 * (a deduction), not yet capped, 0 when nothing applies; and why.
 */
public record AdjustmentFact(String item, double points, String finding, List<String> evidence) {

    public AdjustmentFact {
        evidence = List.copyOf(evidence);
    }
}
