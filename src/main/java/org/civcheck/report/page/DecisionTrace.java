package org.civcheck.report.page;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Explanation;

/**
 * What decided one indicator (判定依据), folded under it on the results page: its check kind, the
 * thresholds the criteria set for it, and every measure the rules took — met or not, the finding,
 * the rule's name, the share of the points it earns and the evidence it rests on.
 *
 * <p>Thresholds are the indicator's {@code params} made readable: activity types, organizers,
 * material, document and incident kinds by their Chinese names (a list the criteria wrote as a whole
 * class, which comes with a {@code …Label}, by the class's name and its size), numbers as plain
 * numbers, a parameter whose name ends in {@code Share} or {@code Rate} as a percentage, yes/no for
 * flags. Known parameters come in a fixed order under Chinese labels; any other by its own name after them.
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

    /** The check kinds of the rules, in Chinese. */
    private static final Map<String, String> CHECKS = Map.ofEntries(
            Map.entry("activity-count", "活动次数"),
            Map.entry("regularity", "经常性开展"),
            Map.entry("late-records", "台账及时形成"),
            Map.entry("reliance", "自主开展"),
            Map.entry("document", "文件材料"),
            Map.entry("coordinator", "创建联络员"),
            Map.entry("department-participation", "科室参与"),
            Map.entry("staff-participation", "职工参与"),
            Map.entry("variety", "活动种类"),
            Map.entry("signature", "特色品牌"),
            Map.entry("evidence-kinds", "必备材料"),
            Map.entry("volunteer-registration", "志愿者注册"),
            Map.entry("volunteer-hours", "志愿服务时长"),
            Map.entry("satisfaction", "满意度测评"),
            Map.entry("incidents", "安全与违纪事件"));

    /** The parameters the rules read, in the order the fold lists them, with their labels. */
    private static final List<String[]> PARAMS = List.of(
            new String[] {"types", "活动类型"},
            new String[] {"organizers", "组织方"},
            new String[] {"externalOrganizers", "算作上级安排的组织方"},
            new String[] {"documentKind", "文件种类"},
            new String[] {"surveyKind", "测评对象"},
            new String[] {"incidentTypes", "事件类型"},
            new String[] {"allOf", "每项须齐备的材料"},
            new String[] {"anyOf", "每项至少有其一的材料"},
            new String[] {"min", "最少数量"},
            new String[] {"deadline", "印发期限"},
            new String[] {"leadDays", "最早可在年初前（天）"},
            new String[] {"minMonths", "最少开展月数"},
            new String[] {"maxGapMonths", "最长间隔（月）"},
            new String[] {"bunchingWeeks", "迎检前集中期（周）"},
            new String[] {"maxBunchedShare", "迎检前集中开展的活动不超过"},
            new String[] {"maxBunchedRecordShare", "迎检前集中形成的台账不超过"},
            new String[] {"maxLagDays", "台账最迟在活动后（天）"},
            new String[] {"maxLateShare", "事后补记的台账不超过"},
            new String[] {"maxUndatedShare", "未注明日期的台账不超过"},
            new String[] {"maxExternalShare", "上级安排的活动不超过"},
            new String[] {"requireDedicated", "要求专职联络员"},
            new String[] {"partTimeShare", "兼职联络员得分比例"},
            new String[] {"minDepartmentRate", "科室平均参与率不低于"},
            new String[] {"minAverageRate", "每项活动平均参与率不低于"},
            new String[] {"minDistinctTypes", "最少活动种类"},
            new String[] {"minFeatured", "特色活动最少次数"},
            new String[] {"minFeaturedMonths", "特色活动最少开展月数"},
            new String[] {"minCompleteShare", "材料齐全的活动不低于"},
            new String[] {"minRegisteredShare", "注册志愿者占职工不低于"},
            new String[] {"minHoursPerVolunteer", "人均志愿服务时长不少于（小时）"},
            new String[] {"minRate", "满意率不低于"},
            new String[] {"resolvedShare", "事件均已整改时得分比例"});

    private static final Map<String, Integer> ORDER = new HashMap<>();
    private static final Map<String, String> LABELS = new HashMap<>();

    static {
        for (String[] p : PARAMS) {
            ORDER.put(p[0], ORDER.size());
            LABELS.put(p[0], p[1]);
        }
    }

    private static final Map<String, String> SURVEYS = Map.of("public", "群众", "staff", "职工");

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
        String checkName = checkName(t.check());
        return new DecisionTrace(t.indicator(), t.check(), checkName, summary(checkName, t.status(), steps),
                thresholds(t.check(), t.params(), words), steps);
    }

    /** The Chinese name of a check kind; the id itself when it is not one of the rules' own. */
    public static String checkName(String check) {
        return check == null ? "" : CHECKS.getOrDefault(check, check);
    }

    /** The parameters of a {@code check} as the fold lists them. */
    public static List<Threshold> thresholds(String check, Map<String, Object> params, Vocabulary words) {
        if (params == null) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        for (String key : params.keySet()) {
            boolean label = key.endsWith("Label") && params.containsKey(key.substring(0, key.length() - 5));
            if (!label) {
                keys.add(key);
            }
        }
        keys.sort(Comparator.comparingInt((String k) -> ORDER.getOrDefault(k, ORDER.size())).thenComparing(k -> k));
        List<Threshold> out = new ArrayList<>();
        for (String key : keys) {
            out.add(threshold(check, key, params.get(key), params.get(key + "Label"), words));
        }
        return out;
    }

    private static Threshold threshold(String check, String key, Object value, Object classLabel, Vocabulary words) {
        String label = LABELS.getOrDefault(key, key);
        if ("min".equals(key)) {
            label = "activity-count".equals(check) ? "最少次数" : "document".equals(check) ? "最少份数" : label;
        }
        if (value instanceof Collection<?> list) {
            UnaryOperator<String> name = namer(key, words);
            List<String> names = list.stream().map(String::valueOf).map(name).toList();
            String joined = String.join("、", names);
            if (classLabel != null && !String.valueOf(classLabel).isBlank()) {
                return new Threshold(key, label, classLabel + "（" + names.size() + "类）", joined);
            }
            return new Threshold(key, label, joined.isEmpty() ? "无" : joined, null);
        }
        return new Threshold(key, label, value(key, value, words), null);
    }

    /** One value: a share as a percentage, a number as a number, a flag as 是/否, a kind by its name. */
    static String value(String key, Object value, Vocabulary words) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Number n) {
            return key.endsWith("Share") || key.endsWith("Rate") ? Formats.percent(n.doubleValue())
                    : Formats.points(n.doubleValue());
        }
        String text = String.valueOf(value);
        return switch (key) {
            case "documentKind" -> words.documentKindName(text);
            case "surveyKind" -> SURVEYS.getOrDefault(text, text);
            case "deadline" -> text.matches("\\d{2}-\\d{2}")
                    ? Integer.parseInt(text.substring(0, 2)) + "月" + Integer.parseInt(text.substring(3)) + "日前"
                    : text;
            default -> text;
        };
    }

    /** How the items of a list parameter are named. */
    private static UnaryOperator<String> namer(String key, Vocabulary words) {
        return switch (key) {
            case "types" -> id -> id.startsWith("@") ? classOrId(words, id) : words.activityTypeName(id);
            case "organizers", "externalOrganizers" -> words::organizerName;
            case "allOf", "anyOf" -> words::evidenceKindName;
            case "incidentTypes" -> words::incidentTypeName;
            default -> id -> id;
        };
    }

    /** "@creation" by its class's name; itself when the class is unknown. */
    private static String classOrId(Vocabulary words, String id) {
        String name = words.activityClassName(id.substring(1));
        return name.equals(id.substring(1)) ? id : name;
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
