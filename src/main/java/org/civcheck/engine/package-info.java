/**
 * The engine: turns an evidence package and a criteria set into facts, runs the Drools rules of
 * {@code rules/} over them in phases (measure, score, categories, total, verdict), and collects
 * the {@link org.civcheck.engine.Assessment}. Java here is plumbing: every judgement is in the DRL,
 * every threshold in the criteria. {@link org.civcheck.engine.CriteriaRegistry} serves every criteria
 * set of a folder as whole, swappable generations and rebuilds them when the files change.
 */
package org.civcheck.engine;
