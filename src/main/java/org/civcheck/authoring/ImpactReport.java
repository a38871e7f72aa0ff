package org.civcheck.authoring;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Verdicts;

/**
 * The impact of a criteria change as a rule author reads it: per package, score and verdict
 * before → after, each indicator that moved, gaps that opened or closed; then one summary line.
 *
 * <pre>
 * well-run-library.json · ××市图书馆
 *   得分：100 / 100 → 97 / 99（−3）
 *   结论：可以通过（ready），未变
 *   指标变化（2 项）：
 *     · 集中理论学习（theory-study）：达标 4/4 → 部分达标 2.5/4——理论学习仅24次，要求≥36次
 *   新出现的差距：集中理论学习（theory-study，−1.5分）
 * </pre>
 */
public final class ImpactReport {

    private static final Map<String, String> STATUS = Map.of(
            "met", "达标", "partial", "部分达标", "unmet", "未达标", "not-applicable", "不适用");

    private ImpactReport() {}

    /** The report for {@code impacts}, under a header naming both sets and their rules folders. */
    public static String render(CriteriaImpact impact, Path criteriaBefore, Path rulesBefore, Path criteriaAfter,
            Path rulesAfter, List<CriteriaImpact.PackageImpact> impacts) {
        StringBuilder out = new StringBuilder();
        line(out, "旧：" + set(impact.before().criteria()) + "  " + criteriaBefore + "  规则：" + rulesBefore);
        line(out, "新：" + set(impact.after().criteria()) + "  " + criteriaAfter + "  规则：" + rulesAfter);
        for (CriteriaImpact.PackageImpact p : impacts) {
            line(out, "");
            pkg(out, p);
        }
        line(out, "");
        line(out, summary(impacts));
        return out.toString();
    }

    private static void pkg(StringBuilder out, CriteriaImpact.PackageImpact p) {
        if (!p.moved()) {
            line(out, p.packageName() + " · " + p.unitName() + "：没有变化（得分 " + num(p.scoreAfter()) + " / "
                    + num(p.maxAfter()) + "，" + verdict(p.verdictAfter()) + "）");
            return;
        }
        line(out, p.packageName() + " · " + p.unitName());
        double delta = Math.round((p.scoreAfter() - p.scoreBefore()) * 100) / 100.0;
        line(out, "  得分：" + num(p.scoreBefore()) + " / " + num(p.maxBefore()) + " → " + num(p.scoreAfter()) + " / "
                + num(p.maxAfter()) + (delta == 0 ? "，未变" : "（" + (delta > 0 ? "+" : "−") + num(Math.abs(delta)) + "）"));
        line(out, "  结论：" + (p.verdictBefore().equals(p.verdictAfter()) ? verdict(p.verdictAfter()) + "，未变"
                : verdict(p.verdictBefore()) + " → " + verdict(p.verdictAfter())));
        if (!p.indicators().isEmpty()) {
            line(out, "  指标变化（" + p.indicators().size() + " 项）：");
            for (CriteriaImpact.IndicatorMove m : p.indicators()) {
                line(out, "    · " + m.name() + "（" + m.id() + "）：" + state(m.statusBefore(), m.scoreBefore(), m.maxBefore())
                        + " → " + state(m.statusAfter(), m.scoreAfter(), m.maxAfter())
                        + (m.finding().isEmpty() ? "" : "——" + m.finding()));
            }
        }
        if (!p.gapsOpened().isEmpty()) {
            line(out, "  新出现的差距：" + gaps(p.gapsOpened()));
        }
        if (!p.gapsClosed().isEmpty()) {
            line(out, "  消失的差距：" + gaps(p.gapsClosed()));
        }
    }

    /** One line: how many packages moved and how, or that none did. */
    static String summary(List<CriteriaImpact.PackageImpact> impacts) {
        long moved = impacts.stream().filter(CriteriaImpact.PackageImpact::moved).count();
        if (moved == 0) {
            return "汇总：没有变化——" + impacts.size() + " 个证据包在新旧测评体系下的得分、结论和各指标都相同。";
        }
        long verdicts = impacts.stream().filter(p -> !p.verdictBefore().equals(p.verdictAfter())).count();
        long up = impacts.stream().filter(p -> p.scoreAfter() > p.scoreBefore()).count();
        long down = impacts.stream().filter(p -> p.scoreAfter() < p.scoreBefore()).count();
        long indicators = impacts.stream().mapToLong(p -> p.indicators().size()).sum();
        return "汇总：" + impacts.size() + " 个证据包中 " + moved + " 个有变化：结论改变 " + verdicts + " 个，得分升高 " + up
                + " 个、降低 " + down + " 个，指标变化共 " + indicators + " 项。";
    }

    private static String set(CriteriaSet c) {
        return c.name() + "（" + c.id() + "，" + c.version() + " 版）";
    }

    private static String state(String status, double score, double max) {
        return status == null ? "无此指标" : STATUS.getOrDefault(status, status) + " " + num(score) + "/" + num(max);
    }

    private static String gaps(List<CriteriaImpact.GapRef> gaps) {
        return gaps.stream()
                .map(g -> g.indicator().startsWith("veto:") ? "一票否决（" + g.indicator().substring(5) + "）"
                        : g.name() + "（" + g.indicator() + "，−" + num(g.pointsAtStake()) + "分）")
                .collect(Collectors.joining("、"));
    }

    private static String verdict(String v) {
        return Verdicts.chinese(v) + "（" + v + "）";
    }

    private static String num(double v) {
        return org.civcheck.engine.facts.Texts.num(v);
    }

    private static void line(StringBuilder out, String s) {
        out.append(s).append('\n');
    }
}
