package org.civcheck.engine.facts;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Month arithmetic over a period, for the regularity rules. Measures; never compares with a threshold. */
public final class Calendar {

    private Calendar() {}

    /**
     * The longest run of consecutive months of the period with no month in {@code covered}
     * (a period with nothing covered: all its months).
     */
    public static int longestGap(List<String> periodMonths, Collection<String> covered) {
        Set<String> set = Set.copyOf(covered);
        int longest = 0;
        int run = 0;
        for (String m : periodMonths) {
            run = set.contains(m) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** The months of the longest run of months of the period with no month in {@code covered}. */
    public static List<String> longestGapMonths(List<String> periodMonths, Collection<String> covered) {
        Set<String> set = Set.copyOf(covered);
        int bestStart = 0;
        int bestLength = 0;
        int start = 0;
        for (int i = 0; i < periodMonths.size(); i++) {
            if (set.contains(periodMonths.get(i))) {
                start = i + 1;
            } else if (i - start + 1 > bestLength) {
                bestStart = start;
                bestLength = i - start + 1;
            }
        }
        return periodMonths.subList(bestStart, bestStart + bestLength);
    }

    /** The months of the period not in {@code covered}, in order. */
    public static List<String> missing(List<String> periodMonths, Collection<String> covered) {
        Set<String> set = Set.copyOf(covered);
        return periodMonths.stream().filter(m -> !set.contains(m)).toList();
    }
}
