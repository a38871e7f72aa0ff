package org.civcheck.criteria;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What separates on track (按进度可以通过), at risk (有风险) and behind (明显滞后) in a check made
 * before the period is over, from the {@code progress:} section of {@code criteria.yaml}:
 *
 * <pre>
 * progress:
 *   atRiskMargin: 10     # the score on pace below the pass line by at most this: at risk; further: behind
 *   aheadShare: 1.25     # done ≥ this × required by now: ahead of pace
 *   closingDays: 31      # a ledger whose last record is this close to the period's end is the whole period
 * </pre>
 *
 * @param aheadShare null when the set names none: no indicator is then called ahead
 */
public record ProgressPolicy(double atRiskMargin, Double aheadShare, int closingDays) {

    /** A set without a progress section: its verdict's at-risk margin, nothing ahead, no closing days. */
    public static ProgressPolicy of(double atRiskMargin) {
        return new ProgressPolicy(atRiskMargin, null, 0);
    }

    static ProgressPolicy read(Fields head, double setMargin) {
        JsonNode node = head.raw("progress");
        if (node == null || node.isNull()) {
            return of(setMargin);
        }
        if (!node.isObject()) {
            head.fault(head.at("progress"), "progress 应为键值映射（atRiskMargin、aheadShare、closingDays）");
            return of(setMargin);
        }
        Fields p = new Fields(head.fileOf(), node, head.at("progress"), head.problems())
                .allow("atRiskMargin", "aheadShare", "closingDays");
        double margin = p.number("atRiskMargin", setMargin);
        Double ahead = p.raw("aheadShare") == null ? null : p.number("aheadShare");
        double closing = p.number("closingDays", 0);
        if (margin < 0) {
            p.fault(p.at("atRiskMargin"), "progress.atRiskMargin 不能为负数");
        }
        if (ahead != null && ahead < 1) {
            p.fault(p.at("aheadShare"), "progress.aheadShare 应不小于 1（完成量达到应完成量的几倍算超前）");
        }
        if (closing < 0 || closing != Math.rint(closing)) {
            p.fault(p.at("closingDays"), "progress.closingDays 应为不小于 0 的整数天数");
        }
        return new ProgressPolicy(margin, ahead, (int) closing);
    }
}
