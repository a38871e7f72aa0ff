package org.civcheck.engine.facts;

import java.time.LocalDate;

/** An honour the unit received (表彰): its title, its level (a word of the criteria's honorLevels) and date. */
public record HonorFact(String title, String level, LocalDate date) {}
