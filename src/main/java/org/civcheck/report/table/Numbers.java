package org.civcheck.report.table;

/** Scores as the table writes them in text: 3, 2.5, 0.25 — no trailing ".0". */
final class Numbers {

    private Numbers() {}

    static String text(Double value) {
        if (value == null) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String text(double value) {
        return text(Double.valueOf(value));
    }
}
