package org.civcheck.engine.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A selection of the period's activities, in the package's order, that a rule takes with
 * {@code from}: {@code $acts : Activities() from $ix.ofTypes($types)}. Each narrowing method
 * keeps the activities matching one plain fact about them and returns a new selection; what
 * counts as enough is for the rules to say.
 *
 * <p>A rule that needs a test of its own on each activity writes
 * {@code accumulate( ActivityFact(…) from $acts.list(); … )}.
 */
public final class Activities extends Selection<ActivityFact, Activities> {

    private List<String> ids;
    private Set<String> months;

    private Activities(List<ActivityFact> items) {
        super(items, Activities::new);
    }

    static Activities of(List<ActivityFact> items) {
        return new Activities(items);
    }

    /** Their ids, in the package's order. */
    public synchronized List<String> ids() {
        if (ids == null) {
            List<String> list = new ArrayList<>(size());
            for (ActivityFact a : list()) {
                list.add(a.id());
            }
            ids = Collections.unmodifiableList(list);
        }
        return ids;
    }

    /** The months they took place in, "2025-03", in calendar order. */
    public synchronized Set<String> months() {
        if (months == null) {
            Set<String> set = new TreeSet<>();
            for (ActivityFact a : list()) {
                set.add(a.month());
            }
            months = Collections.unmodifiableSet(set);
        }
        return months;
    }

    /** Their distinct types, in order of first appearance. */
    public Set<String> types() {
        Set<String> types = new LinkedHashSet<>();
        for (ActivityFact a : list()) {
            types.add(a.type());
        }
        return types;
    }

    /** Those arranged by one of {@code organizers}; an empty set leaves the selection as it is. */
    public Activities organizedBy(Set<String> organizers) {
        return organizers.isEmpty() ? this : where(a -> organizers.contains(a.organizer()));
    }

    /** Those tagged {@code featured}. */
    public Activities featured() {
        return where(ActivityFact::featured);
    }

    /** Those that record attendance by department. */
    public Activities withAttendance() {
        return where(ActivityFact::hasAttendance);
    }

    /** Those with volunteer hours recorded. */
    public Activities withVolunteerHours() {
        return where(a -> a.volunteerHours() > 0);
    }

    /** Those held in the {@code days} days before the inspection (0 ≤ days before &lt; {@code days}). */
    public Activities inDaysBeforeInspection(int days) {
        return where(a -> a.daysBeforeInspection() >= 0 && a.daysBeforeInspection() < days);
    }

    /** The average number of participants, 0 for none. */
    public double averageParticipants() {
        if (isEmpty()) {
            return 0;
        }
        long sum = 0;
        for (ActivityFact a : list()) {
            sum += a.participants();
        }
        return (double) sum / size();
    }

    /** Their volunteer hours added up. */
    public double volunteerHours() {
        double sum = 0;
        for (ActivityFact a : list()) {
            sum += a.volunteerHours();
        }
        return sum;
    }
}
