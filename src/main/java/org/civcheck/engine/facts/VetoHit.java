package org.civcheck.engine.facts;

import java.util.List;

/** A veto (一票否决) that fired, with the incidents that fired it. */
public record VetoHit(String veto, String name, String finding, List<String> evidence) {

    public VetoHit {
        evidence = List.copyOf(evidence);
    }
}
