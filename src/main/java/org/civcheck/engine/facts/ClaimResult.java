package org.civcheck.engine.facts;

import java.util.List;

/**
 * How a self-rated indicator's claim counts: what the unit claimed (null: none), what counts toward
 * the score, and what is wrong with the claim.
 */
public record ClaimResult(String indicator, Double claimed, double counted, List<String> flags) {

    public ClaimResult {
        flags = List.copyOf(flags);
    }
}
