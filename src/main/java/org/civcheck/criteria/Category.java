package org.civcheck.criteria;

import java.util.List;

/**
 * A 测评项目: a group of indicators whose scores add up to at most {@code max}.
 *
 * @param max the most the category's applicable indicators can score: in a loaded set, the sum of
 *     their points (an overlay's not-applicable indicators are left out of it)
 */
public record Category(String id, String name, double max, List<Indicator> indicators) {

    public Category {
        indicators = List.copyOf(indicators);
    }

    /** The indicators that are scored, in order. */
    public List<Indicator> applicableIndicators() {
        return indicators.stream().filter(Indicator::applicable).toList();
    }
}
