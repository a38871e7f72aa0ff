package org.civcheck.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.criteria.ProgressPolicy;
import org.civcheck.engine.facts.Measure;
import org.civcheck.engine.facts.Texts;
import org.civcheck.evidence.AsOfCut;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.InputProblem;

/**
 * A check made on a day before the period's end. The rules run on the package as it stood that day
 * twice: over the whole period (the score if inspected that day) and over the period up to the day,
 * where the rules scale their own yearly thresholds to the months passed (what is due by now); and
 * once more to the end of the coming month and quarter, for what falls due next. How each indicator
 * scales is its check kind's {@code @due} or the indicator's own {@code due} ({@link IndicatorDue});
 * the thresholds between on track, at risk and behind are the criteria's ({@link ProgressPolicy}).
 */
final class ProgressCheck {

    private final Assessor assessor;
    private final RuleBase rules;

    ProgressCheck(Assessor assessor, RuleBase rules) {
        this.assessor = assessor;
        this.rules = rules;
    }

    Assessment assess(EvidencePackage pkg, List<InputProblem> warnings, boolean explain, LocalDate requested) {
        CriteriaSet criteria = assessor.criteria();
        ProgressPolicy policy = criteria.progress();
        LocalDate from = pkg.period().from();
        LocalDate to = pkg.period().to();
        LocalDate asOf = requested;
        String note = null;
        if (asOf == null) {
            LocalDate latest = AsOfCut.latestRecord(pkg);
            if (latest == null || !latest.isBefore(to.minusDays(policy.closingDays()))) {
                return assessor.assess(pkg, warnings, explain);
            }
            asOf = latest.isBefore(from) ? from : latest;
            note = "未指定检查日期，按台账中最后一条记录的日期（" + Texts.date(asOf) + "）检查全年进度";
        } else if (asOf.isBefore(from)) {
            throw new IllegalArgumentException("检查日期" + Texts.date(asOf) + "早于评估期的开始日" + Texts.date(from)
                    + "，请填写评估期内的日期");
        } else if (!asOf.isBefore(to)) {
            return assessor.assess(AsOfCut.of(pkg, asOf).evidence(), warnings, explain);
        }
        AsOfCut cut = AsOfCut.of(pkg, asOf);
        Assessor.Run today = assessor.run(cut.evidence(), warnings, explain);
        Assessor.Run pace = assessor.run(AsOfCut.until(cut.evidence(), asOf), List.of(), false);

        LocalDate next = asOf.plusDays(1);
        LocalDate monthEnd = min(YearMonth.from(next).atEndOfMonth(), to);
        LocalDate quarterEnd = min(next.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1), to);
        Map<LocalDate, Map<String, List<Measure>>> horizons = new LinkedHashMap<>();
        if (monthEnd.isBefore(to)) {
            horizons.put(monthEnd, assessor.run(AsOfCut.until(cut.evidence(), monthEnd), List.of(), false).measures());
        }
        if (quarterEnd.isAfter(monthEnd) && quarterEnd.isBefore(to)) {
            horizons.put(quarterEnd, assessor.run(AsOfCut.until(cut.evidence(), quarterEnd), List.of(), false).measures());
        }
        horizons.put(to, today.measures());

