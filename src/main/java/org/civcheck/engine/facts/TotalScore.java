package org.civcheck.engine.facts;

/** The sum of the category scores. */
public record TotalScore(double score) {}
