package org.civcheck.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.criteria.ProblemClass;
import org.civcheck.engine.facts.AdjustmentResult;
import org.civcheck.engine.facts.CategoryScore;
import org.civcheck.engine.facts.OutcomeFact;
import org.civcheck.engine.facts.DepartmentRate;
import org.civcheck.engine.facts.GapFact;
import org.civcheck.engine.facts.Measure;
import org.civcheck.engine.facts.Policy;
import org.civcheck.engine.facts.TotalScore;
import org.civcheck.engine.facts.IndicatorResult;
import org.civcheck.engine.facts.MissingParameterException;
import org.civcheck.engine.facts.VerdictFact;
import org.civcheck.engine.facts.VerdictNote;
import org.civcheck.engine.facts.VetoHit;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.InputProblem;
import org.kie.api.runtime.KieSession;

/**
 * Scores evidence packages against one criteria set with one compiled rule base. Thread-safe:
 * every call runs in a session of its own.
 *
 * <pre>{@code
 * Assessor assessor = new Assessor(criteria, ruleBase);
 * Assessment a = assessor.assess(reading.evidence(), reading.warnings());
 * }</pre>
 */
public final class Assessor {

    /** The agenda groups that follow the check rules (MAIN), in the order they run. */
    private static final List<String> PHASES = List.of("score", "categories", "total", "verdict");

    /** The status of an indicator an overlay marked not applicable: not scored, never a gap. */
    public static final String NOT_APPLICABLE = "not-applicable";

    private final CriteriaSet criteria;
    private final RuleBase rules;

    private final org.civcheck.evidence.PackageVocabulary vocabulary;

    public Assessor(CriteriaSet criteria, RuleBase rules) {
        this.criteria = criteria;
        this.rules = rules;
        this.vocabulary = TaxonomyWords.vocabulary(criteria);
    }

    public CriteriaSet criteria() {
        return criteria;
    }

    /** The hash every result of this assessor records: the criteria's files and the rules' together. */
    public String sha256() {
        return Hashes.sha256(criteria.sha256(), rules.sha256());
    }

    /**
     * Checks one accepted package.
     *
     * @param readerWarnings the warnings its reading gave, carried into the result
     * @throws CriteriaFaultException when the criteria lack a parameter a rule needs
     */
    public Assessment assess(EvidencePackage pkg, List<InputProblem> readerWarnings) {
        return assess(pkg, readerWarnings, false);
    }

    /**
     * Checks one accepted package; with {@code explain}, the result also says which rules measured
     * each indicator, what they found, and what closing each gap would change.
     */
    public Assessment assess(EvidencePackage pkg, List<InputProblem> readerWarnings, boolean explain) {
        return run(pkg, readerWarnings, explain).assessment();
    }

    /**
     * Checks one accepted package as it stood on {@code asOf} (null: its latest record's date when
     * that falls before the period's end, else the whole period): the score if inspected that day,
     * and the progress against what is due by then ({@link ProgressCheck}).
     *
     * @throws IllegalArgumentException when {@code asOf} falls before the period (its message in Chinese)
     */
    public Assessment assessAsOf(EvidencePackage pkg, List<InputProblem> readerWarnings, boolean explain,
            java.time.LocalDate asOf) {
        return new ProgressCheck(this, rules).assess(pkg, readerWarnings, explain, asOf);
    }

    /** One session's assessment, with what its rules measured for each indicator, in the order measured. */
    record Run(Assessment assessment, Map<String, List<Measure>> measures) {}

    Run run(EvidencePackage pkg, List<InputProblem> readerWarnings, boolean explain) {
        SessionFacts facts = new SessionFacts(pkg, criteria);
        KieSession session = rules.kieBase().newKieSession();
        RuleTrace trace = explain ? new RuleTrace() : null;
        try {
            if (trace != null) {
                session.addEventListener(trace.agenda);
                session.addEventListener(trace.runtime);
            }
            session.setGlobal("texts", facts.texts);
            facts.facts.forEach(session::insert);
            session.fireAllRules();
            for (String phase : PHASES) {
                session.getAgenda().getAgendaGroup(phase).setFocus();
                session.fireAllRules();
            }
            List<InputProblem> warnings = warnings(readerWarnings, facts.warnings);
            Assessment assessment = collect(pkg, session, warnings);
            Map<String, List<Measure>> measures = new HashMap<>();
            of(session, Measure.class).stream()
                    .sorted(Comparator.comparing(Measure::aspect))
                    .forEach(m -> measures.computeIfAbsent(m.indicator(), k -> new ArrayList<>()).add(m));
            return new Run(trace == null ? assessment : withExplanation(assessment, session, trace), measures);
        } catch (RuntimeException e) {
            MissingParameterException missing = findCause(e);
            if (missing != null) {
                throw new CriteriaFaultException(missing.getMessage(), e);
            }
            throw e;
        } finally {
            session.dispose();
        }
    }

