/**
 * Criteria test cases ({@code civcheck criteria test}): the rule author's check that a criteria
 * set and its rules still judge known packages as intended.
 *
 * <p>Owns the case files ({@code <criteria>/tests/*.yaml}: {@link org.civcheck.authoring.CaseFileReader}
 * reads them into {@link org.civcheck.authoring.CriteriaTestCase}s, every fault with file and line),
 * the small language of {@link org.civcheck.authoring.PackageEdits} that turns a base package into
 * the one a case needs, the {@link org.civcheck.authoring.CaseRunner} that scores a case with one
 * shared rule base and lists how the result differs from what the case expects, the
 * {@link org.civcheck.authoring.Coverage} of indicators, rules and outcomes over all cases, and the
 * Chinese {@link org.civcheck.authoring.TestReport}. {@link org.civcheck.authoring.CriteriaTests}
 * ties them together.
 *
 * <p>Also here, for {@code civcheck criteria diff}: {@link org.civcheck.authoring.CriteriaImpact}
 * and {@link org.civcheck.authoring.ImpactReport}, what a change of criteria does to the results
 * of given packages. Nothing here scores by itself: every judgement comes from the engine.
 */
package org.civcheck.authoring;
