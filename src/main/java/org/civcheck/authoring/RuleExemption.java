package org.civcheck.authoring;

/**
 * A rule the cases need not make fire, and why (written in a case file under
 * {@code exemptRules}): coverage lists it apart instead of among the rules never fired.
 */
record RuleExemption(String rule, String reason, String file, int line) {}
