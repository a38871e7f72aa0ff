package org.civcheck.engine.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A selection of the 台账 material of the period's activities, in the package's order;
 * taken with {@code from} like {@link Activities}, and not {@link Iterable} for the same reason.
 */
public final class Records {

    private static final Records NONE = new Records(List.of());

    private final List<RecordFact> items;

    private Records(List<RecordFact> items) {
        this.items = items;
    }

    static Records of(List<RecordFact> items) {
        return items.isEmpty() ? NONE : new Records(Collections.unmodifiableList(items));
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<RecordFact> list() {
        return items;
    }

    /** The activities they belong to, each once, in the package's order. */
    public Set<String> activityIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (RecordFact r : items) {
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

    private Records where(Predicate<RecordFact> test) {
        List<RecordFact> kept = new ArrayList<>();
        for (RecordFact r : items) {
            if (test.test(r)) {
                kept.add(r);
            }
        }
        return kept.size() == items.size() ? this : of(kept);
    }

    @Override
    public String toString() {
        return "Records[" + items.size() + "]";
    }
}
