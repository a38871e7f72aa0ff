package org.civcheck.report.page;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civcheck.criteria.Taxonomy.Term;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;

/**
 * The period's months × activity types, the number of activities in each cell, grouped by
 * activity class with a subtotal row per class, so that work bunched before the inspection and
 * months without 创建 activity show at a glance. An activity counts in the month it starts.
 *
 * <p>Cells are shaded in levels 0–4: 0 for none, else {@code ceil(4 × count ÷ the largest
 * type cell)} (subtotal rows against the largest subtotal). The inspection window — the
 * {@code bunchingWeeks} before the inspection date the regularity check watches, the date
 * itself included — is marked per month as a band from {@code windowStartPct} over
 * {@code windowWidthPct} of the month's width.
 */
public record ActivityCalendar(boolean available, List<Month> months, List<Group> groups, Row total,
        Window window, String inspectionDate, int outsidePeriod, boolean watchKnown, Pace pace) {

    /**
     * A check made before the period's end: its day, and per month the activities done so far
     * beside what the indicators that count activities ask for by then at an even pace.
     *
     * @param expected per month, the activities due by its end at the pace of the year's
     *     requirements; {@code actual} per month up to the day, what was done by then (null after it)
     */
    public record Pace(String asOf, List<Integer> expected, List<Integer> actual) {}

    /** A calendar of a whole-period check. */
    public ActivityCalendar(boolean available, List<Month> months, List<Group> groups, Row total, Window window,
            String inspectionDate, int outsidePeriod, boolean watchKnown) {
        this(available, months, groups, total, window, inspectionDate, outsidePeriod, watchKnown, null);
    }

    /**
     * This calendar for a check made on {@code asOf}: the months after it marked as not yet come, and
     * the pace row pair from the counts {@code byMonth} (activities of the counted types per month)
     * and {@code perYear} (the year's requirement of those types).
     */
    public ActivityCalendar withPace(LocalDate asOf, int[] byMonth, double perYear, LocalDate from, LocalDate to) {
        if (!available || asOf == null) {
            return this;
        }
        List<Month> marked = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        List<Integer> actual = new ArrayList<>();
        YearMonth first = YearMonth.from(from);
        double days = ChronoUnit.DAYS.between(from, to) + 1;
        int sum = 0;
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = first.plusMonths(i);
            Month month = months.get(i);
            boolean future = m.isAfter(YearMonth.from(asOf));
            marked.add(new Month(month.label(), month.year(), month.quiet() && !future, month.windowStartPct(),
                    month.windowWidthPct(), future));
            LocalDate end = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            expected.add((int) Math.ceil(perYear * (ChronoUnit.DAYS.between(from, end) + 1) / days - 1e-9));
            sum += i < byMonth.length ? byMonth[i] : 0;
            actual.add(future ? null : sum);
        }
        return new ActivityCalendar(true, marked, groups, total, window, inspectionDate, outsidePeriod, watchKnown,
                new Pace(Formats.date(asOf), expected, actual));
    }

    /**
     * A column.
     *
     * @param year shown above the month when it is the first column or a January, else null
     * @param quiet no watched (创建) activity this month — or no activity at all when the watched types are unknown
     */
    public record Month(String label, String year, boolean quiet, double windowStartPct, double windowWidthPct,
            boolean future) {

        public Month(String label, String year, boolean quiet, double windowStartPct, double windowWidthPct) {
            this(label, year, quiet, windowStartPct, windowWidthPct, false);
        }

        public boolean inWindow() {
            return windowWidthPct > 0;
        }
    }

    public record Group(String id, String name, List<Row> rows, Row subtotal) {}

    public record Row(String id, String name, List<Cell> cells, int total) {}

    public record Cell(int count, int level) {}

    /** The inspection window: its first and last day and its length in weeks. */
    public record Window(String from, String to, int weeks) {}

    private static final String UNCLASSIFIED = "";

    /** A calendar that says the package could not be read again. */
    public static ActivityCalendar unavailable() {
        return new ActivityCalendar(false, List.of(), List.of(), null, null, null, 0, false);
    }

    public static ActivityCalendar of(EvidencePackage evidence, Vocabulary words) {
        if (evidence == null || evidence.period() == null) {
            return unavailable();
        }
        YearMonth first = YearMonth.from(evidence.period().from());
        YearMonth last = YearMonth.from(evidence.period().to());
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        Set<String> watched = words.watchedTypes();

        // counts[type][month]
        Map<String, int[]> counts = new LinkedHashMap<>();
        int outside = 0;
        for (Activity a : evidence.activities()) {
            int col = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(a.date()));
            if (!evidence.period().contains(a.date()) || col < 0 || col >= months.size()) {
                outside++;
                continue;
            }
            counts.computeIfAbsent(a.type(), t -> new int[months.size()])[col]++;
        }

        int typeMax = counts.values().stream().flatMapToInt(java.util.Arrays::stream).max().orElse(0);
        List<GroupBuilder> builders = groups(counts.keySet(), words);
        int[] all = new int[months.size()];
        int[] watchedByMonth = new int[months.size()];
        List<int[]> subtotals = new ArrayList<>();
        for (GroupBuilder g : builders) {
            int[] sub = new int[months.size()];
            for (String type : g.types) {
                int[] c = counts.get(type);
                for (int i = 0; i < c.length; i++) {
                    sub[i] += c[i];
                    all[i] += c[i];
                    if (watched.contains(type)) {
                        watchedByMonth[i] += c[i];
                    }
                }
            }
            subtotals.add(sub);
        }
        int subMax = subtotals.stream().flatMapToInt(java.util.Arrays::stream).max().orElse(0);
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < builders.size(); g++) {
            GroupBuilder b = builders.get(g);
            List<Row> rows = b.types.stream()
                    .map(t -> row(t, words.activityTypeName(t), counts.get(t), typeMax)).toList();
            groups.add(new Group(b.id, b.name, rows, row(b.id, b.name + "合计", subtotals.get(g), subMax)));
        }

        LocalDate inspection = evidence.effectiveInspectionDate();
        LocalDate windowStart = words.bunchingWeeks().map(w -> inspection.minusDays(w * 7L - 1)).orElse(null);
        Window window = words.bunchingWeeks()
                .map(w -> new Window(Formats.date(windowStart), Formats.date(inspection), w))
                .orElse(null);
        boolean watchKnown = !watched.isEmpty();
        List<Month> columns = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            YearMonth m = months.get(i);
            boolean quiet = watchKnown ? watchedByMonth[i] == 0 : all[i] == 0;
            double[] band = window == null ? new double[] {0, 0}
                    : band(m, windowStart, inspection);
            columns.add(new Month(Formats.month(m), i == 0 || m.getMonthValue() == 1 ? m.getYear() + "年" : null,
                    quiet, band[0], band[1]));
        }
        return new ActivityCalendar(true, columns, groups, row("all", "全部活动", all, subMax), window,
                Formats.date(inspection), outside, watchKnown);
    }

    /** The share of {@code month} from its start to the window's start, and the share the window covers, in percent. */
    static double[] band(YearMonth month, LocalDate from, LocalDate to) {
        LocalDate start = month.atDay(1);
        LocalDate end = month.atEndOfMonth();
        LocalDate a = from.isAfter(start) ? from : start;
        LocalDate b = to.isBefore(end) ? to : end;
        if (a.isAfter(b)) {
            return new double[] {0, 0};
        }
        double days = month.lengthOfMonth();
        double offset = ChronoUnit.DAYS.between(start, a);
        double covered = ChronoUnit.DAYS.between(a, b) + 1;
        return new double[] {Formats.round1(offset / days * 100), Formats.round1(covered / days * 100)};
    }

    static int level(int count, int max) {
        if (count <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.min(4, Math.ceil(4.0 * count / max));
    }

    private static Row row(String id, String name, int[] counts, int max) {
        List<Cell> cells = new ArrayList<>();
        int total = 0;
        for (int c : counts) {
            cells.add(new Cell(c, level(c, max)));
            total += c;
        }
        return new Row(id, name, cells, total);
    }

    private static final class GroupBuilder {
        final String id;
        final String name;
        final List<String> types = new ArrayList<>();

        GroupBuilder(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /**
     * The types present, grouped by class in the criteria's order, the class of the watched types
     * first; types the criteria do not know last, in a group of their own.
     */
    private static List<GroupBuilder> groups(Set<String> present, Vocabulary words) {
        Map<String, GroupBuilder> byClass = new LinkedHashMap<>();
        for (Term c : words.activityClasses()) {
            byClass.put(c.id(), new GroupBuilder(c.id(), c.name()));
        }
        Set<String> placed = new LinkedHashSet<>();
        for (Term t : words.activityTypes()) {
            if (present.contains(t.id()) && byClass.containsKey(t.group())) {
                byClass.get(t.group()).types.add(t.id());
                placed.add(t.id());
            }
        }
        List<String> rest = present.stream().filter(t -> !placed.contains(t)).sorted().toList();
        if (!rest.isEmpty()) {
            GroupBuilder other = new GroupBuilder(UNCLASSIFIED, words.isKnown() ? "未列入测评体系的类型" : "活动");
            other.types.addAll(rest);
            byClass.put(UNCLASSIFIED, other);
        }
        Set<String> watched = words.watchedTypes();
        return byClass.values().stream().filter(g -> !g.types.isEmpty())
                .sorted(java.util.Comparator.comparing((GroupBuilder g) -> g.types.stream().noneMatch(watched::contains)))
                .toList();
    }
}
