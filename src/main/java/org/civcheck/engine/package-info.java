/**
 * The engine: turns an evidence package and a criteria set into facts, runs the Drools rules of
 * {@code rules/} over them in phases (measure, score, categories, total, verdict), and collects
 * the {@link org.civcheck.engine.Assessment}. Java here is plumbing: every judgement is in the DRL,
 * every threshold in the criteria.
 */
package org.civcheck.engine;
