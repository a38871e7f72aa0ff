package org.civcheck.engine.facts;

/** The unit's own score (自评分) for a self-rated indicator, with its 说明 and how many files support it. */
public record ClaimFact(String indicator, double score, String note, int files) {}
