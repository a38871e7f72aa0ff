package org.civcheck.report;

import java.util.List;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Progress;
import org.civcheck.engine.Verdicts;
import org.civcheck.engine.facts.Texts;
import org.civcheck.report.page.PlaceNames;

/**
 * The assessment as a Chinese report for a terminal: the verdict and score first, then vetoes,
 * category scores, the gaps grouped by problem class (the class losing most points first), and
 * the warnings last.
 */
public final class TextReport {

    private static final int EVIDENCE_SHOWN = 5;
    private static final int BAR = 20;

    private TextReport() {}

    /** The report of {@code a}, naming the evidence it cites as {@code citations} do (by date and title). */
    public static String render(Assessment a, Citations citations) {
        StringBuilder out = new StringBuilder();
        line(out, "文明单位复审自查结果 · %s", a.unit().name());
        line(out, "测评体系：%s（%s 版）  评估期：%s至%s  复查日期：%s", a.criteria().name(), a.criteria().version(),
                Texts.date(a.period().from()), Texts.date(a.period().to()), Texts.date(a.inspectionDate()));
        out.append('\n');
        List<Assessment.Warning> unknown = a.warnings().stream().filter(Assessment.Warning::isUnknownWord).toList();
        if (!unknown.isEmpty()) {
            line(out, "请先核对：测评体系中没有的词（%d 处，这些记录不计入评分）", unknown.size());
            for (Assessment.Warning w : unknown) {
                line(out, "  %s：%s", PlaceNames.of(w.path()), w.message());
            }
            out.append('\n');
        }
        if (a.isPartial()) {
            progress(out, a);
            out.append('\n');
            line(out, "假如今天复查（全年要求，%s之后的记录不计入）：", Texts.date(a.asOf()));
        }
        line(out, "结论：%s", Verdicts.chinese(a.verdict()));
        line(out, "得分：%s / %s    合格线：%s", num(a.score()), num(a.maxScore()), num(a.passScore()));
        line(out, "说明：%s", a.verdictReason());

        if (!a.vetoes().isEmpty()) {
            out.append('\n');
            line(out, "一票否决（%d 项）", a.vetoes().size());
            for (Assessment.Veto v : a.vetoes()) {
                line(out, "  ✗ %s", v.name());
                line(out, "    %s", v.finding());
                line(out, "    依据：%s", citations.list(v.evidence(), EVIDENCE_SHOWN));
            }
        }

        out.append('\n');
        line(out, "各项得分");
        for (Assessment.CategoryScore c : a.categories()) {
            int filled = c.max() == 0 ? 0 : (int) Math.round(BAR * c.score() / c.max());
            line(out, "  %s %s  %5s / %-3s %s", "█".repeat(filled) + "░".repeat(BAR - filled), pad(c.name(), 11),
                    num(c.score()), num(c.max()), c.score() >= c.max() ? "" : "（失" + num(c.max() - c.score()) + "分）");
        }

        out.append('\n');
        if (a.gaps().isEmpty()) {
            line(out, "差距清单：无，所有指标均已达标。");
        } else {
            double lost = a.gaps().stream().filter(g -> !g.indicator().startsWith("veto:"))
                    .mapToDouble(Assessment.Gap::pointsAtStake).sum();
            line(out, "差距清单（共 %d 项，可挽回 %s 分；按问题类别归并，失分多的在前）", a.gaps().size(), num(lost));
            int n = 0;
            for (Assessment.ProblemSummary problem : a.problems()) {
                out.append('\n');
                line(out, "【%s】%d 项，失 %s 分", problem.title(), problem.gapCount(),
                        num(problem.pointsAtStake()));
                line(out, "  下步工作思路：%s", problem.remedy());
                for (Assessment.Gap g : a.gaps()) {
                    if (!g.problem().equals(problem.id())) {
                        continue;
                    }
                    n++;
                    line(out, "  %d. %s%s  −%s分", n, g.indicatorName(), g.blocking() ? "（关键指标）" : "",
                            num(g.pointsAtStake()));
                    line(out, "     问题：%s", g.message());
                    if (!g.evidence().isEmpty()) {
                        line(out, "     依据：%s", citations.list(g.evidence(), EVIDENCE_SHOWN));
                    }
                    if (!g.remedy().equals(problem.remedy())) {
                        line(out, "     整改：%s", g.remedy());
                    }
                }
            }
        }

        if (a.explain() != null) {
            explain(out, a);
        }

        if (a.adjustments() != null && !a.adjustments().isEmpty()) {
            out.append('\n');
            line(out, "加分与扣分（已计入得分）");
            for (Assessment.AdjustmentScore s : a.adjustments()) {
                line(out, "  %s %s %s分：%s", s.points() > 0 ? "＋" : s.points() < 0 ? "－" : "　", s.name(),
                        num(Math.abs(s.points())), s.finding());
            }
        }
        if (a.outcomes() != null && !a.outcomes().isEmpty()) {
            out.append('\n');
            line(out, "结论之外的处理（%d 项）", a.outcomes().size());
            for (Assessment.Outcome o : a.outcomes()) {
                line(out, "  ⚠ %s：%s", o.name(), o.finding());
            }
        }
        if (a.claims() != null) {
            out.append('\n');
            line(out, "单位自评项目（规则评分 %s 分，单位自评计入 %s 分，占得分的 %s）", num(a.claims().scoredByRules()),
                    num(a.claims().claimedByUnit()), org.civcheck.engine.facts.Texts.pct(a.claims().claimedShare()));
            for (Assessment.ClaimScore c : a.claims().items()) {
                line(out, "  %s（%s）：自评 %s / %s 分，计入 %s 分%s", c.name(), c.method(),
                        c.claimed() == null ? "未填" : num(c.claimed()), num(c.max()), num(c.counted()),
                        c.flags().isEmpty() ? "" : "；" + String.join("；", c.flags()));
                if (c.note() != null && !c.note().isBlank()) {
                    line(out, "    说明：%s", c.note());
                }
            }
        }

        List<Assessment.Warning> others = a.warnings().stream().filter(w -> !w.isUnknownWord()).toList();
        if (!others.isEmpty()) {
            out.append('\n');
            line(out, "提示（%d 条，不影响评分的输入问题）", others.size());
            for (Assessment.Warning w : others) {
                line(out, "  %s：%s", PlaceNames.of(w.path()), w.message());
            }
        }
        return out.toString();
    }

