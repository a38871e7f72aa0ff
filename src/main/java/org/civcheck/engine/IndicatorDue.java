package org.civcheck.engine;

import java.time.LocalDate;
import java.time.MonthDay;
import org.civcheck.criteria.Due;
import org.civcheck.criteria.Indicator;

/**
 * How one indicator's requirement scales to a part of its period: the indicator's own {@code due}
 * when the criteria give one, else its check kind's {@code @due}. A deadline whose date neither the
 * indicator ({@code dueBy}) nor the kind's date parameter gives is due at the period's end.
 *
 * @param deadline the month-day of a deadline; null for the other manners
 */
record IndicatorDue(String manner, MonthDay deadline) {

    static IndicatorDue of(Indicator indicator, CheckKind kind) {
        Due declared = kind == null ? null : kind.dueDeclared();
        String manner = indicator.due() != null ? indicator.due() : declared != null ? declared.manner() : null;
        if (manner == null) {
            return new IndicatorDue(Due.END_OF_PERIOD, null); // lint rejects a kind without @due
        }
        if (!Due.DEADLINE.equals(manner)) {
            return new IndicatorDue(manner, null);
        }
        String date = indicator.dueBy();
        if (date == null && declared != null && declared.dateParam() != null) {
            Object value = indicator.params().get(declared.dateParam());
            date = value == null ? null : String.valueOf(value);
        }
        return date == null ? new IndicatorDue(Due.END_OF_PERIOD, null)
                : new IndicatorDue(Due.DEADLINE, MonthDay.parse("--" + date));
    }

    boolean prorated() {
        return Due.PRORATED.equals(manner);
    }

    boolean endOfPeriod() {
        return Due.END_OF_PERIOD.equals(manner);
    }

    /** The deadline's date in the period: its first occurrence on or after the period's start. */
    LocalDate deadlineIn(LocalDate periodFrom, LocalDate periodTo) {
        LocalDate d = deadline.atYear(periodFrom.getYear());
        if (d.isBefore(periodFrom)) {
            d = deadline.atYear(periodFrom.getYear() + 1);
        }
        return d.isAfter(periodTo) ? periodTo : d;
    }
}
