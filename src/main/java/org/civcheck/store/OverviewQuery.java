package org.civcheck.store;

import java.time.OffsetDateTime;

/**
 * Which units the overview lists and in what order.
 *
 * @param region          a region's id: the units in it and below; null for every unit (an author's view)
 * @param level           a 文明单位 level (municipal…); null for any
 * @param verdict         a verdict word, or {@link #UNCHECKED} for units never checked; null for any
 * @param notCheckedSince units whose latest check is before this time, or that were never checked; null for any
 * @param gapKind         with {@code gapCode}: units whose latest check has a gap on that indicator
 *                        ({@code indicator}) or problem class ({@code problem}); null for any
 */
public record OverviewQuery(String region, String level, String verdict, OffsetDateTime notCheckedSince,
        String gapKind, String gapCode, Sort sort, boolean descending) {

    /** The verdict filter's word for units with no check yet. */
    public static final String UNCHECKED = "unchecked";
    public static final String INDICATOR = ResultDigest.INDICATOR;
    public static final String PROBLEM = ResultDigest.PROBLEM;

    /** The orders of the list; units without a check come last in each, then by id. */
    public enum Sort {
        /** The worst verdict first (一票否决, 难以通过, 存在风险, 可以通过), then the lowest score. */
        VERDICT,
        NAME,
        SCORE,
        /** Date of the latest check. */
        CHECKED,
        /** Points gained or lost since the check before. */
        CHANGE
    }

    /** Every unit (in {@code region}), the worst first. */
    public static OverviewQuery of(String region) {
        return new OverviewQuery(region, null, null, null, null, null, Sort.VERDICT, false);
    }

    public OverviewQuery withGap(String kind, String code) {
        return new OverviewQuery(region, level, verdict, notCheckedSince, kind, code, sort, descending);
    }

    public OverviewQuery withVerdict(String verdict) {
        return new OverviewQuery(region, level, verdict, notCheckedSince, gapKind, gapCode, sort, descending);
    }
}
