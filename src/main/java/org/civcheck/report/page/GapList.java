package org.civcheck.report.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessment.Gap;
import org.civcheck.engine.Assessment.IndicatorScore;
import org.civcheck.engine.Assessment.ProblemSummary;
import org.civcheck.engine.Explanation;
import org.civcheck.engine.Verdicts;

/**
 * The gaps grouped by problem class (存在的主要问题), the class losing most points first and
 * within a class the gap with most points at stake first. Each gap keeps its finding, the
 * indicator's score, the evidence it rests on (the first {@value #SHOWN} as links, up to
 * {@value #FOLDED} more folded, the rest only counted) and its remedy — left out when it only repeats its class's 下步工作思路.
 *
 * <p>A fired veto comes in as a conduct gap that puts the whole score at stake (its indicator is
 * {@code veto:} and the veto's id); it is marked {@code veto} and left out of the points sums,
 * which count only what closing ordinary gaps would recover.
 *
 * <p>When the result carries the rules' explanation, each gap also says what closing it would
 * change (补齐这一项可挽回3分，得分62，结论仍为“难以通过”); results stored without one have none.
 */
public record GapList(List<Group> groups, int count, String pointsAtStake) {

    static final int SHOWN = 8;
    static final int FOLDED = 192;

    /** A problem class; {@code pointsAtStake} leaves out veto gaps, {@code hasVeto} says there is one. */
    public record Group(String problem, String title, String remedy, String pointsAtStake, int count, boolean hasVeto,
            List<Item> gaps) {}

    /**
     * One gap.
     *
     * @param veto a fired veto rather than an indicator's gap
     * @param remedy its own remedy, or null when it is the class's
     * @param evidence the first {@value GapList#SHOWN} evidence links; {@code moreEvidence} the
     *     next {@value GapList#FOLDED}
     * @param evidenceCount how many evidence ids the gap names in all
     * @param whatIf what closing it would change, or null when the result does not say
     */
    public record Item(String indicator, String indicatorName, String problem, String pointsAtStake, boolean veto,
            boolean blocking,
            String message, String remedy, String score, String max, String status, String method,
            List<EvidenceIndex.EvidenceLink> evidence, List<EvidenceIndex.EvidenceLink> moreEvidence,
            int evidenceCount, WhatIf whatIf) {

        /** The evidence ids named but neither shown nor folded. */
        public int unlistedEvidence() {
            return evidenceCount - evidence.size() - moreEvidence.size();
        }
    }

    /**
     * What closing one gap would change, as the engine put it, split so that the page can stress
     * the verdict: {@code lead} ("补齐这一项可挽回3分，得分62，") then {@code outcome}
     * ("结论仍为“难以通过”"); {@code lead + outcome} is the engine's sentence.
     *
     * @param changesVerdict the verdict would become another one ({@code verdictIfClosed})
     */
    public record WhatIf(String lead, String outcome, String verdictIfClosed, String verdictIfClosedName,
            boolean changesVerdict) {

        /** The whole sentence. */
        public String sentence() {
            return lead + outcome;
        }

        static WhatIf of(Explanation.WhatIf w, String verdict) {
            if (w.indicator() != null && w.indicator().startsWith("veto:")) {
                // A disciplinary case or an accident cannot be undone: say what it does, never "once removed".
                return new WhatIf("该事项不影响得分，但", "结论为“" + Verdicts.chinese(verdict) + "”", verdict,
                        Verdicts.chinese(verdict), false);
            }
            String sentence = w.sentence() == null ? "" : w.sentence();
            int at = sentence.lastIndexOf("结论");
            String lead = at < 0 ? sentence : sentence.substring(0, at);
            String outcome = at < 0 ? "" : sentence.substring(at);
            String closed = w.verdictIfClosed();
            return new WhatIf(lead, outcome, closed, closed == null ? null : Verdicts.chinese(closed),
                    closed != null && !closed.equals(verdict));
        }
    }

