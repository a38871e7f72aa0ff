package org.civcheck.report.table;

import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;

/**
 * The 复查表 of an assessment, for the CLI, the API and the page: built by
 * {@link ReviewTableBuilder}, written by {@link XlsxTable} or {@link CsvTable}.
 */
public final class ReviewTables {

    /** Media type of {@link #xlsx}. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Media type of {@link #csv}. */
    public static final String CSV_TYPE = "text/csv; charset=utf-8";

    private ReviewTables() {}

    /** The table model, for callers that render it themselves (the page). */
    public static ReviewTable table(Assessment assessment, CriteriaSet criteria) {
        return new ReviewTableBuilder().build(assessment, criteria);
    }

    /** The table as an .xlsx workbook. */
    public static byte[] xlsx(Assessment assessment, CriteriaSet criteria) {
        return XlsxTable.write(table(assessment, criteria));
    }

    /** The table as CSV: UTF-8 with BOM, CRLF, RFC 4180 quoting. */
    public static byte[] csv(Assessment assessment, CriteriaSet criteria) {
        return CsvTable.write(table(assessment, criteria));
    }

    /** A file name for download: 复查表-unit id-inspection date.xlsx (or .csv), ASCII-safe apart from 复查表. */
    public static String fileName(Assessment assessment, String extension) {
        String unit = assessment.unit() == null || assessment.unit().id() == null ? "unit"
                : assessment.unit().id().replaceAll("[^A-Za-z0-9._-]", "_");
        String date = assessment.inspectionDate() == null ? "" : "-" + assessment.inspectionDate();
        return "复查表-" + unit + date + "." + extension;
    }
}
