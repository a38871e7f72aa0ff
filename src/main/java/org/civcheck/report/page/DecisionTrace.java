package org.civcheck.report.page;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Explanation;

/**
 * What decided one indicator (判定依据), folded under it on the results page: its check kind, the
 * thresholds the criteria set for it, and every measure the rules took — met or not, the finding,
 * the rule's name, the share of the points it earns and the evidence it rests on.
 *
 * <p>Thresholds are the indicator's {@code params} made readable by what the rules declare of each
 * ({@link org.civcheck.criteria.Parameter}): the Chinese label, words of the taxonomy by their names
 * (a list the criteria wrote as a whole class, which comes with a {@code …Label}, by the class's name
 * and its size), a share as a percentage, a number with its unit, yes/no for a flag.
 *
 * @param summary what the fold's closed line says: the check kind and how many measures fell short
 * @param measures the measures, those short of their threshold first
 */
public record DecisionTrace(String indicator, String check, String checkName, String summary,
        List<Threshold> thresholds, List<Step> measures) {

    /** Evidence links shown at once under a measure; the next {@value #FOLDED} are folded. */
    static final int SHOWN = 8;
    static final int FOLDED = 192;

    /**
     * One parameter of the check.
     *
     * @param detail the full list behind a class's name ("创建活动（19类）"), or null
     */
    public record Threshold(String key, String label, String value, String detail) {}

    /**
     * One measure.
     *
     * @param mark ✓ when it met its threshold, ✗ when not
     * @param share the share of the indicator's points it earns, "100%"
     * @param evidence the first {@value DecisionTrace#SHOWN} links; {@code moreEvidence} the next
     *     {@value DecisionTrace#FOLDED}
     */
    public record Step(boolean satisfied, String mark, String finding, String rule, String aspect, String share,
            List<EvidenceIndex.EvidenceLink> evidence, List<EvidenceIndex.EvidenceLink> moreEvidence,
            int evidenceCount) {

        /** The evidence ids named but neither shown nor folded. */
        public int unlistedEvidence() {
            return evidenceCount - evidence.size() - moreEvidence.size();
        }
    }

    /**
     * The trace of every indicator the result explains, by indicator id; empty when the result has
     * no explanation (results stored before there was one).
     */
    public static Map<String, DecisionTrace> of(Assessment a, Vocabulary words, EvidenceIndex index) {
        Map<String, DecisionTrace> traces = new HashMap<>();
        if (a.explain() == null || a.explain().indicators() == null) {
            return traces;
        }
        for (Explanation.IndicatorTrace t : a.explain().indicators()) {
            traces.putIfAbsent(t.indicator(), of(t, words, index));
        }
        return traces;
    }

    /** The trace of one indicator. */
    public static DecisionTrace of(Explanation.IndicatorTrace t, Vocabulary words, EvidenceIndex index) {
        List<Explanation.MeasureTrace> measures = new ArrayList<>(t.measures() == null ? List.of() : t.measures());
        measures.sort(Comparator.comparing(Explanation.MeasureTrace::satisfied)
                .thenComparing(m -> m.aspect() == null ? "" : m.aspect()));
        List<Step> steps = measures.stream().map(m -> step(m, index)).toList();
        String checkName = t.checkName() == null || t.checkName().isBlank() ? t.check() : t.checkName();
        return new DecisionTrace(t.indicator(), t.check(), checkName, summary(checkName, t.status(), steps),
                thresholds(t.params(), t.parameters(), words), steps);
    }

    /**
     * The parameters of a check as the fold lists them: in the order the rules declare them, under
     * the labels they give; a parameter they do not describe by its own name after them.
     */
    public static List<Threshold> thresholds(Map<String, Object> params, List<Explanation.ParameterLabel> declared,
            Vocabulary words) {
        if (params == null) {
            return List.of();
        }
        Map<String, Explanation.ParameterLabel> described = new HashMap<>();
        Map<String, Integer> order = new HashMap<>();
        for (Explanation.ParameterLabel p : declared == null ? List.<Explanation.ParameterLabel>of() : declared) {
            described.put(p.name(), p);
            order.put(p.name(), order.size());
        }
        List<String> keys = new ArrayList<>();
        for (String key : params.keySet()) {
            boolean label = key.endsWith("Label") && params.containsKey(key.substring(0, key.length() - 5));
            if (!label) {
                keys.add(key);
            }
        }
        keys.sort(Comparator.comparingInt((String k) -> order.getOrDefault(k, order.size())).thenComparing(k -> k));
        List<Threshold> out = new ArrayList<>();
        for (String key : keys) {
            Explanation.ParameterLabel p = described.getOrDefault(key, new Explanation.ParameterLabel(key, key, "", ""));
            out.add(threshold(p, params.get(key), params.get(key + "Label"), words));
        }
        return out;
    }

    private static Threshold threshold(Explanation.ParameterLabel p, Object value, Object classLabel,
            Vocabulary words) {
        String element = p.type().startsWith("[") ? p.type().substring(1, Math.max(1, p.type().length() - 1)) : p.type();
        if (value instanceof Collection<?> list) {
            List<String> names = list.stream().map(String::valueOf).map(id -> name(element, id, words)).toList();
            String joined = String.join("、", names);
            if (classLabel != null && !String.valueOf(classLabel).isBlank()) {
                return new Threshold(p.name(), p.label(), classLabel + "（" + names.size() + "类）", joined);
            }
            return new Threshold(p.name(), p.label(), joined.isEmpty() ? "无" : joined, null);
        }
        return new Threshold(p.name(), p.label(), value(element, p.unit(), value, words), null);
    }

    /** One value by its declared type: a share as a percentage, a number with its unit, a flag as 是/否, a word by its name. */
    static String value(String type, String unit, Object value, Vocabulary words) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Number n) {
            return "share".equals(type) ? Formats.percent(n.doubleValue())
                    : Formats.points(n.doubleValue()) + (unit == null ? "" : unit);
        }
        String text = String.valueOf(value);
        if ("monthDay".equals(type) && text.matches("\\d{2}-\\d{2}")) {
            return Integer.parseInt(text.substring(0, 2)) + "月" + Integer.parseInt(text.substring(3)) + "日"
                    + (unit == null ? "" : unit);
        }
        return name(type, text, words);
    }

    /** A word of a taxonomy list by its Chinese name; "@creation" by its class's name; else itself. */
    private static String name(String list, String id, Vocabulary words) {
        if (id.startsWith("@")) {
            String name = words.activityClassName(id.substring(1));
            return name.equals(id.substring(1)) ? id : name;
        }
        return words.termName(list, id);
    }

    private static Step step(Explanation.MeasureTrace m, EvidenceIndex index) {
        List<String> ids = m.evidence() == null ? List.of() : m.evidence();
        List<EvidenceIndex.EvidenceLink> links = index.links(ids.subList(0, Math.min(SHOWN + FOLDED, ids.size())));
        return new Step(m.satisfied(), m.satisfied() ? "✓" : "✗", m.finding(), m.rule(), m.aspect(),
                Formats.percent(m.fraction()), links.subList(0, Math.min(SHOWN, links.size())),
                links.size() > SHOWN ? links.subList(SHOWN, links.size()) : List.of(), ids.size());
    }

    private static String summary(String checkName, String status, List<Step> steps) {
        if (steps.isEmpty()) {
            return "not-applicable".equals(status) ? checkName + "，不适用，未检查" : checkName + "，没有规则测量这一项";
        }
        long unmet = steps.stream().filter(s -> !s.satisfied()).count();
        return checkName + "，" + steps.size() + "项测量，"
                + (unmet == 0 ? "均达到要求" : unmet == steps.size() && steps.size() > 1 ? "均未达到要求"
                        : unmet == steps.size() ? "未达到要求" : unmet + "项未达到要求");
    }
}
