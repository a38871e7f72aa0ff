package org.civcheck.engine.facts;

import java.time.LocalDate;
import java.util.List;

/** The period under review, its months in order ("2025-01"…), and the inspection date. */
public record PeriodFact(LocalDate from, LocalDate to, LocalDate inspection, List<String> months) {

    /** Calendar months the period touches (a mid-month start and end touch 13). */
    public int monthCount() {
        return months.size();
    }

    /**
     * The period's length in months, for scaling yearly requirements: 12 for a calendar year and
     * for 15 January to 14 January alike; odd days count as a share of an average month.
     */
    public double lengthInMonths() {
        java.time.Period p = java.time.Period.between(from, to.plusDays(1));
        return p.toTotalMonths() + p.getDays() / 30.4375;
    }
}
