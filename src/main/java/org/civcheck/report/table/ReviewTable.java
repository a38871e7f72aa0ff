package org.civcheck.report.table;

import java.time.LocalDate;
import java.util.List;

/**
 * A 复查表 (re-inspection self-assessment table): the header information, then one row per
 * indicator in criteria order, each category's indicators followed by its subtotal row, and a
 * total row last.
 */
public record ReviewTable(Header header, List<Row> rows) {

    /** The column titles, in order. */
    public static final List<String> COLUMNS =
            List.of("测评项目", "测评内容", "分值", "测评方法", "自评得分", "状态", "佐证材料编号", "说明");

    /** The most a 说明 may hold, in Unicode code points (the national rule: at most 500 characters). */
    public static final int REMARK_LIMIT = 500;

    public ReviewTable {
        rows = List.copyOf(rows);
    }

    /** The indicator rows alone, in criteria order. */
    public List<Row> indicatorRows() {
        return rows.stream().filter(r -> r.kind() == Kind.INDICATOR).toList();
    }

    /** The category subtotal rows, in criteria order. */
    public List<Row> subtotalRows() {
        return rows.stream().filter(r -> r.kind() == Kind.SUBTOTAL).toList();
    }

    /** The total row (always the last). */
    public Row totalRow() {
        return rows.get(rows.size() - 1);
    }

    /**
     * Who was assessed, over which period, by which criteria, and the outcome.
     *
     * @param verdict the contract's verdict word ({@code not-ready}); {@code verdictName} is its Chinese name (难以通过)
     */
    public record Header(String unitId, String unitName, LocalDate periodFrom, LocalDate periodTo,
            LocalDate inspectionDate, String criteriaId, String criteriaName, String criteriaVersion, double score,
            double maxScore, double passScore, String verdict, String verdictName, String verdictReason) {

        /** The sheet's title line: 文明单位复查表（自评）· unit. */
        public String title() {
            return "文明单位复查表（自评）· " + unitName;
        }
    }

    public enum Kind { INDICATOR, SUBTOTAL, TOTAL }

    /**
     * One line of the table.
     *
     * @param category 测评项目: the category's name (for the total row: 合计)
     * @param indicator 测评内容: the indicator's name (for a subtotal row: 小计; for the total row: empty)
     * @param indicatorId the indicator's id; null on subtotal and total rows
     * @param points 分值: the points the row can score; null for a not-applicable indicator
     * @param method 测评方法; empty on subtotal and total rows
     * @param score 自评得分; null for a not-applicable indicator
     * @param status the contract's status word ({@code met}, {@code partial}, {@code unmet},
     *     {@code not-applicable}); null on subtotal and total rows
     * @param statusName 状态 in Chinese (达标 / 部分达标 / 未达标 / 不适用); empty on subtotal and total rows
     * @param evidence 佐证材料编号: the ids of the activities, documents and records the findings rest on
     * @param remark 说明: the findings, at most {@link #REMARK_LIMIT} code points
     */
    public record Row(Kind kind, String category, String indicator, String indicatorId, Double points, String method,
            Double score, String status, String statusName, List<String> evidence, String remark) {

        public Row {
            evidence = List.copyOf(evidence);
        }

        /** The evidence ids as one cell shows them: joined by 、. */
        public String evidenceText() {
            return String.join("、", evidence);
        }
    }
}
