package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.criteria.Taxonomy;

/**
 * The project's own criteria and rules, loaded once for all engine tests (a KieBase build takes
 * a couple of seconds). Tests read thresholds from the criteria rather than repeating them, so a
 * rule author's change of a number does not break a test of the logic around it.
 */
final class Fixtures {

    static final Path CRITERIA = Path.of("criteria/provincial");
    static final Path RULES = Path.of("rules");

    private static Assessor assessor;

    private Fixtures() {}

    static synchronized Assessor assessor() {
        if (assessor == null) {
            AssessorLoading loading = AssessorLoading.load(CRITERIA, RULES);
            assertTrue(loading.isLoaded(), () -> "the default criteria and rules load: " + loading.problems());
            assessor = loading.assessor();
        }
        return assessor;
    }

    static CriteriaSet criteria() {
        return assessor().criteria();
    }

    static Indicator indicator(String id) {
        return criteria().indicator(id).orElseThrow(() -> new AssertionError("no indicator " + id));
    }

    /** A numeric parameter of an indicator, as the criteria give it. */
    static double param(String indicator, String key) {
        Object v = indicator(indicator).params().get(key);
        if (!(v instanceof Number n)) {
            throw new AssertionError(indicator + "." + key + " is not a number: " + v);
        }
        return n.doubleValue();
    }

    static int intParam(String indicator, String key) {
        return (int) Math.round(param(indicator, key));
    }

    /** A text parameter of an indicator ("documentKind", "deadline", …). */
    static String textParam(String indicator, String key) {
        Object v = indicator(indicator).params().get(key);
        if (!(v instanceof String s)) {
            throw new AssertionError(indicator + "." + key + " is not a text: " + v);
        }
        return s;
    }

    /** A list parameter of an indicator, "@class" entries already expanded to the class's types. */
    static List<String> listParam(String indicator, String key) {
        Object v = indicator(indicator).params().get(key);
        if (!(v instanceof List<?> list)) {
            throw new AssertionError(indicator + "." + key + " is not a list: " + v);
        }
        return list.stream().map(String::valueOf).toList();
    }

    /** The points an indicator is worth. */
    static double points(String indicator) {
        return indicator(indicator).points();
    }

    /** The Chinese name of a vocabulary word (activity type, evidence kind, organizer, …). */
    static String name(String word) {
        Taxonomy t = criteria().taxonomy();
        for (List<Taxonomy.Term> terms : List.of(t.activityTypes(), t.evidenceKinds(), t.organizers(), t.documentKinds(),
                t.incidentTypes(), t.severities(), t.activityClasses())) {
            for (Taxonomy.Term term : terms) {
                if (term.id().equals(word)) {
                    return term.name();
                }
            }
        }
        throw new AssertionError("no vocabulary word " + word);
    }

    /** A share as findings print it: 0.456 → "46%". */
    static String pct(double share) {
        return Math.round(share * 100) + "%";
    }

