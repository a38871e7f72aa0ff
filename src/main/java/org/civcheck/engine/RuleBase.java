package org.civcheck.engine;

import org.kie.api.KieBase;

/** Compiled rules, ready to score any number of packages (thread-safe: each run gets its own session). */
public record RuleBase(KieBase kieBase, String sha256, int fileCount) {}