    public static GapList of(Assessment a, EvidenceIndex index) {
        List<Gap> gaps = a.gaps() == null ? List.of() : a.gaps();
        Map<String, IndicatorScore> indicators = new LinkedHashMap<>();
        if (a.indicators() != null) {
            a.indicators().forEach(i -> indicators.putIfAbsent(i.id(), i));
        }
        Map<String, List<Gap>> byClass = new LinkedHashMap<>();
        for (Gap g : gaps) {
            byClass.computeIfAbsent(g.problem(), p -> new ArrayList<>()).add(g);
        }
        Map<String, WhatIf> whatIf = new LinkedHashMap<>();
        if (a.explain() != null && a.explain().whatIf() != null) {
            a.explain().whatIf().forEach(w -> whatIf.putIfAbsent(w.indicator(), WhatIf.of(w, a.verdict())));
        }
        Map<String, ProblemSummary> summaries = new LinkedHashMap<>();
        if (a.problems() != null) {
            a.problems().forEach(p -> summaries.putIfAbsent(p.id(), p));
        }
        // Most points first; ties keep the order the assessment lists its problem classes in.
        List<String> order = new ArrayList<>(summaries.keySet());
        List<Map.Entry<String, List<Gap>>> classes = new ArrayList<>(byClass.entrySet());
        classes.sort(Comparator.comparingDouble((Map.Entry<String, List<Gap>> e) -> -rank(e.getValue(), a))
                .thenComparingInt(e -> order.contains(e.getKey()) ? order.indexOf(e.getKey()) : order.size()));
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Gap>> e : classes) {
            List<Gap> inClass = e.getValue().stream()
                    .sorted(Comparator.comparingDouble(Gap::pointsAtStake).reversed()).toList();
            ProblemSummary summary = summaries.get(e.getKey());
            String title = summary != null ? summary.title()
                    : Objects.requireNonNullElse(inClass.get(0).problemTitle(), e.getKey());
            String remedy = summary != null ? summary.remedy() : null;
            List<Item> items = inClass.stream()
                    .map(g -> item(g, remedy, indicators.get(g.indicator()), isVeto(g, a), index,
                            whatIf.get(g.indicator())))
                    .toList();
            groups.add(new Group(e.getKey(), title, remedy, Formats.points(points(inClass, a)), items.size(),
                    items.stream().anyMatch(Item::veto), items));
        }
        return new GapList(List.copyOf(groups), gaps.size(), Formats.points(points(gaps, a)));
    }

    /** Whether {@code g} is the gap a fired veto makes: its indicator is "veto:" and the veto's id. */
    public static boolean isVeto(Gap g, Assessment a) {
        return a.vetoes() != null && g.indicator() != null
                && a.vetoes().stream().anyMatch(v -> g.indicator().equals("veto:" + v.id()));
    }

    /** The points closing {@code gaps} would recover; veto gaps left out. */
    public static double points(List<Gap> gaps, Assessment a) {
        return gaps.stream().filter(g -> !isVeto(g, a)).mapToDouble(Gap::pointsAtStake).sum();
    }

    /** A class with a veto ranks above all others; the rest by their points. */
    private static double rank(List<Gap> gaps, Assessment a) {
        return gaps.stream().anyMatch(g -> isVeto(g, a)) ? Double.MAX_VALUE : points(gaps, a);
    }

    private static Item item(Gap g, String classRemedy, IndicatorScore indicator, boolean veto, EvidenceIndex index,
            WhatIf whatIf) {
        List<String> ids = g.evidence() == null ? List.of() : g.evidence();
        List<EvidenceIndex.EvidenceLink> links = index.links(ids.subList(0, Math.min(SHOWN + FOLDED, ids.size())));
        String remedy = g.remedy() == null || g.remedy().equals(classRemedy) ? null : g.remedy();
        return new Item(g.indicator(), g.indicatorName(), g.problem(), Formats.points(g.pointsAtStake()), veto,
                g.blocking(),
                g.message(), remedy,
                indicator == null ? null : Formats.points(indicator.score()),
                indicator == null ? null : Formats.points(indicator.max()),
                indicator == null ? null : indicator.status(),
                indicator == null ? null : indicator.method(),
                links.subList(0, Math.min(SHOWN, links.size())),
                links.size() > SHOWN ? links.subList(SHOWN, links.size()) : List.of(), ids.size(), whatIf);
    }
}
