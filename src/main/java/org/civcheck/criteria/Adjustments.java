package org.civcheck.criteria;

import java.util.List;

/**
 * The bonus and deduction items of a set ({@code adjustments.yaml}, optional) and the caps on
 * their sums over the whole set: null when the set gives none.
 */
public record Adjustments(List<Adjustment> items, Double bonusCap, Double deductionCap) {

    /** A set without bonus or deduction. */
    public static final Adjustments NONE = new Adjustments(List.of(), null, null);

    /** The file that holds them, beside the five of every set. */
    public static final String FILE = "adjustments.yaml";

    public Adjustments {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
