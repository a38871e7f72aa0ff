package org.civcheck.report.page;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Progress;

/**
 * The results page's 全年进度 section for a check made before the period's end: the progress
 * verdict beside the score if inspected today, each indicator's pace (what is due by now, what was
 * done, where the year ends at this pace), and the to-do list by date with its calendar download.
 *
 * @param verdict on-track, at-risk or behind (the section's colour)
 * @param elapsed the share of the period passed, "50%"
 * @param behind the indicators behind pace, with their bars; {@code others} the rest by status
 * @param todo the to-do items grouped by their date, earliest first
 */
public record ProgressPanel(String asOf, String elapsed, String verdict, String verdictName, String reason,
        String asOfNote, int ignored, List<Row> behind, List<Group> others, List<Day> todo, String icsHref) {

    /** An indicator's pace as a bar: done against what is due by now, in percent of the larger of the two. */
    public record Row(String indicator, String name, String due, String finding, String required, String done,
            String projected, double donePct, double requiredPct) {

        public boolean counted() {
            return required != null;
        }
    }

    /** Indicators of one status, by name. */
    public record Group(String status, String statusName, List<String> names) {}

    /** The to-do items falling due on one day. */
    public record Day(String date, List<Item> items) {}

    public record Item(String text, String indicatorName, String pointsAtStake) {}

    /** The section of {@code result}, or null when it is a check of the whole period. */
    public static ProgressPanel of(Assessment result, String assessmentId) {
        if (!result.isPartial()) {
            return null;
        }
        Progress p = result.progress();
        List<Row> behind = p.withStatus(Progress.BEHIND).stream().map(ProgressPanel::row).toList();
        List<Group> others = new ArrayList<>();
        for (String status : List.of(Progress.NOT_YET_DUE, Progress.AHEAD, Progress.ON_TRACK)) {
            List<String> names = p.withStatus(status).stream().map(Progress.IndicatorProgress::name).toList();
            if (!names.isEmpty()) {
                others.add(new Group(status, Progress.statusName(status), names));
            }
        }
        Map<LocalDate, List<Item>> days = new LinkedHashMap<>();
        for (Progress.Todo t : p.todo()) {
            days.computeIfAbsent(t.due(), d -> new ArrayList<>())
                    .add(new Item(t.text(), t.indicatorName(), Formats.points(t.pointsAtStake())));
        }
        List<Day> todo = days.entrySet().stream().map(e -> new Day(Formats.date(e.getKey()), e.getValue())).toList();
        return new ProgressPanel(Formats.date(result.asOf()), Formats.percent(p.elapsedShare()), p.verdict(),
                p.verdictName(), p.reason(), p.asOfNote(), p.ignored(), behind, others, todo,
                assessmentId == null ? null : "/assessments/" + assessmentId + "/todo.ics");
    }

    private static Row row(Progress.IndicatorProgress i) {
        if (i.required() == null || i.done() == null) {
            return new Row(i.indicator(), i.name(), i.dueName(), i.finding(), null, null, null, 0, 0);
        }
        double scale = Math.max(i.required(), i.done());
        return new Row(i.indicator(), i.name(), i.dueName(), i.finding(), Formats.points(i.required()),
                Formats.points(i.done()), i.projected() == null ? null : Formats.points(i.projected()),
                scale <= 0 ? 0 : Formats.round1(100 * i.done() / scale),
                scale <= 0 ? 0 : Formats.round1(100 * i.required() / scale));
    }
}