    /** Where the unit stands on its as-of day: the verdict on pace, each indicator's status, what is due by when. */
    private static void progress(StringBuilder out, Assessment a) {
        Progress p = a.progress();
        line(out, "全年进度（截至%s，评估期已过%s）", Texts.date(a.asOf()), Texts.pct(p.elapsedShare()));
        if (p.asOfNote() != null) {
            line(out, "  %s", p.asOfNote());
        }
        if (p.ignored() > 0) {
            line(out, "  %s之后的记录%d条未计入本次检查", Texts.date(a.asOf()), p.ignored());
        }
        line(out, "进度结论：%s", p.verdictName());
        line(out, "说明：%s", p.reason());
        List<Progress.IndicatorProgress> behind = p.withStatus(Progress.BEHIND);
        if (!behind.isEmpty()) {
            line(out, "  滞后的指标（%d 项）", behind.size());
            for (Progress.IndicatorProgress i : behind) {
                line(out, "  ✗ %s（%s）%s", i.name(), i.dueName(), counts(i));
                line(out, "     %s", i.finding());
            }
        }
        for (String status : List.of(Progress.NOT_YET_DUE, Progress.AHEAD, Progress.ON_TRACK)) {
            List<Progress.IndicatorProgress> these = p.withStatus(status);
            if (!these.isEmpty()) {
                line(out, "  %s（%d 项）：%s", Progress.statusName(status), these.size(),
                        String.join("、", these.stream().map(Progress.IndicatorProgress::name).toList()));
            }
        }
        out.append('\n');
        if (p.todo().isEmpty()) {
            line(out, "待办事项：无。");
            return;
        }
        line(out, "待办事项（%d 项，按日期）", p.todo().size());
        java.time.LocalDate day = null;
        for (Progress.Todo t : p.todo()) {
            if (!t.due().equals(day)) {
                day = t.due();
                line(out, "  %s前", Texts.date(day));
            }
            line(out, "    · %s（%s，可能失%s分）", t.text(), t.indicatorName(), num(t.pointsAtStake()));
        }
    }

    /** "应完成12、已完成2，按此进度全年4" for an indicator that counts; "" otherwise. */
    private static String counts(Progress.IndicatorProgress i) {
        if (i.required() == null) {
            return "";
        }
        return "  应完成" + num(i.required()) + "、已完成" + num(i.done())
                + (i.projected() == null ? "" : "，按此进度全年约" + num(i.projected()));
    }

    /** The explanation: what closing each gap changes, then each indicator's measures and the rules that took them. */
    private static void explain(StringBuilder out, Assessment a) {
        out.append('\n');
        line(out, "补齐差距后的变化");
        for (var w : a.explain().whatIf()) {
            line(out, "  %s：%s", w.indicator(), w.sentence());
        }
        out.append('\n');
        line(out, "判定依据（每个指标的规则、测得的值和阈值）");
        for (var t : a.explain().indicators()) {
            line(out, "  %s [%s] %s/%s %s  参数：%s", t.indicator(), t.check(), num(t.score()), num(t.max()), t.status(),
                    t.params());
            for (var m : t.measures()) {
                line(out, "    %s %s（%s，得分比例 %s）规则：%s", m.satisfied() ? "✓" : "✗", m.finding(), m.aspect(),
                        num(m.fraction()), m.rule());
            }
        }
    }

    /** Pads to a width counting a CJK character as two columns. */
    private static String pad(String s, int cjkWidth) {
        int cols = s.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
        return s + " ".repeat(Math.max(0, cjkWidth * 2 - cols));
    }

    static String num(double v) {
        return org.civcheck.engine.facts.Texts.num(v);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
    }
}
