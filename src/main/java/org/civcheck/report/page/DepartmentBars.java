package org.civcheck.report.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessment.DepartmentParticipation;

/**
 * Participation by department as bars, highest rate first: each bar's width is the rate in
 * percent of the track (capped at 100), a department below the criteria's minimum rate is
 * {@code low}, one that took no part at all is {@code absent}. The minimum shows as a line at
 * {@code thresholdPct} when the criteria give it ({@code hasThreshold}).
 */
public record DepartmentBars(List<Bar> bars, boolean hasThreshold, double thresholdPct, String threshold, int lowCount,
        int absentCount) {

    public record Bar(String id, String name, int staff, String rate, double widthPct, boolean low, boolean absent) {}

    public static DepartmentBars of(Assessment a, Vocabulary words) {
        List<DepartmentParticipation> rows = a.participation() == null ? List.of() : a.participation();
        Optional<Double> min = rows.stream().map(DepartmentParticipation::indicator).distinct()
                .map(i -> words.indicatorNumber(i, "minDepartmentRate")).flatMap(Optional::stream).findFirst();
        Set<String> seen = new LinkedHashSet<>();
        List<Bar> bars = new ArrayList<>();
        rows.stream().sorted(Comparator.comparingDouble(DepartmentParticipation::rate).reversed()).forEach(d -> {
            if (seen.add(d.id())) {
                boolean absent = d.rate() <= 0;
                boolean low = absent || min.map(m -> d.rate() + 1e-9 < m).orElse(false);
                bars.add(new Bar(d.id(), d.name(), d.staff(), Formats.percent(d.rate()),
                        Formats.round1(Formats.clamp(d.rate() * 100, 0, 100)), low, absent));
            }
        });
        double thresholdPct = min.map(m -> Formats.round1(Formats.clamp(m * 100, 0, 100))).orElse(0.0);
        return new DepartmentBars(bars, min.isPresent(), thresholdPct, min.map(Formats::percent).orElse(null),
                (int) bars.stream().filter(Bar::low).count(), (int) bars.stream().filter(Bar::absent).count());
    }
}