    private Assessment collect(EvidencePackage pkg, KieSession session, List<InputProblem> warnings) {
        Map<String, IndicatorResult> results = new HashMap<>();
        of(session, IndicatorResult.class).forEach(r -> results.put(r.indicator(), r));
        Map<String, CategoryScore> categoryScores = new HashMap<>();
        of(session, CategoryScore.class).forEach(c -> categoryScores.put(c.category(), c));
        List<VerdictFact> verdicts = new ArrayList<>(of(session, VerdictFact.class));
        if (verdicts.size() != 1) {
            throw new IllegalStateException("the verdict rules gave " + verdicts.size() + " verdicts: " + verdicts);
        }
        VerdictFact verdict = verdicts.get(0);

        List<Assessment.CategoryScore> categories = criteria.categories().stream()
                .map(c -> new Assessment.CategoryScore(c.id(), c.name(), categoryScores.get(c.id()).score(), c.max()))
                .toList();
        List<Assessment.IndicatorScore> indicators = criteria.indicators().stream().map(i -> {
            if (!i.applicable()) {
                return new Assessment.IndicatorScore(i.id(), i.categoryId(), i.name(), 0, 0, NOT_APPLICABLE,
                        i.method(), false, List.of(i.notApplicableReason()), List.of());
            }
            IndicatorResult r = results.get(i.id());
            return new Assessment.IndicatorScore(i.id(), i.categoryId(), i.name(), r.score(), r.max(), r.status(),
                    i.method(), i.blocking(), r.findings(), r.evidence());
        }).toList();
        List<Assessment.Veto> vetoes = of(session, VetoHit.class).stream()
                .sorted(Comparator.comparing(VetoHit::veto))
                .map(v -> new Assessment.Veto(v.veto(), v.name(), v.finding(), v.evidence()))
                .toList();
        Map<String, Integer> order = new HashMap<>();
        criteria.indicators().forEach(i -> order.put(i.id(), order.size()));
        List<Assessment.Gap> gaps = of(session, GapFact.class).stream()
                .sorted(Comparator.comparingDouble(GapFact::pointsAtStake).reversed()
                        .thenComparing(g -> !g.blocking())
                        .thenComparing(g -> order.getOrDefault(g.indicator(), -1)))
                .map(this::gap)
                .toList();

        List<Assessment.ProblemSummary> problems = criteria.problems().values().stream()
                .map(pc -> new Assessment.ProblemSummary(pc.id(), pc.title(), pc.remedy(),
                        gaps.stream().filter(g -> g.problem().equals(pc.id())).mapToDouble(Assessment.Gap::pointsAtStake).sum(),
                        (int) gaps.stream().filter(g -> g.problem().equals(pc.id())).count()))
                .filter(p -> p.gapCount() > 0)
                .sorted(Comparator.comparingDouble(Assessment.ProblemSummary::pointsAtStake).reversed()
                        .thenComparing(Assessment.ProblemSummary::id))
                .toList();
        Map<String, Integer> staff = new HashMap<>();
        pkg.unit().departments().forEach(d -> staff.put(d.id(), d.staff()));
        List<Assessment.DepartmentParticipation> participation = of(session, DepartmentRate.class).stream()
                .sorted(Comparator.comparing(DepartmentRate::indicator).thenComparing(r -> order(pkg, r.department())))
                .map(r -> new Assessment.DepartmentParticipation(r.department(), r.name(),
                        staff.getOrDefault(r.department(), 0), r.rate(), r.indicator()))
                .toList();
        var unit = new Assessment.UnitRef(pkg.unit().id(), pkg.unit().name());
        var criteriaRef = new Assessment.CriteriaRef(criteria.id(), criteria.name(), criteria.version(), sha256());
        List<Assessment.AdjustmentScore> adjustments = null;
        List<Assessment.Outcome> outcomes = null;
        if (!criteria.adjustments().isEmpty()) {
            Map<String, AdjustmentResult> byItem = new HashMap<>();
            of(session, AdjustmentResult.class).forEach(r -> byItem.put(r.item(), r));
            adjustments = criteria.adjustments().items().stream().map(i -> byItem.get(i.id())).filter(r -> r != null)
                    .map(r -> new Assessment.AdjustmentScore(r.item(), r.name(), r.direction(), r.points(), r.finding(),
                            r.evidence()))
                    .toList();
            outcomes = of(session, OutcomeFact.class).stream()
                    .sorted(Comparator.comparing(OutcomeFact::item))
                    .map(o -> new Assessment.Outcome(o.item(), o.outcome(), o.finding(), o.evidence()))
                    .toList();
        }
        Assessment.Claims claims = claims(session, pkg, indicators, verdict.score());
        // The rules' notes beside the verdict (how much rests on claims) follow its reason, in their order.
        StringBuilder reason = new StringBuilder(verdict.reason());
        of(session, VerdictNote.class).stream().sorted(Comparator.comparingInt(VerdictNote::order))
                .forEach(n -> reason.append('；').append(n.text()));
        return new Assessment(unit, criteriaRef, verdict.score(), criteria.maxScore(), criteria.passScore(),
                verdict.verdict(), reason.toString(),
                new Assessment.Period(pkg.period().from(), pkg.period().to()), pkg.effectiveInspectionDate(),
                categories, indicators, vetoes, gaps, problems, participation,
                warnings.stream().map(w -> new Assessment.Warning(w.path(), w.message(), w.unknownWord(), w.nearest()))
                        .toList(), null,
                adjustments, outcomes, claims);
    }

