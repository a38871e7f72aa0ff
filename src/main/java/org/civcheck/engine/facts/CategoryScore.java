package org.civcheck.engine.facts;

/** A category's score: the sum of its indicator scores, capped at its maximum. */
public record CategoryScore(String category, double score, double max) {}
