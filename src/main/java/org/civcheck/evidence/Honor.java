package org.civcheck.evidence;

import java.time.LocalDate;

/** An award received in the period. */
public record Honor(String title, String level, LocalDate date) {}
