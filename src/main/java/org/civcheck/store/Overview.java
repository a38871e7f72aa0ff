package org.civcheck.store;

import java.util.List;
import java.util.Map;

/**
 * A page of the overview, and the numbers of the whole selection: how many units have each
 * verdict (with {@link OverviewQuery#UNCHECKED}; counted without the verdict filter, so the chart
 * keeps showing the spread) and the indicators and problem classes most units' latest checks
 * have gaps on.
 */
public record Overview(List<OverviewRow> rows, int page, int size, long total, Map<String, Long> verdicts,
        List<CommonGap> indicators, List<CommonGap> problems) {

    /** An indicator or problem class, and how many of the selected units' latest checks have a gap on it. */
    public record CommonGap(String kind, String code, String name, long units, double points) {}
}
