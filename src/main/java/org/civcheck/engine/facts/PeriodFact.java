package org.civcheck.engine.facts;

import java.time.LocalDate;
import java.util.List;

/** The period under review, its months in order ("2025-01"…), and the inspection date. */
public record PeriodFact(LocalDate from, LocalDate to, LocalDate inspection, List<String> months) {

    public int monthCount() {
        return months.size();
    }
}
