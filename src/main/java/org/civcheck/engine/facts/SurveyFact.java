package org.civcheck.engine.facts;

import java.time.LocalDate;

/** A satisfaction survey and its rate (satisfied ÷ respondents). */
public record SurveyFact(String kind, int respondents, int satisfied, double rate, LocalDate date) {}
