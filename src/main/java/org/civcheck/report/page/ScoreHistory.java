package org.civcheck.report.page;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.civcheck.engine.Verdicts;

/**
 * A unit's scores over time as a line for an inline SVG, oldest left, the assessments evenly
 * spaced (one step per check, not per day), 0 at the bottom and the largest maximum score at the
 * top, with the pass line across.
 *
 * <p>Geometry in SVG user units: {@value #WIDTH} × {@value #HEIGHT}, the plot inset by
 * {@value #LEFT} on the left, {@value #RIGHT} on the right, {@value #TOP} above and
 * {@value #BOTTOM} below (room for the date labels).
 */
public record ScoreHistory(double width, double height, List<Point> points, String polyline, double passY,
        String passScore, double plotLeft, double plotRight, double plotTop, double plotBottom, String maxScore) {

    static final double WIDTH = 560;
    static final double HEIGHT = 200;
    static final double LEFT = 40;
    static final double RIGHT = 24;
    static final double TOP = 16;
    static final double BOTTOM = 32;

    /**
     * One past (or the present) assessment of the unit.
     *
     * @param asOf the day a check made before the period's end stands on; null for a whole-period check
     * @param progressVerdict that check's progress verdict; null with {@code asOf}
     */
    public record Entry(String id, OffsetDateTime createdAt, double score, double maxScore, String verdict,
            java.time.LocalDate asOf, String progressVerdict) {

        /** A whole-period check. */
        public Entry(String id, OffsetDateTime createdAt, double score, double maxScore, String verdict) {
            this(id, createdAt, score, maxScore, verdict, null, null);
        }
    }

    /**
     * A drawn point, with the page it links to.
     *
     * @param labelled whether its date shows under the axis: every point when there are up to
     *     eight, else every {@code ceil(n ÷ 8)}-th and the last (dropping one that would crowd it)
     * @param partial a check made before the period's end (drawn hollow); {@code progress} then says
     *     its day and progress verdict ("截至6月30日，明显滞后"), else it is ""
     */
    public record Point(String id, String href, String date, String dateTime, String score, String verdict,
            String verdictName, boolean current, boolean labelled, double x, double y, boolean partial,
            String progress) {

        /** The current assessment's dot is larger. */
        public double radius() {
            return current ? 7 : 5;
        }
    }

    /**
     * @param entries the unit's assessments in any order (the store lists them newest first)
     * @param currentId the assessment the page shows; its point is marked
     * @param passScore the pass line of the current criteria
     */
    public static ScoreHistory of(List<Entry> entries, String currentId, double passScore) {
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing(Entry::createdAt).thenComparing(Entry::id));
        double top = Math.max(passScore, ordered.stream().mapToDouble(Entry::maxScore).max().orElse(100));
        if (top <= 0) {
            top = 100;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        List<Point> points = new ArrayList<>();
        int n = ordered.size();
        int step = (int) Math.ceil(n / 8.0);
        for (int i = 0; i < n; i++) {
            Entry e = ordered.get(i);
            double x = LEFT + (n == 1 ? plotW / 2 : i * plotW / (n - 1));
            double y = TOP + plotH * (1 - Formats.clamp(e.score(), 0, top) / top);
            // Checks of one day are told apart by their time: "12月7日 14:05", not "12月7日" twice.
            String day = Formats.shortDate(e.createdAt());
            boolean sameDay = ordered.stream().filter(o -> Formats.shortDate(o.createdAt()).equals(day)).count() > 1;
            String label = sameDay ? Formats.withoutYear(Formats.dateTime(e.createdAt())) : day;
            points.add(new Point(e.id(), "/assessments/" + e.id(), label,
                    Formats.dateTime(e.createdAt()), Formats.points(e.score()), e.verdict(),
                    Verdicts.chinese(e.verdict()), e.id().equals(currentId), labelled(i, n, step), Formats.round1(x),
                    Formats.round1(y), e.asOf() != null, e.asOf() == null ? ""
                            : "年中检查，截至" + Formats.date(e.asOf()) + (e.progressVerdict() == null ? ""
                                    : "，进度" + org.civcheck.engine.Progress.chinese(e.progressVerdict()))));
        }
        String polyline = points.stream().map(p -> Formats.points(p.x()) + "," + Formats.points(p.y()))
                .collect(Collectors.joining(" "));
        double passY = Formats.round1(TOP + plotH * (1 - Formats.clamp(passScore, 0, top) / top));
        return new ScoreHistory(WIDTH, HEIGHT, points, polyline, passY, Formats.points(passScore), LEFT, WIDTH - RIGHT,
                TOP, HEIGHT - BOTTOM, Formats.points(top));
    }

    /** Whether any point is a check made before its period's end: the chart's key then explains the hollow dots. */
    public boolean hasPartial() {
        return points.stream().anyMatch(Point::partial);
    }

    /** Whether there is a line to draw: two or more assessments. */
    public boolean hasLine() {
        return points.size() > 1;
    }

    /** Where the axis labels (0, the pass line, the maximum) end: 6 units left of the plot. */
    public double axisLabelX() {
        return plotLeft - 6;
    }

    /** Text baselines sit 4 units below the line they label, to centre the digits on it. */
    public double zeroLabelY() {
        return plotBottom + 4;
    }

    public double maxLabelY() {
        return plotTop + 4;
    }

    public double passLabelY() {
        return Formats.round1(passY + 4);
    }

    /** The baseline of the date labels, under the axis. */
    public double dateLabelY() {
        return plotBottom + 18;
    }

    private static boolean labelled(int index, int n, int step) {
        return index == n - 1 || index % step == 0 && n - 1 - index >= step / 2.0;
    }
}
