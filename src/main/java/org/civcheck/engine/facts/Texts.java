package org.civcheck.engine.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names the rules need to write findings a coordinator can read: activity types,
 * departments, evidence kinds and organizers in Chinese, and number formats. Used in DRL as a
 * global; it formats, it never judges.
 */
public final class Texts {

    private final Map<String, String> names;
    /** The names of each taxonomy list apart ({@code documentKinds} → id → name): one id may be in several. */
    private final Map<String, Map<String, String>> lists;
    /** Evidence kind id → its measure word, for the kinds not counted in 份. */
    private final Map<String, String> counters;
    /** Whether the period covers more than one calendar year: then every month says its year. */
    private final boolean manyYears;

    public Texts(Map<String, String> names) {
        this(names, false);
    }

    public Texts(Map<String, String> names, boolean periodCoversManyYears) {
        this(names, Map.of(), periodCoversManyYears);
    }

    public Texts(Map<String, String> names, Map<String, Map<String, String>> lists, boolean periodCoversManyYears) {
        this(names, lists, Map.of(), periodCoversManyYears);
    }

    /** {@code counters}: the measure word of each evidence kind that is not counted in 份 (photo → 张). */
    public Texts(Map<String, String> names, Map<String, Map<String, String>> lists, Map<String, String> counters,
            boolean periodCoversManyYears) {
        this.names = Map.copyOf(names);
        this.lists = Map.copyOf(lists);
        this.counters = Map.copyOf(counters);
        this.manyYears = periodCoversManyYears;
    }

    /** The measure word material of kind {@code evidenceKind} is counted in: 张 for photos, else 份. */
    public String counter(String evidenceKind) {
        return counters.getOrDefault(evidenceKind, "份");
    }

    /**
     * The Chinese name of a word of taxonomy list {@code list} ({@code documentKinds}): "other" is
     * 其他文件 there and 其他 among activity types. Falls back to {@link #name}.
     */
    public String word(String list, String id) {
        Map<String, String> words = lists.get(list);
        return words != null && words.containsKey(id) ? words.get(id) : name(id);
    }

    /**
     * Months in calendar order for a finding: "1月、5月", or "2025年1月、2026年5月" when the period
     * covers more than one year, even if the months listed fall in one of them.
     */
    public String monthList(Collection<String> yearMonths) {
        return monthList(yearMonths, manyYears || spansYears(yearMonths));
    }

    /** A run of months for a finding, with the years when the period covers more than one. */
    public String monthRun(List<String> yearMonths) {
        return monthRun(yearMonths, manyYears || spansYears(yearMonths));
    }

    /** The Chinese name of a vocabulary word or department id, or the id itself. */
    public String name(String id) {
        return names.getOrDefault(id, id);
    }

    /**
     * What a list parameter of a check names, for a finding: the class name when the criteria
     * named a whole class ("创建活动"), else the members' names.
     */
    public String label(Check check, String key) {
        return check.has(key + "Label") ? check.text(key + "Label") : names(check.words(key), 4);
    }

    /** Names joined with 、 in the given order, at most {@code limit} then "等N项". */
    public String names(Collection<String> ids, int limit) {
        return firstOf(ids.stream().map(this::name).toList(), limit);
    }

    /** Items of a finding joined with 、, at most {@code limit} of them then "等N项" (N all of them). */
    public static String firstOf(List<String> items, int limit) {
        if (items.size() <= limit) {
            return String.join("、", items);
        }
        return String.join("、", items.subList(0, limit)) + "等" + items.size() + "项";
    }

    /**
     * Activities for a finding as the 台账 knows them, in date order: "3月5日“学雷锋志愿服务”、
     * 4月2日“道德讲堂”", at most {@code limit} of them then "等N项" — never the ids a program gave them.
     * Each day says its year when the period covers more than one.
     */
    public String activities(Collection<ActivityFact> activities, int limit) {
        return firstOf(activities.stream()
                .sorted(Comparator.comparing(ActivityFact::date, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ActivityFact::id))
                .map(a -> dated(a.date(), title(a), manyYears))
                .toList(), limit);
    }

    /** "2025-03" → "3月"; across years "2025年3月". */
    public static String month(String yearMonth, boolean withYear) {
        int month = Integer.parseInt(yearMonth.substring(5));
        return withYear ? yearMonth.substring(0, 4) + "年" + month + "月" : month + "月";
    }

    private static String monthList(Collection<String> yearMonths, boolean withYear) {
        return yearMonths.stream().sorted().map(m -> month(m, withYear)).collect(Collectors.joining("、"));
    }

    private static String monthRun(List<String> yearMonths, boolean withYear) {
        if (yearMonths.isEmpty()) {
            return "";
        }
        String first = month(yearMonths.get(0), withYear);
        return yearMonths.size() == 1 ? first : first + "至" + month(yearMonths.get(yearMonths.size() - 1), withYear);
    }

    private static boolean spansYears(Collection<String> yearMonths) {
        return yearMonths.stream().map(m -> m.substring(0, 4)).distinct().count() > 1;
    }

    /**
     * A day as an office writes it, 2025-09-03 → "2025年9月3日"; no date → "". The one date format
     * of findings, reports, drafts, tables, file names and pages.
     */
    public static String date(LocalDate day) {
        return day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private String title(ActivityFact a) {
        return a.title() == null || a.title().isBlank() ? name(a.type()) : a.title();
    }

    /**
     * A dated item for a finding: "3月5日“学雷锋志愿服务”", with the year when {@code withYear}.
     * Quotation marks inside the title become single ones, as an office nests them.
     */
    public static String dated(LocalDate day, String title, boolean withYear) {
        return (withYear ? date(day) : monthDay(day)) + quoted(title);
    }

    /** “title”, its own double quotation marks made single: “区委办公室‘文明家庭’评选”. */
    public static String quoted(String title) {
        return "“" + title.strip().replace('“', '‘').replace('”', '’').replace('"', '\'') + "”";
    }

    /** A day without its year, 2025-09-03 → "9月3日"; no date → "". */
    public static String monthDay(LocalDate day) {
        return day == null ? "" : day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /**
     * A share as a whole percentage, 0.456 → "46%". The one percentage format of findings,
     * reports, drafts and pages.
     */
    public static String pct(double share) {
        return Math.round(share * 100) + "%";
    }

    /**
     * A number to one decimal without a trailing ".0": 3.0 → "3", 2.46 → "2.5", 2.96 → "3".
     * The one number format of findings, reports and drafts.
     */
    public static String num(double v) {
        double rounded = Math.round(v * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
