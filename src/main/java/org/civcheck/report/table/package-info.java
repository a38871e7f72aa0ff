/**
 * The 复查表: the indicator table as inspectors use it (测评项目, 测评内容, 分值, 测评方法, 自评得分,
 * 状态, 佐证材料编号, 说明), built from an {@link org.civcheck.engine.Assessment} and its
 * {@link org.civcheck.criteria.CriteriaSet}, and written as .xlsx or CSV.
 *
 * <p>{@link org.civcheck.report.table.ReviewTableBuilder} makes the model
 * ({@link org.civcheck.report.table.ReviewTable}); {@link org.civcheck.report.table.XlsxTable} and
 * {@link org.civcheck.report.table.CsvTable} only render it; {@link org.civcheck.report.table.ReviewTables}
 * is the entry point for the CLI, the API and the page. Like the rest of {@code report}, it renders
 * and decides nothing: every score, status and finding is the assessment's.
 */
package org.civcheck.report.table;
