/**
 * The facts the rules in {@code rules/*.drl} reason over: the package, the criteria (one
 * {@link org.civcheck.engine.facts.Check} per indicator) and what the rules derive
 * ({@link org.civcheck.engine.facts.Measure}, {@link org.civcheck.engine.facts.IndicatorResult},
 * {@link org.civcheck.engine.facts.GapFact}, …). Plain data with no judgement of their own:
 * every comparison with a threshold is in the rules.
 */
package org.civcheck.engine.facts;
