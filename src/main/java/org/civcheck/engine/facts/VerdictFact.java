package org.civcheck.engine.facts;

/** The verdict ("ready", "at-risk", "not-ready", "vetoed"), the total score and why, in Chinese. */
public record VerdictFact(String verdict, double score, String reason) {}
