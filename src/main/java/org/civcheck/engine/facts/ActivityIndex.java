package org.civcheck.engine.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The period's activities of types the criteria know, and their 台账 material, held in one
 * fact instead of one fact each. A package may hold 100,000 activities; with one fact each,
 * every {@code accumulate} over them kept a tuple per activity per rule (about two million at
 * that size). Rules select from the index with {@code from}, which costs one pass per selection
 * and keeps nothing.
 *
 * <p>Activities outside the period, or of a type the criteria do not know, are not in it: no
 * indicator counts them (the reading warns about unknown types).
 */
public final class ActivityIndex {

    private final List<ActivityFact> activities;
    private final List<RecordFact> records;
    private final List<RecordFact> undated;
    private final Map<Set<String>, Activities> byTypes = new HashMap<>();
    /** Each activity's type as a small number, so that a selection scans an int array. */
    private final Map<String, Integer> typeCodes = new HashMap<>();
    private final int[] codes;

    public ActivityIndex(List<ActivityFact> activities, List<RecordFact> records, List<RecordFact> undated) {
        this.activities = List.copyOf(activities);
        this.records = List.copyOf(records);
        this.undated = List.copyOf(undated);
        codes = new int[this.activities.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = typeCodes.computeIfAbsent(this.activities.get(i).type(), t -> typeCodes.size());
        }
    }

    /** Every activity of the period of a known type. */
    public Activities all() {
        return Activities.of(activities);
    }

    /**
     * The activities of the period whose type is one of {@code types}. Many checks name the same
     * types (a group such as {@code @creation}), so each distinct set is selected once.
     */
    public Activities ofTypes(Set<String> types) {
        synchronized (byTypes) {
            return byTypes.computeIfAbsent(Set.copyOf(types), this::select);
        }
    }

    private Activities select(Set<String> types) {
        boolean[] wanted = new boolean[typeCodes.size()];
        for (String type : types) {
            Integer code = typeCodes.get(type);
            if (code != null) {
                wanted[code] = true;
            }
        }
        List<ActivityFact> kept = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            if (wanted[codes[i]]) {
                kept.add(activities.get(i));
            }
        }
        return Activities.of(kept);
    }

    /** All the dated material of the period's activities. */
    public Records records() {
        return Records.of(records);
    }

    /** The material of the period's activities that does not say when it was made. */
    public Records undatedRecords() {
        return Records.of(undated);
    }

    @Override
    public String toString() {
        return "ActivityIndex[" + activities.size() + " activities, " + records.size() + " dated and "
                + undated.size() + " undated records]";
    }
}
