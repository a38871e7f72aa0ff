package org.civcheck.engine.facts;

import java.time.LocalDate;

/** A plan, system or responsibility document and the day it was issued. */
public record DocumentFact(String id, String kind, String title, LocalDate date) {}
