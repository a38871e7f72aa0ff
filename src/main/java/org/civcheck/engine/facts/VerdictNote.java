package org.civcheck.engine.facts;

/**
 * A sentence the rules add to the verdict's reason (how much of the score rests on the unit's own
 * claims), in the order of {@code order}.
 */
public record VerdictNote(int order, String text) {}
