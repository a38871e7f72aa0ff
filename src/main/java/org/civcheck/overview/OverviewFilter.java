package org.civcheck.overview;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.WordField;
import org.civcheck.report.page.Formats;
import org.civcheck.store.OverviewQuery;

/**
 * The overview's filters, sort and page as the address carries them ({@code /overview?region=江苏省/南京市
 * &verdict=not-ready&since=2026-06-01&sort=score&order=desc&page=2}), checked, with the links that change
 * one of them. {@code since} keeps the units not checked since that day (China time), and those never
 * checked; {@code indicator} or {@code problem} keeps the units whose latest check has a gap on it.
 */
public record OverviewFilter(String region, String level, String verdict, LocalDate since, String indicator,
        String problem, OverviewQuery.Sort sort, boolean descending, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** The verdict words a filter accepts, in the chart's order. */
    public static final List<String> VERDICTS = List.of("ready", "at-risk", "not-ready", "vetoed", OverviewQuery.UNCHECKED);

    /** A parameter that cannot be used, with a Chinese sentence for the person who sent it. */
    public static final class BadFilterException extends RuntimeException {
        public BadFilterException(String message) {
            super(message);
        }
    }

    /** The filter of the request's parameters ({@code param} gives one, or null when absent). */
    public static OverviewFilter parse(Function<String, String> param) {
        String region = text(param.apply("region"));
        String level = text(param.apply("level"));
        if (level != null && PackageVocabulary.standard().code(WordField.UNIT_LEVEL, level) == null) {
            throw new BadFilterException("文明单位级别“" + level + "”无法识别");
        }
        level = level == null ? null : PackageVocabulary.standard().code(WordField.UNIT_LEVEL, level);
        String verdict = text(param.apply("verdict"));
        if (verdict != null && !VERDICTS.contains(verdict)) {
            throw new BadFilterException("结论“" + verdict + "”无法识别");
        }
        LocalDate since = null;
        String sinceText = text(param.apply("since"));
        if (sinceText != null) {
            try {
                since = LocalDate.parse(sinceText);
            } catch (DateTimeParseException e) {
                throw new BadFilterException("日期“" + sinceText + "”写法有误，应写作 年-月-日，如 2026-06-01");
            }
        }
        String sortText = text(param.apply("sort"));
        OverviewQuery.Sort sort = OverviewQuery.Sort.VERDICT;
        if (sortText != null) {
            try {
                sort = OverviewQuery.Sort.valueOf(sortText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadFilterException("排序方式“" + sortText + "”无法识别");
            }
        }
        boolean descending = "desc".equalsIgnoreCase(text(param.apply("order")));
        return new OverviewFilter(region, level, verdict, since, text(param.apply("indicator")),
                text(param.apply("problem")), sort, descending, number(param, "page", 1, 1, 1_000_000),
                number(param, "size", DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int number(Function<String, String> param, String name, int fallback, int min, int max) {
        String v = text(param.apply(name));
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadFilterException((name.equals("page") ? "页码" : "每页行数") + "应为 " + min + " 到 " + max
                + " 之间的整数");
    }

    /** This filter within {@code region} (the region a caller may see, or the one it chose inside it). */
    public OverviewFilter inRegion(String region) {
        return new OverviewFilter(region, level, verdict, since, indicator, problem, sort, descending, page, size);
    }

    /** The store's query of this filter. */
    public OverviewQuery query() {
        String gapKind = indicator != null ? OverviewQuery.INDICATOR : problem != null ? OverviewQuery.PROBLEM : null;
        String gapCode = indicator != null ? indicator : problem;
        return new OverviewQuery(region, level, verdict,
                since == null ? null : since.atStartOfDay(Formats.ZONE).toOffsetDateTime(), gapKind, gapCode, sort,
                descending);
    }

    /** The parameters of this filter that differ from the defaults, in a fixed order. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "region", region);
        put(p, "level", level);
        put(p, "verdict", verdict);
        put(p, "since", since == null ? null : since.toString());
        put(p, "indicator", indicator);
        put(p, "problem", problem);
        if (sort != OverviewQuery.Sort.VERDICT) {
            p.put("sort", sort.name().toLowerCase(Locale.ROOT));
        }
        if (descending) {
            p.put("order", "desc");
        }
        if (page != 1) {
            p.put("page", Integer.toString(page));
        }
        if (size != DEFAULT_SIZE) {
            p.put("size", Integer.toString(size));
        }
        return p;
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, value);
        }
    }

    /** {@code path} with this filter's parameters. */
    public String href(String path) {
        List<String> parts = new ArrayList<>();
        parameters().forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return parts.isEmpty() ? path : path + "?" + String.join("&", parts);
    }

    public OverviewFilter atPage(int page) {
        return new OverviewFilter(region, level, verdict, since, indicator, problem, sort, descending, page, size);
    }

    public OverviewFilter withVerdict(String verdict) {
        return new OverviewFilter(region, level, verdict, since, indicator, problem, sort, descending, 1, size);
    }

    /** The units with a gap on {@code indicator} (or, when {@code kind} is a problem class, on that class). */
    public OverviewFilter withGap(String kind, String code) {
        boolean isIndicator = OverviewQuery.INDICATOR.equals(kind);
        return new OverviewFilter(region, level, verdict, since, isIndicator ? code : null, isIndicator ? null : code,
                sort, descending, 1, size);
    }

    /** Sorted by {@code sort}, ascending; the column sorted already turns its order round. */
    public OverviewFilter sortedBy(OverviewQuery.Sort sort) {
        boolean desc = sort == this.sort && !descending;
        return new OverviewFilter(region, level, verdict, since, indicator, problem, sort, desc, 1, size);
    }
}
