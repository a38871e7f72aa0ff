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

    /** A file name for download: 复查表-unit name-inspection date.xlsx (or .csv). */
    public static String fileName(Assessment assessment, String extension) {
        return org.civcheck.report.FileNames.of("复查表", assessment.unit() == null ? null : assessment.unit().name(),
                assessment.inspectionDate(), extension);
    }
}
