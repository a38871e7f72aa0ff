package org.civcheck.report.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.criteria.Category;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Progress;
import org.civcheck.engine.Verdicts;
import org.civcheck.engine.facts.Texts;

/**
 * Builds the {@link ReviewTable} of an assessment: rows in the order of the criteria set's
 * categories and indicators, scores, statuses, methods and evidence as the assessment has them,
 * the 说明 from each indicator's findings ({@link Remarks}), subtotals from the assessment's
 * category scores and the total from its score.
 *
 * <p>The criteria set gives only the order (and names the assessment lacks). An assessment scored
 * by another version of the set still gives a whole table: its indicators the set does not know
 * follow the known ones of their category, its categories the set does not know come last, and
 * the set's indicators it did not score are left out.
 */
public final class ReviewTableBuilder {

    static final Map<String, String> STATUS_NAMES = Map.of(
            "met", "达标", "partial", "部分达标", "unmet", "未达标", "not-applicable", "不适用");
    static final String NOT_APPLICABLE = "not-applicable";

    private final int remarkLimit;

    public ReviewTableBuilder() {
        this(ReviewTable.REMARK_LIMIT);
    }

    /** A builder cutting each 说明 to {@code remarkLimit} code points (for tests and stricter provinces). */
    public ReviewTableBuilder(int remarkLimit) {
        this.remarkLimit = remarkLimit;
    }

    public ReviewTable build(Assessment a, CriteriaSet criteria) {
        Map<String, Assessment.IndicatorScore> scored = new LinkedHashMap<>();
        for (Assessment.IndicatorScore i : a.indicators()) {
            scored.put(i.id(), i);
        }
        Map<String, Assessment.CategoryScore> categoryScores = new LinkedHashMap<>();
        for (Assessment.CategoryScore c : a.categories()) {
            categoryScores.put(c.id(), c);
        }

        // Category order: the criteria's, then the assessment's own (its categories, then any its indicators name).
        Map<String, String> categoryNames = new LinkedHashMap<>();
        for (Category c : criteria.categories()) {
            categoryNames.put(c.id(), c.name());
        }
        for (Assessment.CategoryScore c : a.categories()) {
            categoryNames.putIfAbsent(c.id(), c.name());
        }
        for (Assessment.IndicatorScore i : a.indicators()) {
            categoryNames.putIfAbsent(i.category(), i.category());
        }

        List<ReviewTable.Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> category : categoryNames.entrySet()) {
            String categoryId = category.getKey();
            String name = categoryScores.containsKey(categoryId) ? categoryScores.get(categoryId).name()
                    : category.getValue();
            List<Assessment.IndicatorScore> members = new ArrayList<>();
            criteria.categories().stream().filter(c -> c.id().equals(categoryId)).findFirst()
                    .ifPresent(c -> {
                        for (Indicator i : c.indicators()) {
                            if (scored.containsKey(i.id())) {
                                members.add(scored.get(i.id()));
                            }
                        }
                    });
            for (Assessment.IndicatorScore i : a.indicators()) {
                if (i.category().equals(categoryId) && !members.contains(i)) {
                    members.add(i);
                }
            }
            if (members.isEmpty() && !categoryScores.containsKey(categoryId)) {
                continue;
            }
            for (Assessment.IndicatorScore i : members) {
                rows.add(indicatorRow(name, i, pace(a, i.id()), claim(a, i.id())));
            }
            Assessment.CategoryScore subtotal = categoryScores.get(categoryId);
            double score = subtotal != null ? subtotal.score()
                    : members.stream().mapToDouble(Assessment.IndicatorScore::score).sum();
            double max = subtotal != null ? subtotal.max()
                    : members.stream().mapToDouble(Assessment.IndicatorScore::max).sum();
            rows.add(new ReviewTable.Row(ReviewTable.Kind.SUBTOTAL, name, "小计", null, max, "", score, null, "",
                    List.of(), ""));
        }
        rows.add(new ReviewTable.Row(ReviewTable.Kind.TOTAL, "合计", "", null, a.maxScore(), "", a.score(), null, "",
                List.of(), ""));
        return new ReviewTable(header(a, criteria), rows);
    }

    /**
     * An indicator's pace in a check made before the period's end, the first line of its 说明:
     * "进度：滞后（截至6月30日应完成12，已完成2）"; null for a whole-period check.
     */
    private static String pace(Assessment a, String indicator) {
        if (!a.isPartial()) {
            return null;
        }
        return a.progress().indicators().stream().filter(p -> p.indicator().equals(indicator)).findFirst()
                .map(p -> "进度：" + p.statusName() + (p.required() == null || p.status().equals(Progress.NOT_YET_DUE) ? ""
                        : "（应完成" + Numbers.text(p.required()) + "，已完成" + Numbers.text(p.done()) + "）"))
                .orElse(null);
    }

    /** The unit's own claim on a self-rated indicator, or null. */
    private static Assessment.ClaimScore claim(Assessment a, String indicator) {
        return a.claims() == null ? null : a.claims().items().stream().filter(c -> c.indicator().equals(indicator))
                .findFirst().orElse(null);
    }

    /**
     * One indicator's row. A self-rated one's 说明 opens with the unit's own 说明 (the column is exactly
     * that on a paper 复查表), and its 佐证材料 are the files the unit gave with its claim.
     */
    private ReviewTable.Row indicatorRow(String categoryName, Assessment.IndicatorScore i, String pace,
            Assessment.ClaimScore claim) {
        boolean applicable = !NOT_APPLICABLE.equals(i.status());
        List<String> findings = new ArrayList<>();
        if (pace != null) {
            findings.add(pace);
        }
        if (claim != null && claim.note() != null && !claim.note().isBlank()) {
            findings.add(claim.note());
        }
        findings.addAll(i.findings() == null ? List.of() : i.findings());
        List<String> evidence = new ArrayList<>(i.evidence() == null ? List.of() : i.evidence());
        if (claim != null && claim.files() != null) {
            claim.files().stream().filter(f -> !evidence.contains(f)).forEach(evidence::add);
        }
        String remark = Remarks.of(findings, remarkLimit);
        return new ReviewTable.Row(ReviewTable.Kind.INDICATOR, categoryName, i.name(), i.id(),
                applicable ? i.max() : null, i.method() == null ? "" : i.method(), applicable ? i.score() : null,
                i.status(), STATUS_NAMES.getOrDefault(i.status(), i.status()),
                List.copyOf(evidence), remark);
    }

    private static ReviewTable.Header header(Assessment a, CriteriaSet criteria) {
        Assessment.CriteriaRef ref = a.criteria();
        return new ReviewTable.Header(
                a.unit().id(), a.unit().name(),
                a.period() == null ? null : a.period().from(), a.period() == null ? null : a.period().to(),
                a.inspectionDate(),
                ref != null ? ref.id() : criteria.id(),
                ref != null && ref.name() != null ? ref.name() : criteria.name(),
                ref != null && ref.version() != null ? ref.version() : criteria.version(),
                a.score(), a.maxScore(), a.passScore(), a.verdict(), Verdicts.chinese(a.verdict()),
                (a.verdictReason() == null ? "" : a.verdictReason()) + (!a.isPartial() ? ""
                        : "（假如" + Texts.date(a.asOf()) + "复查，" + Texts.date(a.asOf()) + "之后的记录未计入）。全年进度："
                                + a.progress().verdictName() + "，" + a.progress().reason()));
    }
}
