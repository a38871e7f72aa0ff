package org.civcheck.engine.facts;

import java.util.List;

/** A shortfall to close before the inspection: the points it costs and why. */
public record GapFact(String indicator, String problem, double pointsAtStake, String message, boolean blocking,
        List<String> evidence) {

    public GapFact {
        evidence = List.copyOf(evidence);
    }
}
