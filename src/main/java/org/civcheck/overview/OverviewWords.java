package org.civcheck.overview;

import org.civcheck.engine.Verdicts;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.WordField;
import org.civcheck.register.Region;
import org.civcheck.report.page.Formats;
import org.civcheck.store.OverviewQuery;
import org.civcheck.store.OverviewRow;

/** How the overview and its export write a unit's row: one place for the page and the workbook. */
public final class OverviewWords {

    /** The verdict of a unit never checked. */
    public static final String UNCHECKED = "尚未自查";
    /** The region of a unit no register file placed yet. */
    public static final String NO_REGION = "未划分地区";

    private OverviewWords() {}

    /** 可以通过, 存在风险, 难以通过, 一票否决, 尚未自查. */
    public static String verdict(String verdict) {
        return verdict == null || verdict.equals(OverviewQuery.UNCHECKED) ? UNCHECKED : Verdicts.chinese(verdict);
    }

    /** 市级文明单位; blank when the register does not say. */
    public static String level(String level) {
        return level == null ? "" : PackageVocabulary.standard().name(WordField.UNIT_LEVEL, level) + "文明单位";
    }

    public static String region(String regionId) {
        return regionId == null ? NO_REGION : Region.label(regionId);
    }

    public static String score(OverviewRow row) {
        return row.score() == null ? "" : Formats.points(row.score());
    }

    /** "2026年1月20日"; blank for a unit never checked. */
    public static String checked(OverviewRow row) {
        return row.checkedAt() == null ? "" : Formats.date(row.checkedAt().atZoneSameInstant(Formats.ZONE).toLocalDate());
    }

    /** "+3.5", "-2", "0"; 首次自查 after one check; blank when never checked. */
    public static String change(OverviewRow row) {
        if (row.checkedAt() == null) {
            return "";
        }
        return row.change() == null ? "首次自查" : Formats.signedPoints(row.change());
    }

    /** "按进度可以通过（截至2025年6月30日）" for a check made during the period; blank for a whole-period one. */
    public static String progress(OverviewRow row) {
        if (row.progressVerdict() == null || row.asOf() == null) {
            return "";
        }
        return org.civcheck.engine.Progress.chinese(row.progressVerdict()) + "（截至" + Formats.date(row.asOf()) + "）";
    }
}