    /**
     * The self-rated indicators apart from what the rules scored, or null when the set has none:
     * what the unit claimed, what counts, and what is wrong with each claim.
     */
    private Assessment.Claims claims(KieSession session, EvidencePackage pkg, List<Assessment.IndicatorScore> scores,
            double total) {
        // A package's last claim for an indicator is the one that counts (SessionFacts inserts each).
        Map<String, org.civcheck.evidence.Claim> claimOf = new HashMap<>();
        pkg.claims().forEach(c -> claimOf.put(c.indicator(), c));
        Map<String, org.civcheck.engine.facts.ClaimResult> byIndicator = new HashMap<>();
        of(session, org.civcheck.engine.facts.ClaimResult.class).forEach(c -> byIndicator.put(c.indicator(), c));
        List<Assessment.ClaimScore> items = new ArrayList<>();
        double claimed = 0;
        for (Assessment.IndicatorScore s : scores) {
            Indicator i = criteria.indicator(s.id()).orElseThrow();
            if (!SessionFacts.SELF_RATED.equals(i.check()) || !i.applicable()) {
                continue;
            }
            var c = byIndicator.get(s.id());
            claimed += s.score();
            var claim = claimOf.get(s.id());
            items.add(new Assessment.ClaimScore(s.id(), s.name(), s.method(), s.max(), c == null ? null : c.claimed(),
                    s.score(), claim == null ? null : claim.note(), claim == null ? List.of() : claim.files(),
                    c == null ? List.of() : c.flags()));
        }
        if (items.isEmpty()) {
            return null;
        }
        double rules = Math.round((total - claimed) * 100) / 100.0;
        return new Assessment.Claims(rules, claimed, total <= 0 ? 0 : claimed / total, items);
    }

    /**
     * The reading's warnings and the session's, the words the criteria do not know first; a session
     * warning at a place the reading already warned about (an unknown type) is the same one.
     */
    private static List<InputProblem> warnings(List<InputProblem> reader, List<InputProblem> session) {
        java.util.Set<String> places = new java.util.HashSet<>();
        reader.forEach(w -> places.add(w.path()));
        List<InputProblem> all = new ArrayList<>(reader);
        session.stream().filter(w -> !places.contains(w.path())).forEach(all::add);
        all.sort(Comparator.comparing(w -> !w.isUnknownWord())); // stable: the order within each kept
        return all;
    }

    /** The words a package may use under this set: its taxonomy's, codes and Chinese names alike. */
    public org.civcheck.evidence.PackageVocabulary vocabulary() {
        return vocabulary;
    }

