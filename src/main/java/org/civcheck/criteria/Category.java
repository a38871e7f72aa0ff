package org.civcheck.criteria;

import java.util.List;

/** A 测评项目: a group of indicators whose scores add up to at most {@code max}. */
public record Category(String id, String name, double max, List<Indicator> indicators) {

    public Category {
        indicators = List.copyOf(indicators);
    }
}
