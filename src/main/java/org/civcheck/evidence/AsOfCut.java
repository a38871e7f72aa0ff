package org.civcheck.evidence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A package as it stood on a day: every record dated after it left out (activities, their
 * material, plans, surveys, incidents, honours, rectifications), and how many were.
 *
 * <pre>{@code
 * AsOfCut cut = AsOfCut.of(pkg, LocalDate.parse("2025-06-30"));
 * cut.evidence(); cut.ignored();
 * }</pre>
 *
 * @param ignored how many records dated after the day were left out
 */
public record AsOfCut(EvidencePackage evidence, LocalDate asOf, int ignored) {

    public static AsOfCut of(EvidencePackage pkg, LocalDate asOf) {
        int[] ignored = {0};
        List<Activity> activities = new ArrayList<>();
        for (Activity a : pkg.activities()) {
            if (a.date() != null && a.date().isAfter(asOf)) {
                ignored[0]++;
                continue;
            }
            List<Attachment> kept = keep(a.attachments(), Attachment::date, asOf, ignored);
            activities.add(kept.size() == a.attachments().size() ? a
                    : new Activity(a.id(), a.type(), a.title(), a.date(), a.endDate(), a.organizer(), a.attendance(),
                            a.participants(), a.volunteerHours(), a.amount(), a.tags(), kept));
        }
        List<PreviousFinding> findings = new ArrayList<>();
        for (PreviousFinding f : pkg.previousFindings()) {
            boolean later = f.rectifiedOn() != null && f.rectifiedOn().isAfter(asOf);
            if (later) {
                ignored[0]++;
            }
            findings.add(later ? new PreviousFinding(f.id(), f.finding(), false, null, List.of()) : f);
        }
        // The inspection date stays what it was: rules that look back from it (bunching before the
        // inspection) must not take the as-of day for it.
        EvidencePackage cut = new EvidencePackage(pkg.schemaVersion(), pkg.unit(), pkg.period(),
                pkg.effectiveInspectionDate(), keep(pkg.plans(), PlanDocument::date, asOf, ignored), activities,
                pkg.registeredVolunteers(), keep(pkg.honors(), Honor::date, asOf, ignored),
                keep(pkg.incidents(), Incident::date, asOf, ignored), keep(pkg.surveys(), Survey::date, asOf, ignored),
                findings, pkg.claims());
        return new AsOfCut(cut, asOf, ignored[0]);
    }

    /** The same package held to a shorter period, from its start to {@code to}: what is due by then. */
    public static EvidencePackage until(EvidencePackage pkg, LocalDate to) {
        return new EvidencePackage(pkg.schemaVersion(), pkg.unit(), new Period(pkg.period().from(), to),
                pkg.effectiveInspectionDate(), pkg.plans(), pkg.activities(), pkg.registeredVolunteers(), pkg.honors(),
                pkg.incidents(), pkg.surveys(), pkg.previousFindings(), pkg.claims());
    }

    /**
     * The package's latest record date: its activities (and their ends), material, plans, surveys,
     * incidents and honours; null when it dates nothing.
     */
    public static LocalDate latestRecord(EvidencePackage pkg) {
        List<LocalDate> dates = new ArrayList<>();
        for (Activity a : pkg.activities()) {
            dates.add(a.date());
            dates.add(a.endDate());
            a.attachments().forEach(att -> dates.add(att.date()));
        }
        pkg.plans().forEach(p -> dates.add(p.date()));
        pkg.surveys().forEach(s -> dates.add(s.date()));
        pkg.incidents().forEach(i -> dates.add(i.date()));
        pkg.honors().forEach(h -> dates.add(h.date()));
        return dates.stream().filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElse(null);
    }

    private static <T> List<T> keep(List<T> items, Function<T, LocalDate> date, LocalDate asOf, int[] ignored) {
        Predicate<T> later = t -> date.apply(t) != null && date.apply(t).isAfter(asOf);
        int before = items.size();
        List<T> kept = items.stream().filter(later.negate()).toList();
        ignored[0] += before - kept.size();
        return kept;
    }
}
