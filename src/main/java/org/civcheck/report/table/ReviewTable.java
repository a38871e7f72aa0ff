package org.civcheck.report.table;

import java.time.LocalDate;
import java.util.List;

/**
 * A 复查表 (re-inspection self-assessment table): the header information, then one row per
 * indicator in criteria order, each category's indicators followed by its subtotal row, and a
 * total row last.
 */
public record ReviewTable(Header header, List<Row> rows) {

    /** The most a 说明 may hold, in Unicode code points (the national rule: at most 500 characters). */
    public static final int REMARK_LIMIT = 500;

    /** The column titles, in order. */
    public static final List<String> COLUMNS =
            List.of("测评项目", "测评内容", "分值", "测评方法", "自评得分", "状态", "佐证材料编号", "说明（不超过500字）");

    /** At most this many material numbers in a row's cell; the rest are counted, and listed in full apart. */
    public static final int EVIDENCE_SHOWN = 5;

    /** The name of the list of every material number (the workbook's second sheet). */
    public static final String EVIDENCE_LIST = "佐证材料清单";

    /** The line under the header that says how 说明 and 佐证材料编号 are kept short. */
    public static final String NOTE = "说明：每项说明按规定不超过" + REMARK_LIMIT + "字（按字数计），超出的在句末截断并以“……”标明；"
            + "佐证材料编号多于" + EVIDENCE_SHOWN + "项的只列前" + EVIDENCE_SHOWN + "项并注明总数，全部编号见Excel版复查表的“"
            + EVIDENCE_LIST + "”工作表。";

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

        /** The lines under the title, the same in the workbook and the CSV: who, when, the outcome, why, the note. */
        public List<String> lines() {
            return List.of(
                    "单位：" + unitName + "　　评估期：" + date(periodFrom) + "至" + date(periodTo)
                            + "　　复查日期：" + date(inspectionDate),
                    "测评体系：" + criteriaName + "（" + criteriaVersion + "版）　　自评得分：" + Numbers.text(score)
                            + " / " + Numbers.text(maxScore) + "　　合格线：" + Numbers.text(passScore)
                            + "　　结论：" + verdictName,
                    "结论说明：" + verdictReason,
                    NOTE);
        }

        private static String date(LocalDate d) {
            return d == null ? "未注明" : org.civcheck.engine.facts.Texts.date(d);
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

        /**
         * The evidence ids as one cell shows them: joined by 、, at most {@link #EVIDENCE_SHOWN} of them and
         * then how many there are in all (act-0001、act-0002、… 等818项).
         */
        public String evidenceText() {
            if (evidence.size() <= EVIDENCE_SHOWN) {
                return String.join("、", evidence.stream().map(Row::shortId).toList());
            }
            return String.join("、", evidence.subList(0, EVIDENCE_SHOWN).stream().map(Row::shortId).toList())
                    + " 等" + evidence.size() + "项";
        }

        /** An id as a cell shows it: at most {@value #ID_LIMIT} characters. */
        static String shortId(String id) {
            return id.codePointCount(0, id.length()) <= ID_LIMIT ? id : Remarks.limit(id, ID_LIMIT);
        }
    }

    /** The longest id a cell shows whole; a longer one (a package may hold any) is cut with an ellipsis. */
    static final int ID_LIMIT = 64;

    /** Rows of the evidence list: each indicator's ids, {@value #IDS_PER_LINE} to a line. */
    public List<List<String>> evidenceLines() {
        List<List<String>> lines = new java.util.ArrayList<>();
        for (Row r : indicatorRows()) {
            for (int from = 0; from < r.evidence().size(); from += IDS_PER_LINE) {
                int to = Math.min(r.evidence().size(), from + IDS_PER_LINE);
                lines.add(List.of(r.category(), r.indicator(), (from + 1) + "–" + to,
                        String.join("、", r.evidence().subList(from, to).stream().map(Row::shortId).toList())));
            }
        }
        return lines;
    }

    /** How many ids one line of the evidence list holds (at most about 6,500 characters). */
    static final int IDS_PER_LINE = 100;
}