    private Assessment withExplanation(Assessment a, KieSession session, RuleTrace trace) {
        Map<String, List<Explanation.MeasureTrace>> measures = new HashMap<>();
        of(session, Measure.class).stream()
                .sorted(Comparator.comparing(Measure::indicator).thenComparing(Measure::aspect))
                .forEach(m -> measures.computeIfAbsent(m.indicator(), k -> new ArrayList<>()).add(new Explanation.MeasureTrace(
                        trace.measuredBy.getOrDefault(m, "?"), m.aspect(), m.fraction(), m.satisfied(), m.finding(),
                        m.evidence())));
        List<Explanation.IndicatorTrace> indicators = new ArrayList<>();
        for (Assessment.IndicatorScore s : a.indicators()) {
            Indicator i = criteria.indicator(s.id()).orElseThrow();
            CheckKind kind = rules.checkKinds().getOrDefault(i.check(), CheckKind.empty(i.check()));
            List<Explanation.ParameterLabel> labels = kind.parameters().values().stream()
                    .filter(p -> i.params().containsKey(p.name()))
                    .map(p -> new Explanation.ParameterLabel(p.name(), p.label(), p.type(), p.unit())).toList();
            indicators.add(new Explanation.IndicatorTrace(s.id(), i.check(), i.params(), s.status(), s.score(), s.max(),
                    measures.getOrDefault(s.id(), List.of()), kind.label(), labels));
        }
        List<GapFact> gaps = new ArrayList<>(of(session, GapFact.class));
        List<VetoHit> vetoes = new ArrayList<>(of(session, VetoHit.class));
        Policy policy = of(session, Policy.class).iterator().next();
        List<Explanation.WhatIf> whatIf = new ArrayList<>();
        for (Assessment.Gap gap : a.gaps()) {
            boolean veto = gap.indicator().startsWith("veto:");
            double recovers = veto ? 0 : gap.pointsAtStake();
            double score = Math.round((a.score() + recovers) * 100) / 100.0;
            List<Object> facts = new ArrayList<>();
            facts.add(policy);
            facts.add(new TotalScore(score));
            gaps.stream().filter(g -> !g.indicator().equals(gap.indicator())).forEach(facts::add);
            vetoes.stream().filter(v -> !gap.indicator().equals("veto:" + v.veto())).forEach(facts::add);
            String verdict = verdictOf(facts);
            // A veto is a fact of the period (a disciplinary case, an accident): nothing the unit does
            // now removes it, so its line says what it does to the verdict, never what undoing it would.
            String sentence = veto ? Sentences.vetoStands(a.verdict())
                    : Sentences.gapClosed(recovers, score, a.verdict(), verdict);
            whatIf.add(new Explanation.WhatIf(gap.indicator(), recovers, score, verdict, sentence));
        }
        return a.withExplanation(new Explanation(indicators, whatIf, trace.fired));
    }

    /** The verdict the verdict rules give for these facts alone. */
    private String verdictOf(List<Object> facts) {
        KieSession session = rules.kieBase().newKieSession();
        try {
            session.setGlobal("texts", new org.civcheck.engine.facts.Texts(Map.of()));
            facts.forEach(session::insert);
            session.getAgenda().getAgendaGroup("verdict").setFocus();
            session.fireAllRules(match -> match.getRule().getName().startsWith("verdict:"));
            return of(session, VerdictFact.class).stream().map(VerdictFact::verdict).findFirst().orElse("?");
        } finally {
            session.dispose();
        }
    }

    private Assessment.Gap gap(GapFact g) {
        Indicator indicator = criteria.indicator(g.indicator()).orElse(null);
        ProblemClass problem = criteria.problems().get(g.problem());
        String remedy = indicator != null && indicator.remedy() != null ? indicator.remedy()
                : problem != null ? problem.remedy() : "";
        return new Assessment.Gap(g.indicator(), indicator != null ? indicator.name() : "一票否决",
                g.problem(), problem != null ? problem.title() : g.problem(), g.pointsAtStake(), g.blocking(),
                g.message(), remedy, g.evidence());
    }

    @SuppressWarnings("unchecked")
    private static <T> Collection<T> of(KieSession session, Class<T> type) {
        return (Collection<T>) session.getObjects(type::isInstance);
    }

    private static int order(EvidencePackage pkg, String department) {
        var departments = pkg.unit().departments();
        for (int i = 0; i < departments.size(); i++) {
            if (departments.get(i).id().equals(department)) {
                return i;
            }
        }
        return departments.size();
    }

    private static MissingParameterException findCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingParameterException m) {
                return m;
            }
        }
        return null;
    }
}
