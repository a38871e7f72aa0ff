package org.civcheck.evidence;

import java.time.LocalDate;

/** A satisfaction survey of staff or the public. */
public record Survey(String kind, int respondents, int satisfied, LocalDate date) {

    public double satisfactionRate() {
        return respondents == 0 ? 0 : (double) satisfied / respondents;
    }
}
