package org.civcheck.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where a unit stands on a day before its period is over: each indicator against what is due by
 * then, the verdict on that pace, and what falls due next ({@code shared/spec/assessment-result.md},
 * "Progress during the period").
 *
 * @param verdict {@link #ON_TRACK}, {@link #AT_RISK} or {@link #BEHIND}
 * @param reason why, in Chinese
 * @param asOfNote how the day was chosen, in Chinese ("按台账最后一条记录的日期…"); null when the caller named it
 * @param ignored how many records dated after the day were left out
 * @param elapsedShare the share of the period passed by the day
 * @param paceScore the score on pace: each indicator held to what is due by the day, those not yet
 *     due at their full points
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(String verdict, String verdictName, String reason, String asOfNote, int ignored,
        double elapsedShare, double paceScore, List<IndicatorProgress> indicators, List<Todo> todo,
        ActivityPace activityPace) {

    /**
     * The activities the prorated activity counts ask for, for the calendar's pace rows.
     *
     * @param perYear what those counts require over the whole period
     * @param byMonth the activities they counted, per month of the period from its first (up to the as-of day)
     */
    public record ActivityPace(double perYear, List<Integer> byMonth) {}

    public static final String ON_TRACK = "on-track";
    public static final String AT_RISK = "at-risk";
    public static final String BEHIND = "behind";

    public static final String AHEAD = "ahead";
    public static final String NOT_YET_DUE = "not-yet-due";

    private static final Map<String, String> VERDICTS = Map.of(
            ON_TRACK, "按进度可以通过", AT_RISK, "有风险", BEHIND, "明显滞后");
    private static final Map<String, String> STATUSES = Map.of(
            AHEAD, "超前", ON_TRACK, "按进度", BEHIND, "滞后", NOT_YET_DUE, "未到期");
    private static final Map<String, String> DUES = Map.of(
            org.civcheck.criteria.Due.PRORATED, "按时间进度", org.civcheck.criteria.Due.DEADLINE, "限期完成",
            org.civcheck.criteria.Due.END_OF_PERIOD, "期末完成");

    public Progress {
        indicators = List.copyOf(indicators);
        todo = List.copyOf(todo);
    }

    /** A progress verdict's Chinese name: 按进度可以通过, 有风险, 明显滞后. */
    public static String chinese(String verdict) {
        return VERDICTS.getOrDefault(verdict, verdict);
    }

    /** An indicator status's Chinese name: 超前, 按进度, 滞后, 未到期. */
    public static String statusName(String status) {
        return STATUSES.getOrDefault(status, status);
    }

    /** How a requirement scales, in Chinese: 按时间进度, 限期完成, 期末完成. */
    public static String dueName(String due) {
        return DUES.getOrDefault(due, due);
    }

    /** The indicators with this status, in the criteria's order. */
    public List<IndicatorProgress> withStatus(String status) {
        return indicators.stream().filter(i -> i.status().equals(status)).toList();
    }

    /**
     * One indicator on the day.
     *
     * @param due how its requirement scales ({@code prorated}, {@code deadline}, {@code end-of-period})
     * @param dueDate a deadline's date; null for the other manners
     * @param required what is due by the day (the rules' own threshold for the part of the period
     *     passed); null when the indicator measures no count
     * @param done what was done by the day; null with {@code required}
     * @param projected where {@code done} ends the period at the present pace; null when it does not scale
     * @param finding what the rules found against what is due by the day, in Chinese
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorProgress(String indicator, String name, String due, LocalDate dueDate, Double required,
            Double done, String status, Double projected, double points, double paceScore, String finding) {

        public String statusName() {
            return Progress.statusName(status);
        }

        public String dueName() {
            return Progress.dueName(due);
        }
    }

    /**
     * One thing to do by a date.
     *
     * @param horizon {@code month}, {@code quarter}, {@code deadline} or {@code period} (before the inspection)
     * @param pointsAtStake what the indicator would lose if the inspection came with it undone
     * @param text the whole item in Chinese: "7月还需开展理论学习2次", "3月31日前印发年度创建计划"
     */
    public record Todo(LocalDate due, String horizon, String indicator, String indicatorName, double pointsAtStake,
            String text) {}
}
