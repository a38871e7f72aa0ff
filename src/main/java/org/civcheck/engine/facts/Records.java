package org.civcheck.engine.facts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A selection of the 台账 material of the period's activities, in the package's order;
 * taken with {@code from} like {@link Activities}.
 */
public final class Records extends Selection<RecordFact, Records> {

    private Records(List<RecordFact> items) {
        super(items, Records::new);
    }

    static Records of(List<RecordFact> items) {
        return new Records(items);
    }

    /** The activities they belong to, each once, in the package's order. */
    public Set<String> activityIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (RecordFact r : list()) {
            ids.add(r.activityId());
        }
        return ids;
    }

    /** Those of activities whose type is one of {@code types}; an empty set leaves the selection as it is. */
    public Records ofTypes(Set<String> types) {
        return types.isEmpty() ? this : where(r -> types.contains(r.activityType()));
    }

    /** Those dated more than {@code days} days after their activity. */
    public Records laterThan(int days) {
        return where(r -> r.lagDays() > days);
    }

    /** Those dated in the {@code days} days before the inspection (0 ≤ days before &lt; {@code days}). */
    public Records inDaysBeforeInspection(int days) {
        return where(r -> r.daysBeforeInspection() >= 0 && r.daysBeforeInspection() < days);
    }
}
