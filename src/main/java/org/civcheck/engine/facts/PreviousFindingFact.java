package org.civcheck.engine.facts;

import java.time.LocalDate;

/** A problem the last review fed back (上次反馈问题), and whether the unit rectified it. */
public record PreviousFindingFact(String id, String finding, boolean rectified, LocalDate rectifiedOn, int files) {}
