package org.civcheck.report.page;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write numbers, dates and months: the same way everywhere. */
public final class Formats {

    /** Times are shown in China Standard Time, whatever zone the server runs in. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Formats() {}

    /** Points without trailing zeros: 59.0 → "59", 12.5 → "12.5", 1341.94 → "1341.94". */
    public static String points(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** A change in points with its sign: "+3.5", "-2", "0". */
    public static String signedPoints(double delta) {
        String p = points(Math.abs(delta));
        if (p.equals("0")) {
            return "0";
        }
        return (delta > 0 ? "+" : "-") + p;
    }

    /** A share as a whole percentage: 0.3337 → "33%". */
    public static String percent(double ratio) {
        return org.civcheck.engine.facts.Texts.pct(ratio);
    }

    /** Rounds to one decimal, the precision of all drawn geometry. */
    public static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Limits {@code value} to {@code [min, max]}. */
    public static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    /** A day as an office writes it: "2025年9月3日" (the one format, {@link org.civcheck.engine.facts.Texts#date}). */
    public static String date(LocalDate date) {
        return org.civcheck.engine.facts.Texts.date(date);
    }

    /** A stored time in China Standard Time: "2026年1月20日 09:30". */
    public static String dateTime(OffsetDateTime time) {
        if (time == null) {
            return "";
        }
        java.time.ZonedDateTime local = time.atZoneSameInstant(ZONE);
        return date(local.toLocalDate()) + " " + local.format(TIME);
    }

    /** A stored time's day in China Standard Time, without its year: "1月20日". */
    public static String shortDate(OffsetDateTime time) {
        return time == null ? "" : withoutYear(date(time.atZoneSameInstant(ZONE).toLocalDate()));
    }

    /** An office date (or date and time) without its year, for a compact label: "2026年1月20日 09:30" → "1月20日 09:30". */
    public static String withoutYear(String officeDate) {
        return officeDate.substring(officeDate.indexOf('年') + 1);
    }

    /** "3月". */
    public static String month(YearMonth month) {
        return month.getMonthValue() + "月";
    }

    /** A file size for people: "980 字节", "48.7 KB", "3.2 MB" ({@link org.civcheck.evidence.InputTexts#bytes}, the one way). */
    public static String bytes(long bytes) {
        return org.civcheck.evidence.InputTexts.bytes(bytes);
    }
}
