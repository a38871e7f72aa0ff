/**
 * Evidence packages: the input contract of {@code shared/spec/evidence-package.md}.
 *
 * <p>Owns the package model (plain records), reading JSON or zip packages with limits,
 * schema and semantic validation, and the {@link org.civcheck.evidence.InputProblem}s
 * a refused package gets. Knows nothing of criteria, rules or scoring.
 */
package org.civcheck.evidence;
