package org.civcheck.engine.facts;

/** The criteria's scoring policy: the pass line, the at-risk margin, the score step and the maximum. */
public record Policy(double passScore, double atRiskMargin, double scoreStep, double maxScore, double bonusCap,
        double deductionCap) {

    /** A policy without caps on bonus or deduction (no set-wide cap: {@link Double#MAX_VALUE}). */
    public Policy(double passScore, double atRiskMargin, double scoreStep, double maxScore) {
        this(passScore, atRiskMargin, scoreStep, maxScore, Double.MAX_VALUE, Double.MAX_VALUE);
    }
}
