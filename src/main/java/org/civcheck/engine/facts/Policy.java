package org.civcheck.engine.facts;

/** The criteria's scoring policy: the pass line, the at-risk margin, the score step and the maximum. */
public record Policy(double passScore, double atRiskMargin, double scoreStep, double maxScore) {}
