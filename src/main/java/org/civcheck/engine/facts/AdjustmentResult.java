package org.civcheck.engine.facts;

import java.util.List;

/** A bonus or deduction item after its cap: the points it adds (positive) or takes off (negative). */
public record AdjustmentResult(String item, String name, String direction, double points, String finding,
        List<String> evidence) {

    public AdjustmentResult {
        evidence = List.copyOf(evidence);
    }
}
