/**
 * Criteria sets: the inspection criteria as data, read from a folder of YAML files, or from a
 * folder holding only {@code overlay.yaml} that adapts another set (loaded by {@code OverlayLoader}).
 *
 * <p>Owns the model ({@link org.civcheck.criteria.CriteriaSet} → {@link org.civcheck.criteria.Category}
 * → {@link org.civcheck.criteria.Indicator}, the taxonomy, problem classes and vetoes) and the
 * {@link org.civcheck.criteria.CriteriaLoader} that reports every fault with its file and line.
 * Holds no rule logic and no thresholds of its own.
 */
package org.civcheck.criteria;