        double elapsed = share(from, asOf, to);
        Map<String, Assessment.IndicatorScore> todayScores = byId(today.assessment());
        Map<String, Assessment.IndicatorScore> paceScores = byId(pace.assessment());
        List<Progress.IndicatorProgress> indicators = new ArrayList<>();
        List<Progress.Todo> todo = new ArrayList<>();
        for (Indicator i : criteria.indicators()) {
            if (!i.applicable()) {
                continue;
            }
            IndicatorDue due = IndicatorDue.of(i, rules.checkKinds().get(i.check()));
            Assessment.IndicatorScore now = todayScores.get(i.id());
            double atStake = Math.round((i.points() - now.score()) * 100) / 100.0;
            boolean metToday = Verdicts.MET.equals(now.status());
            if (due.prorated()) {
                Assessment.IndicatorScore onPace = paceScores.get(i.id());
                Measure counted = counted(pace.measures().get(i.id()));
                boolean met = Verdicts.MET.equals(onPace.status());
                String status = !met ? Progress.BEHIND
                        : counted != null && policy.aheadShare() != null && counted.required() > 0
                                && counted.done() >= policy.aheadShare() * counted.required() ? Progress.AHEAD
                        : Progress.ON_TRACK;
                Double projected = counted == null || elapsed <= 0 ? null : Math.round(counted.done() / elapsed * 10) / 10.0;
                indicators.add(new Progress.IndicatorProgress(i.id(), i.name(), due.manner(), null,
                        counted == null ? null : round(counted.required()), counted == null ? null : round(counted.done()), status,
                        projected, i.points(), onPace.score(), String.join("；", onPace.findings())));
                String before = null;
                for (var h : horizons.entrySet()) {
                    String needed = needed(h.getValue().get(i.id()));
                    if (needed != null && !needed.equals(before)) {
                        todo.add(new Progress.Todo(h.getKey(), horizon(h.getKey(), monthEnd, quarterEnd, to), i.id(),
                                i.name(), atStake, prefix(h.getKey(), asOf, monthEnd, to) + "还需" + needed));
                    }
                    before = needed == null ? before : needed;
                }
            } else {
                LocalDate dueDate = due.deadline() != null ? due.deadlineIn(from, to) : to;
                boolean passed = !dueDate.isAfter(asOf);
                String status = metToday ? Progress.ON_TRACK : passed ? Progress.BEHIND : Progress.NOT_YET_DUE;
                Measure counted = counted(today.measures().get(i.id()));
                String finding = metToday || passed ? String.join("；", now.findings())
                        : "应于" + Texts.date(dueDate) + "前完成，目前尚未完成";
                indicators.add(new Progress.IndicatorProgress(i.id(), i.name(), due.manner(),
                        due.deadline() != null ? dueDate : null, counted == null ? null : round(counted.required()),
                        counted == null ? null : round(counted.done()), status, null, i.points(),
                        passed ? now.score() : i.points(), finding));
                String needed = needed(today.measures().get(i.id()));
                if (!metToday && !passed && needed != null) {
                    todo.add(new Progress.Todo(dueDate, due.deadline() != null ? "deadline" : "period", i.id(), i.name(),
                            atStake, monthDay(dueDate, asOf) + "前" + needed));
                }
            }
        }
        todo.sort(Comparator.comparing(Progress.Todo::due).thenComparing(Comparator
                .comparingDouble(Progress.Todo::pointsAtStake).reversed()));
        Progress progress = verdict(today.assessment(), criteria, indicators, todo, note, cut.ignored(), elapsed,
                activityPace(criteria, rules, today, cut.evidence()));
        return today.assessment().withProgress(asOf, progress);
    }

    /** The verdict on the score on pace, against the pass line and the criteria's at-risk margin. */
    private static Progress verdict(Assessment today, CriteriaSet criteria, List<Progress.IndicatorProgress> indicators,
            List<Progress.Todo> todo, String note, int ignored, double elapsed, Progress.ActivityPace pace) {
        double pass = criteria.passScore();
        double margin = criteria.progress().atRiskMargin();
        double score = Math.round(indicators.stream().mapToDouble(Progress.IndicatorProgress::paceScore).sum() * 100)
                / 100.0;
        Map<String, Boolean> blocking = new HashMap<>();
        criteria.indicators().forEach(i -> blocking.put(i.id(), i.blocking()));
        List<String> behind = indicators.stream().filter(i -> i.status().equals(Progress.BEHIND))
                .map(Progress.IndicatorProgress::name).toList();
        List<String> blockingBehind = indicators.stream()
                .filter(i -> i.status().equals(Progress.BEHIND) && blocking.get(i.indicator()))
                .map(Progress.IndicatorProgress::name).toList();
        String onPace = "按目前进度应得" + Texts.num(score) + "分（未到期的指标按满分计）";
        String verdict;
        String reason;
        if (Verdicts.VETOED.equals(today.verdict())) {
            verdict = Progress.BEHIND;
            reason = today.verdictReason();
        } else if (score >= pass - 1e-9 && blockingBehind.isEmpty()) {
            verdict = Progress.ON_TRACK;
            reason = onPace + "，达到合格线" + Texts.num(pass) + "分";
        } else if (score >= pass - 1e-9) {
            verdict = Progress.AT_RISK;
            reason = onPace + "，达到合格线" + Texts.num(pass) + "分，但关键指标滞后：" + String.join("、", blockingBehind);
        } else if (score >= pass - margin - 1e-9) {
            verdict = Progress.AT_RISK;
            reason = onPace + "，低于合格线" + Texts.num(pass) + "分，差" + Texts.num(pass - score) + "分";
        } else {
            verdict = Progress.BEHIND;
            reason = onPace + "，低于合格线" + Texts.num(pass) + "分达" + Texts.num(pass - score) + "分";
        }
        if (!behind.isEmpty() && !Verdicts.VETOED.equals(today.verdict())) {
            reason += "；滞后的指标" + behind.size() + "项：" + String.join("、", behind);
        }
        return new Progress(verdict, Progress.chinese(verdict), reason, note, ignored, elapsed, score, indicators, todo,
                pace);
    }

    /** The aspect of the measures that count activities one by one (rules/count.drl). */
    private static final String ACTIVITY_COUNT = "count";

    /**
     * What the prorated activity counts require over the whole period, and the activities they
     * counted per month: the calendar draws the expected pace beside the actual from it.
     */
    private static Progress.ActivityPace activityPace(CriteriaSet criteria, RuleBase rules, Assessor.Run today,
            EvidencePackage pkg) {
        double perYear = 0;
        java.util.Set<String> counted = new java.util.HashSet<>();
        for (Indicator i : criteria.indicators()) {
            if (!i.applicable() || !IndicatorDue.of(i, rules.checkKinds().get(i.check())).prorated()) {
                continue;
            }
            for (Measure m : today.measures().getOrDefault(i.id(), List.of())) {
                if (ACTIVITY_COUNT.equals(m.aspect()) && m.required() != null) {
                    perYear += m.required();
                    counted.addAll(m.evidence());
                }
            }
        }
        YearMonth first = YearMonth.from(pkg.period().from());
        int months = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(pkg.period().to())) + 1;
        int[] byMonth = new int[months];
        for (var a : pkg.activities()) {
            int col = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(a.date()));
            if (counted.contains(a.id()) && col >= 0 && col < months) {
                byMonth[col]++;
            }
        }
        return new Progress.ActivityPace(perYear, java.util.Arrays.stream(byMonth).boxed().toList());
    }

    /** The measure of an indicator that counts (activities, months, hours), if any. */
    private static Measure counted(List<Measure> measures) {
        return measures == null ? null
                : measures.stream().filter(m -> m.required() != null && m.done() != null).findFirst().orElse(null);
    }

    /** What the rules say is still needed, the phrases joined; null when nothing. */
    private static String needed(List<Measure> measures) {
        if (measures == null) {
            return null;
        }
        List<String> phrases = measures.stream().filter(m -> !m.satisfied() && m.todo() != null).map(Measure::todo)
                .toList();
        return phrases.isEmpty() ? null : String.join("，", phrases);
    }

    private static String horizon(LocalDate day, LocalDate monthEnd, LocalDate quarterEnd, LocalDate to) {
        return day.equals(to) ? "period" : day.equals(monthEnd) ? "month" : "quarter";
    }

    /** "本月" / "7月" for the coming month, "9月30日前" for a later day. */
    private static String prefix(LocalDate day, LocalDate asOf, LocalDate monthEnd, LocalDate to) {
        if (day.equals(monthEnd) && !day.equals(to)) {
            return YearMonth.from(day).equals(YearMonth.from(asOf)) ? "本月" : day.getMonthValue() + "月";
        }
        return monthDay(day, asOf) + "前";
    }

    /** "9月30日" in the as-of day's year, the whole date in another. */
    private static String monthDay(LocalDate day, LocalDate asOf) {
        return day.getYear() == asOf.getYear() ? Texts.monthDay(day) : Texts.date(day);
    }

    /** The share of the period from its first day to {@code day}, both included. */
    private static double share(LocalDate from, LocalDate day, LocalDate to) {
        return (double) (ChronoUnit.DAYS.between(from, day) + 1) / (ChronoUnit.DAYS.between(from, to) + 1);
    }

    private static Map<String, Assessment.IndicatorScore> byId(Assessment a) {
        Map<String, Assessment.IndicatorScore> out = new HashMap<>();
        a.indicators().forEach(s -> out.put(s.id(), s));
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
