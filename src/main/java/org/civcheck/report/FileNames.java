package org.civcheck.report;

import java.time.LocalDate;

/**
 * Names of the files a liaison downloads: what the file is, the unit's name and a date
 * (复查表-××区委办公室-2026年1月20日.xlsx), never the unit's id. Characters a file system or a
 * download header cannot carry become "_".
 */
public final class FileNames {

    private FileNames() {}

    /** {@code what-unit-date.extension}; the date is left out when null. */
    public static String of(String what, String unitName, LocalDate date, String extension) {
        String unit = unitName == null || unitName.isBlank() ? "" : "-" + safe(unitName);
        String day = date == null ? "" : "-" + org.civcheck.engine.facts.Texts.date(date);
        return what + unit + day + "." + extension;
    }

    private static String safe(String name) {
        String s = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\s;,%]", "_");
        return s.codePointCount(0, s.length()) <= 40 ? s : s.substring(0, s.offsetByCodePoints(0, 40));
    }
}
