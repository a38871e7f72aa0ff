package org.civcheck.authoring;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.engine.Verdicts;

/**
 * Reads a case's {@code expect:} against the criteria: a verdict of the four, a score or range,
 * statuses of indicators the criteria have (a misspelt id gets the nearest one suggested),
 * problem classes the criteria have, gaps by what their message contains.
 */
final class ExpectationReader {

    static final Set<String> VERDICTS = Set.of(Verdicts.READY, Verdicts.AT_RISK, Verdicts.NOT_READY, Verdicts.VETOED);
    static final List<String> STATUSES = List.of("met", "partial", "unmet", "not-applicable");
    static final List<String> PROGRESS = List.of(org.civcheck.engine.Progress.ON_TRACK, org.civcheck.engine.Progress.AT_RISK,
            org.civcheck.engine.Progress.BEHIND);
    static final List<String> PACE = List.of(org.civcheck.engine.Progress.AHEAD, org.civcheck.engine.Progress.ON_TRACK,
            org.civcheck.engine.Progress.BEHIND, org.civcheck.engine.Progress.NOT_YET_DUE);

    private final CriteriaSet criteria;

    ExpectationReader(CriteriaSet criteria) {
        this.criteria = criteria;
    }

    /** The expectation, or null after recording its faults. */
    Expectation read(CaseNode e) {
        if (!e.isMapping("预期结果")) {
            return null;
        }
        e.allow("verdict", "score", "indicators", "gapClasses", "gaps", "progress", "pace");
        if (e.node.size() == 0) {
            e.fault("", "expect 至少写一项：verdict、score、indicators、gapClasses、gaps、progress 或 pace");
        }
        String progress = e.text("progress", false);
        if (progress != null && !PROGRESS.contains(progress)) {
            e.fault("progress", "进度结论“" + progress + "”不存在，可用：" + String.join("、", PROGRESS));
        }
        Map<String, String> pace = new LinkedHashMap<>();
        if (e.has("pace")) {
            CaseNode p = e.child("pace");
            if (p.isMapping("指标进度（指标编号: ahead/on-track/behind/not-yet-due）")) {
                for (Iterator<String> it = p.node.fieldNames(); it.hasNext(); ) {
                    String id = it.next();
                    String status = p.text(id, true);
                    if (criteria.indicator(id).isEmpty()) {
                        p.faultKey(id, "测评体系中没有指标“" + id + "”" + nearest(id));
                    } else if (status != null && !PACE.contains(status)) {
                        p.fault(id, "指标进度“" + status + "”不存在，可用：" + String.join("、", PACE));
                    } else {
                        pace.put(id, status);
                    }
                }
            }
        }
        String verdict = e.text("verdict", false);
        if (verdict != null && !VERDICTS.contains(verdict)) {
            e.fault("verdict", "结论“" + verdict + "”不存在，可用：ready、at-risk、not-ready、vetoed");
        }
        Double min = null;
        Double max = null;
        if (e.has("score")) {
            CaseNode s = e.child("score");
            if (s.node.isNumber()) {
                min = max = s.node.asDouble();
            } else if (s.isMapping("得分（数字，或 { min: …, max: … }）")) {
                s.allow("min", "max");
                min = s.number("min");
                max = s.number("max");
                if (min == null && max == null) {
                    s.fault("", "score 至少写 min 或 max");
                } else if (min != null && max != null && min > max) {
                    s.fault("", "score 的 min（" + min + "）大于 max（" + max + "）");
                }
            }
        }
        Map<String, String> indicators = new LinkedHashMap<>();
        String others = null;
        if (e.has("indicators")) {
            CaseNode ind = e.child("indicators");
            if (ind.isMapping("指标状态（指标编号: met/partial/unmet/not-applicable）")) {
                for (Iterator<String> it = ind.node.fieldNames(); it.hasNext(); ) {
                    String id = it.next();
                    String status = ind.text(id, true);
                    if (!"*".equals(id) && criteria.indicator(id).isEmpty()) {
                        ind.faultKey(id, "测评体系中没有指标“" + id + "”" + nearest(id));
                    } else if (status != null && !STATUSES.contains(status)) {
                        ind.fault(id, "指标状态“" + status + "”不存在，可用：" + String.join("、", STATUSES));
                    } else if ("*".equals(id)) {
                        others = status;
                    } else {
                        indicators.put(id, status);
                    }
                }
            }
        }
        Set<String> exact = null;
        Set<String> includes = new LinkedHashSet<>();
        if (e.has("gapClasses")) {
            CaseNode g = e.child("gapClasses");
            if (g.node.isArray()) {
                exact = problemClasses(g);
            } else if (g.isMapping("问题类别（列表，或 { includes: [...] }）")) {
                g.allow("includes");
                if (!g.has("includes")) {
                    g.fault("", "gapClasses 写成列表（恰好这些类别），或 { includes: [...] }（至少包含这些类别）");
                } else {
                    includes = problemClasses(g.child("includes"));
                }
            }
        }
        List<Expectation.GapMention> gaps = new ArrayList<>();
        for (CaseNode gap : e.list("gaps", "差距列表")) {
            if (!gap.isMapping("差距")) {
                continue;
            }
            gap.allow("indicator", "contains");
            String indicator = gap.text("indicator", false);
            String contains = gap.text("contains", true);
            if (indicator != null && criteria.indicator(indicator).isEmpty()
                    && criteria.vetoes().stream().noneMatch(v -> indicator.equals("veto:" + v.id()))) {
                gap.fault("indicator", "测评体系中没有指标“" + indicator + "”（一票否决写作 veto:编号）" + nearest(indicator));
            }
            if (contains != null) {
                gaps.add(new Expectation.GapMention(indicator, contains));
            }
        }
        return new Expectation(verdict, min, max, indicators, others, exact, includes, gaps, progress, pace);
    }

    private Set<String> problemClasses(CaseNode list) {
        Set<String> out = new LinkedHashSet<>();
        if (!list.node.isArray()) {
            list.fault("", "应为问题类别的列表，如 [mechanism, diversity]");
            return out;
        }
        for (int i = 0; i < list.node.size(); i++) {
            String id = list.node.get(i).asText();
            if (!criteria.problems().containsKey(id)) {
                list.fault("[" + i + "]", "问题类别“" + id + "”不存在，可用：" + String.join("、", new java.util.TreeSet<>(criteria.problems().keySet())));
            }
            out.add(id);
        }
        return out;
    }

    private String nearest(String id) {
        String best = null;
        int bestDistance = 4;
        for (Indicator i : criteria.indicators()) {
            int d = distance(id, i.id());
            if (d < bestDistance) {
                best = i.id();
                bestDistance = d;
            }
        }
        return best == null ? "" : " → 是否应为 " + best + "？";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
