package org.civcheck.engine.facts;

/** A category (测评项目) and its maximum, for the rules that total the indicator scores. */
public record CategoryFact(String id, String name, double max) {}
