package org.civcheck.evidence;

import java.time.LocalDate;

/** The span the evidence covers, both ends included. */
public record Period(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
