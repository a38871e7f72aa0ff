package org.civcheck.engine.facts;

import java.time.LocalDate;
import java.util.Set;

/** A plan, system or responsibility document, the day it was issued and the unit's tags on it. */
public record DocumentFact(String id, String kind, String title, LocalDate date, Set<String> tags) {}