    /** A number as findings print it: 240.0 → "240", 2.5 → "2.5". */
    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 10) / 10.0);
    }

    /** Months of 2025 as findings list them: 1, 3, 12 → "1月、3月、12月". */
    static String monthList(List<Integer> months) {
        return String.join("、", months.stream().sorted().map(m -> m + "月").toList());
    }

    /**
     * The smallest {@code total} of at least {@code atLeast} with a whole number {@code share × total}:
     * {@code {total, share × total}}, to put a share exactly on a threshold.
     */
    static int[] exactShare(double share, int atLeast) {
        for (int total = Math.max(1, atLeast); total <= 1000; total++) {
            double part = share * total;
            if (Math.abs(part - Math.rint(part)) < 1e-9) {
                return new int[] {total, (int) Math.rint(part)};
            }
        }
        throw new AssertionError("no whole-number split of " + share + " below 1000");
    }

    /** The score a fraction of an indicator's points earns, rounded down to the criteria's score step. */
    static double stepped(String indicator, double fraction) {
        double step = criteria().scoreStep();
        return Math.floor(points(indicator) * fraction / step + 1e-9) * step;
    }

    static Assessment assess(PackageBuilder builder) {
        return assessor().assess(builder.build(), List.of());
    }

    static Assessment.IndicatorScore indicator(Assessment a, String id) {
        return a.indicators().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + id + " in the result"));
    }

    static List<Assessment.Gap> gapsOf(Assessment a, String indicator) {
        return a.gaps().stream().filter(g -> g.indicator().equals(indicator)).toList();
    }

    /** The only gap of an indicator. */
    static Assessment.Gap gapOf(Assessment a, String indicator) {
        List<Assessment.Gap> gaps = gapsOf(a, indicator);
        if (gaps.size() != 1) {
            throw new AssertionError("expected one gap for " + indicator + ", got " + gaps);
        }
        return gaps.get(0);
    }

    /**
     * A unit that meets every indicator of the criteria, built from the criteria's own parameters:
     * the starting point for tests that spoil one thing and watch the score and verdict. Activities
     * fall on the first days of the months, clear of the weeks before the inspection, and carry
     * every kind of material an evidence-kinds check asks for, dated the day they took place.
     */
    static PackageBuilder exemplary() {
        PackageBuilder b = PackageBuilder.unit();
        Set<String> kinds = new LinkedHashSet<>();
        for (Indicator i : criteria().indicators()) {
            if (i.check().equals("evidence-kinds")) {
                if (i.params().containsKey("allOf")) {
                    kinds.addAll(listParam(i.id(), "allOf"));
                }
                if (i.params().containsKey("anyOf")) {
                    kinds.add(listParam(i.id(), "anyOf").get(0));
                }
            }
        }
        b.materialKinds(new ArrayList<>(kinds));
        int registered = 0;
        for (Indicator i : criteria().indicators()) {
            String id = i.id();
            switch (i.check()) {
                case "document" -> {
                    String kind = textParam(id, "documentKind");
                    if (i.params().containsKey("deadline")) {
                        LocalDate due = MonthDay.parse("--" + textParam(id, "deadline")).atYear(2025);
                        LocalDate early = LocalDate.of(2025, 1, 10);
                        b.plan(id + "-2025", kind, (early.isBefore(due) ? early : due).toString());
                    } else {
                        for (int n = 0; n < intParam(id, "min"); n++) {
                            b.plan(id + "-" + (n + 1), kind, LocalDate.of(2025, 1, 2 + n).toString());
                        }
                    }
                }
                case "activity-count" -> spread(b, listParam(id, "types").get(0), intParam(id, "min"), false);
                case "regularity" -> spread(b, listParam(id, "types").get(0), 12, false);
                case "variety" -> listParam(id, "types").stream().limit(intParam(id, "minDistinctTypes"))
                        .forEach(t -> b.activity(t, "2025-05-03"));
                case "signature" -> spread(b, firstCreationType(),
                        Math.max(intParam(id, "minFeatured"), intParam(id, "minFeaturedMonths")), true);
                case "volunteer-registration" -> {
                    registered = (int) Math.ceil(param(id, "minRegisteredShare") * b.staff() - 1e-9);
                    b.volunteers(registered);
                }
                case "satisfaction" -> b.survey(textParam(id, "surveyKind"), 100,
                        (int) Math.ceil(param(id, "minRate") * 100 - 1e-9));
                case "volunteer-hours", "reliance", "department-participation", "staff-participation", "coordinator",
                        "evidence-kinds", "late-records", "incidents" -> {
                    // met by the defaults: everyone attends, the unit arranges everything, a dedicated
                    // coordinator, material dated the day, no incidents; hours are added below
                }
                default -> throw new AssertionError("exemplary() does not know check kind " + i.check() + " of " + id);
            }
        }
        for (Indicator i : criteria().indicators()) {
            if (i.check().equals("volunteer-hours")) {
                int people = registered > 0 ? registered : b.staff();
                b.with(PackageBuilder.act(firstCreationType(), "2025-06-01").id("hours-2025")
                        .hours(param(i.id(), "minHoursPerVolunteer") * people));
            }
        }
        return b;
    }

    /**
     * {@code b} with enough more creation activities, on the first day of regular-work's bunching
     * window before the inspection, to put the bunched share above its maximum: a gap in that
     * blocking indicator and in no other.
     */
    static PackageBuilder bunchedBeforeTheInspection(PackageBuilder b) {
        String type = listParam("regular-work", "types").get(0);
        double max = param("regular-work", "maxBunchedShare");
        LocalDate windowStart = PackageBuilder.INSPECTION.minusDays(intParam("regular-work", "bunchingWeeks") * 7L - 1);
        long creation = b.build().activities().stream()
                .filter(x -> criteria().taxonomy().activityType(x.type()).map(t -> "creation".equals(t.group())).orElse(false))
                .count();
        int extra = (int) Math.floor(max * creation / (1 - max)) + 1;
        for (int i = 0; i < extra; i++) {
            b.with(PackageBuilder.act(type, windowStart.toString()).id(String.format("bunched-%03d", i + 1)));
        }
        return b;
    }

    private static void spread(PackageBuilder b, String type, int count, boolean featured) {
        for (int n = 0; n < count; n++) {
            var a = PackageBuilder.act(type, String.format("2025-%02d-%02d", n % 12 + 1, 1 + n / 12 % 3));
            b.with(featured ? a.featured() : a);
        }
    }

    private static String firstCreationType() {
        return criteria().taxonomy().activityTypes().stream().filter(t -> "creation".equals(t.group()))
                .map(Taxonomy.Term::id).findFirst().orElseThrow();
    }
}
