package org.civcheck.report.page;

import org.civcheck.engine.Assessment;
import org.civcheck.engine.Verdicts;

/**
 * The head of the results page: the verdict in Chinese, the score against the pass line, and
 * a bar from 0 to the maximum with the score filled and the pass line marked (percent of the bar).
 *
 * @param distance how far the score is from the pass line, in words ("低于合格线 26 分")
 * @param recoverable the points the gaps put at stake, together (a veto's gap left out)
 */
public record VerdictBanner(String verdict, String name, String reason, String score, String maxScore,
        String passScore, double scorePct, double passPct, String distance, int gapCount, String recoverable,
        int blockingGaps, int vetoCount) {

    public static VerdictBanner of(Assessment a) {
        double max = a.maxScore() > 0 ? a.maxScore() : 1;
        double scorePct = Formats.round1(Formats.clamp(a.score() / max * 100, 0, 100));
        double passPct = Formats.round1(Formats.clamp(a.passScore() / max * 100, 0, 100));
        double diff = a.score() - a.passScore();
        String distance = Math.abs(diff) < 1e-9 ? "恰好达到合格线"
                : diff > 0 ? "高出合格线 " + Formats.points(diff) + " 分"
                : "低于合格线 " + Formats.points(-diff) + " 分";
        double recoverable = a.gaps() == null ? 0 : GapList.points(a.gaps(), a);
        int blocking = a.gaps() == null ? 0 : (int) a.gaps().stream().filter(Assessment.Gap::blocking).count();
        return new VerdictBanner(a.verdict(), Verdicts.chinese(a.verdict()), a.verdictReason(),
                Formats.points(a.score()), Formats.points(a.maxScore()), Formats.points(a.passScore()), scorePct, passPct,
                distance, a.gaps() == null ? 0 : a.gaps().size(), Formats.points(recoverable), blocking,
                a.vetoes() == null ? 0 : a.vetoes().size());
    }
}
