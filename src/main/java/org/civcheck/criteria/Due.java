package org.civcheck.criteria;

import java.util.List;

/**
 * How an indicator's requirement scales to a part of its period, for checks made before the period
 * is over: by the elapsed share ({@code prorated}: counts, hours, months covered), by a fixed
 * deadline ({@code deadline}: the annual plan by 31 March, due or not), or only at the period's end
 * ({@code end-of-period}: the year-end survey, the summary).
 *
 * <p>A check kind declares it in its rules' metadata: {@code @due("prorated")},
 * {@code @due("end-of-period")}, or {@code @due("deadline | deadline")}, where the part after the bar
 * names the kind's parameter that holds the date ("03-31"). An indicator may override it in the
 * criteria with {@code due:} and, for a deadline, {@code dueBy: "06-30"}.
 *
 * @param manner one of {@link #MANNERS}
 * @param dateParam for a deadline declared by a kind: the parameter holding the month-day; else null
 */
public record Due(String manner, String dateParam) {

    public static final String PRORATED = "prorated";
    public static final String DEADLINE = "deadline";
    public static final String END_OF_PERIOD = "end-of-period";

    /** The manners a kind or an indicator may declare. */
    public static final List<String> MANNERS = List.of(PRORATED, DEADLINE, END_OF_PERIOD);

    /** A declaration as a kind's {@code @due(…)} writes it, or null when it names no manner. */
    public static Due parse(String declaration) {
        if (declaration == null) {
            return null;
        }
        String[] parts = declaration.split("\\|", 2);
        String manner = parts[0].trim();
        if (!MANNERS.contains(manner)) {
            return null;
        }
        String param = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : null;
        return new Due(manner, DEADLINE.equals(manner) ? param : null);
    }
}
