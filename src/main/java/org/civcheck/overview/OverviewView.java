package org.civcheck.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.Word;
import org.civcheck.evidence.WordField;
import org.civcheck.register.Region;
import org.civcheck.report.page.Formats;
import org.civcheck.store.Overview;
import org.civcheck.store.OverviewQuery;
import org.civcheck.store.OverviewRow;

/**
 * What the overview page shows, in office wording: the scope, the filter form, the chart of
 * verdicts (bars as SVG geometry), the most common gaps (each linking to its units), one row per
 * unit and the pager. No unit id or code is shown; they appear only in links.
 */
public record OverviewView(String scope, long units, Form form, List<Bar> bars, List<Gap> indicators,
        List<Gap> problems, String gapFilter, String clearGapHref, List<Row> rows, List<Column> columns, Pager pager,
        String exportHref, String apiHref) {

    /** The filter form: its choices with the current ones selected. */
    public record Form(List<Choice> regions, List<Choice> levels, List<Choice> verdicts, String since,
            List<Choice> sorts, boolean descending, String indicator, String problem, String clearHref) {}

    public record Choice(String value, String label, boolean selected) {}

    /**
     * One bar of the chart: a verdict, its count and share, its length (0–100, the longest bar 100)
     * and the units it links to (the link of the verdict filtered now clears the filter).
     */
    public record Bar(String verdict, String name, long count, String share, double width, String href,
            boolean current) {}

    /** An indicator or problem class with gaps in many units; {@code href} lists those units. */
    public record Gap(String name, long units, String share, String href) {}

    public record Row(String name, String href, String region, String level, String verdict, String verdictName,
            String progress, String score, String checked, String change, String changeClass) {}

    /** A sortable column head: its link and whether (and how) the list is sorted by it now. */
    public record Column(String label, String href, String ariaSort, boolean numeric) {}

    public record Pager(int page, int pages, long total, String previousHref, String nextHref, String summary) {}

    /** The longest bar's length, in the units of its SVG's viewBox. */
    static final double BAR_SPAN = 100;

    /**
     * The view of {@code overview} under {@code filter}; {@code scopeRegion} is the caller's own
     * region (null: every unit), {@code regions} those it may choose from.
     */
    public static OverviewView of(Overview overview, OverviewFilter filter, String scopeRegion, List<Region> regions,
            String path) {
        long units = overview.verdicts().values().stream().mapToLong(Long::longValue).sum();
        String scope = scopeRegion == null ? "全部地区" : Region.label(scopeRegion) + "（含下级地区）";
        List<Bar> bars = bars(overview.verdicts(), units, filter, path);
        String gapFilter = null;
        if (filter.indicator() != null || filter.problem() != null) {
            String code = filter.indicator() != null ? filter.indicator() : filter.problem();
            List<Overview.CommonGap> pool = filter.indicator() != null ? overview.indicators() : overview.problems();
            String name = pool.stream().filter(g -> g.code().equals(code)).map(Overview.CommonGap::name).findFirst()
                    .orElse("所选项目");
            gapFilter = (filter.indicator() != null ? "只列出“" + name + "”有差距的单位" : "只列出存在“" + name + "”问题的单位");
        }
        return new OverviewView(scope, units, form(filter, scopeRegion, regions, path), bars,
                gaps(overview.indicators(), units, filter, path), gaps(overview.problems(), units, filter, path),
                gapFilter, filter.withGap(null, null).href(path),
                overview.rows().stream().map(OverviewView::row).toList(), columns(filter, path),
                pager(overview, filter, path), filter.atPage(1).href(path + ".xlsx"), filter.href("/api" + path));
    }

    private static List<Bar> bars(Map<String, Long> verdicts, long units, OverviewFilter filter, String path) {
        List<Bar> bars = new ArrayList<>();
        long most = verdicts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        for (String v : OverviewFilter.VERDICTS) {
            long count = verdicts.getOrDefault(v, 0L);
            double width = most == 0 ? 0 : Formats.round1(BAR_SPAN * count / most);
            bars.add(new Bar(v, OverviewWords.verdict(v), count, share(count, units), width,
                    filter.withVerdict(v.equals(filter.verdict()) ? null : v).href(path), v.equals(filter.verdict())));
        }
        return bars;
    }

    private static String share(long count, long units) {
        return units == 0 ? "0%" : Formats.percent((double) count / units);
    }

    private static List<Gap> gaps(List<Overview.CommonGap> gaps, long units, OverviewFilter filter, String path) {
        return gaps.stream().map(g -> new Gap(g.name(), g.units(), share(g.units(), units),
                filter.withGap(g.kind(), g.code()).href(path))).toList();
    }

    private static Row row(OverviewRow r) {
        Double change = r.change();
        String changeClass = change == null ? "" : change > 0 ? "up" : change < 0 ? "down" : "";
        return new Row(r.unitName(), r.assessmentId() == null ? null : "/assessments/" + r.assessmentId(),
                OverviewWords.region(r.regionId()), OverviewWords.level(r.level()),
                r.verdict() == null ? OverviewQuery.UNCHECKED : r.verdict(), OverviewWords.verdict(r.verdict()),
                OverviewWords.progress(r), OverviewWords.score(r), OverviewWords.checked(r), OverviewWords.change(r), changeClass);
    }

    private static Form form(OverviewFilter filter, String scopeRegion, List<Region> regions, String path) {
        List<Choice> regionChoices = new ArrayList<>();
        regionChoices.add(new Choice("", scopeRegion == null ? "全部地区" : Region.label(scopeRegion) + "（全部）",
                filter.region() == null || filter.region().equals(scopeRegion)));
        int top = scopeRegion == null ? 1 : (int) scopeRegion.chars().filter(c -> c == '/').count() + 1;
        for (Region r : regions) {
            if (r.id().equals(scopeRegion)) {
                continue;
            }
            regionChoices.add(new Choice(r.id(), "\u3000".repeat(Math.max(0, r.depth() - top)) + r.name(),
                    r.id().equals(filter.region())));
        }
        List<Choice> levels = new ArrayList<>();
        levels.add(new Choice("", "全部级别", filter.level() == null));
        for (Word w : PackageVocabulary.standard().words(WordField.UNIT_LEVEL)) {
            levels.add(new Choice(w.code(), OverviewWords.level(w.code()), w.code().equals(filter.level())));
        }
        List<Choice> verdicts = new ArrayList<>();
        verdicts.add(new Choice("", "全部结论", filter.verdict() == null));
        for (String v : OverviewFilter.VERDICTS) {
            verdicts.add(new Choice(v, OverviewWords.verdict(v), v.equals(filter.verdict())));
        }
        List<Choice> sorts = new ArrayList<>();
        for (OverviewQuery.Sort s : OverviewQuery.Sort.values()) {
            sorts.add(new Choice(s.name().toLowerCase(Locale.ROOT), sortName(s), s == filter.sort()));
        }
        return new Form(regionChoices, levels, verdicts, filter.since() == null ? "" : filter.since().toString(), sorts,
                filter.descending(), filter.indicator(), filter.problem(), path);
    }

    static String sortName(OverviewQuery.Sort sort) {
        return switch (sort) {
            case VERDICT -> "结论（风险大的在前）";
            case NAME -> "单位名称";
            case SCORE -> "得分";
            case CHECKED -> "最近自查日期";
            case CHANGE -> "较上次变化";
        };
    }

    private static List<Column> columns(OverviewFilter filter, String path) {
        List<Column> columns = new ArrayList<>();
        columns.add(column("单位", OverviewQuery.Sort.NAME, filter, path, false));
        columns.add(new Column("地区", null, null, false));
        columns.add(new Column("级别", null, null, false));
        columns.add(column("结论", OverviewQuery.Sort.VERDICT, filter, path, false));
        columns.add(new Column("年中进度", null, null, false));
        columns.add(column("得分", OverviewQuery.Sort.SCORE, filter, path, true));
        columns.add(column("最近自查", OverviewQuery.Sort.CHECKED, filter, path, false));
        columns.add(column("较上次", OverviewQuery.Sort.CHANGE, filter, path, true));
        return columns;
    }

    private static Column column(String label, OverviewQuery.Sort sort, OverviewFilter filter, String path, boolean numeric) {
        String aria = sort != filter.sort() ? "none" : filter.descending() ? "descending" : "ascending";
        return new Column(label, filter.sortedBy(sort).href(path), aria, numeric);
    }

    private static Pager pager(Overview o, OverviewFilter filter, String path) {
        int pages = (int) Math.max(1, (o.total() + o.size() - 1) / o.size());
        long first = o.total() == 0 ? 0 : (long) (o.page() - 1) * o.size() + 1;
        long last = Math.min(o.total(), (long) o.page() * o.size());
        String summary = o.total() == 0 ? "没有符合条件的单位"
                : "共 " + o.total() + " 个单位，第 " + first + "–" + last + " 个（第 " + o.page() + " 页，共 " + pages + " 页）";
        return new Pager(o.page(), pages, o.total(), o.page() > 1 ? filter.atPage(o.page() - 1).href(path) : null,
                o.page() < pages ? filter.atPage(o.page() + 1).href(path) : null, summary);
    }
}
