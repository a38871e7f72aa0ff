package org.civcheck.authoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.civcheck.engine.CheckKind;
import org.civcheck.criteria.CriteriaLoading;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.RuleBaseBuilder;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.InputProblem;

/**
 * The impact of a change of criteria (or rules): a package scored under the set before and the
 * set after, and what moved between the two results — score, verdict, each indicator whose
 * status, score or maximum changed, gaps that appeared or closed. Scores nothing itself.
 *
 * <pre>{@code
 * CriteriaImpact.Loading l = CriteriaImpact.load(Path.of("criteria/provincial"), rules,
 *         Path.of("criteria/city-example"), rules);
 * CriteriaImpact.PackageImpact p = l.impact().compare("library.json", reading.evidence(), reading.warnings());
 * if (p.moved()) ... p.indicators() ...
 * }</pre>
 */
public final class CriteriaImpact {

    /**
     * One indicator whose result moved; a status is null when the indicator is not in that set.
     * {@code finding} is the first finding after the change (or before, when it left the set).
     */
    public record IndicatorMove(String id, String name, String statusBefore, double scoreBefore, double maxBefore,
            String statusAfter, double scoreAfter, double maxAfter, String finding) {}

    /** A gap: its indicator ({@code veto:…} for a veto), the indicator's name and the points it costs. */
    public record GapRef(String indicator, String name, double pointsAtStake) {}

    /** What moved in one package's result. */
    public record PackageImpact(String packageName, String unitName, double scoreBefore, double maxBefore,
            double scoreAfter, double maxAfter, String verdictBefore, String verdictAfter,
            List<IndicatorMove> indicators, List<GapRef> gapsOpened, List<GapRef> gapsClosed) {

        public PackageImpact {
            indicators = List.copyOf(indicators);
            gapsOpened = List.copyOf(gapsOpened);
            gapsClosed = List.copyOf(gapsClosed);
        }

        /** Whether anything differs between the two results. */
        public boolean moved() {
            return scoreBefore != scoreAfter || maxBefore != maxAfter || !verdictBefore.equals(verdictAfter)
                    || !indicators.isEmpty() || !gapsOpened.isEmpty() || !gapsClosed.isEmpty();
        }
    }

    /** Both sides loaded, or the faults of each (by file and line) when either could not be. */
    public record Loading(CriteriaImpact impact, List<CriteriaProblem> problemsBefore, List<CriteriaProblem> problemsAfter) {

        public Loading {
            problemsBefore = List.copyOf(problemsBefore);
            problemsAfter = List.copyOf(problemsAfter);
        }

        public boolean isLoaded() {
            return impact != null;
        }
    }

    private final Assessor before;
    private final Assessor after;

    public CriteriaImpact(Assessor before, Assessor after) {
        this.before = before;
        this.after = after;
    }

    public Assessor before() {
        return before;
    }

    public Assessor after() {
        return after;
    }

    /** Loads both criteria sets (full sets or overlays), compiling a rules folder named on both sides only once. */
    public static Loading load(Path criteriaBefore, Path rulesBefore, Path criteriaAfter, Path rulesAfter) {
        Map<Path, RuleBaseBuilder.Building> builds = new HashMap<>();
        List<CriteriaProblem> problemsBefore = new ArrayList<>();
        List<CriteriaProblem> problemsAfter = new ArrayList<>();
        Assessor a = side(criteriaBefore, rulesBefore, builds, problemsBefore);
        Assessor b = side(criteriaAfter, rulesAfter, builds, problemsAfter);
        return new Loading(a != null && b != null ? new CriteriaImpact(a, b) : null, problemsBefore, problemsAfter);
    }

    private static Assessor side(Path criteriaDir, Path rulesDir, Map<Path, RuleBaseBuilder.Building> builds,
            List<CriteriaProblem> problems) {
        RuleBaseBuilder.Building rules = builds.computeIfAbsent(rulesDir.toAbsolutePath().normalize(),
                dir -> new RuleBaseBuilder().build(dir));
        CriteriaLoading criteria = CheckKind.loader(rules).load(criteriaDir);
        problems.addAll(criteria.problems());
        problems.addAll(rules.problems());
        return problems.isEmpty() ? new Assessor(criteria.criteria(), rules.ruleBase()) : null;
    }

    /**
     * Scores one accepted package under both sets and compares the results.
     *
     * @throws org.civcheck.engine.CriteriaFaultException when either set lacks a parameter a rule needs
     */
    public PackageImpact compare(String packageName, EvidencePackage pkg, List<InputProblem> warnings) {
        return compare(packageName, before.assess(pkg, warnings), after.assess(pkg, warnings));
    }

    /** What moved from {@code a} to {@code b}, two results of the same package. */
    public static PackageImpact compare(String packageName, Assessment a, Assessment b) {
        Map<String, Assessment.IndicatorScore> was = byId(a);
        Map<String, Assessment.IndicatorScore> is = byId(b);
        Set<String> ids = new LinkedHashSet<>(is.keySet());
        ids.addAll(was.keySet());
        List<IndicatorMove> moves = new ArrayList<>();
        for (String id : ids) {
            Assessment.IndicatorScore x = was.get(id);
            Assessment.IndicatorScore y = is.get(id);
            if (x != null && y != null && x.status().equals(y.status()) && x.score() == y.score() && x.max() == y.max()) {
                continue;
            }
            Assessment.IndicatorScore shown = y != null ? y : x;
            moves.add(new IndicatorMove(id, shown.name(),
                    x == null ? null : x.status(), x == null ? 0 : x.score(), x == null ? 0 : x.max(),
                    y == null ? null : y.status(), y == null ? 0 : y.score(), y == null ? 0 : y.max(),
                    shown.findings().isEmpty() ? "" : shown.findings().get(0)));
        }
        Map<String, GapRef> gapsBefore = gaps(a);
        Map<String, GapRef> gapsAfter = gaps(b);
        List<GapRef> opened = gapsAfter.values().stream().filter(g -> !gapsBefore.containsKey(g.indicator())).toList();
        List<GapRef> closed = gapsBefore.values().stream().filter(g -> !gapsAfter.containsKey(g.indicator())).toList();
        String unit = Objects.requireNonNullElse(b.unit().name(), b.unit().id());
        return new PackageImpact(packageName, unit, a.score(), a.maxScore(), b.score(), b.maxScore(), a.verdict(),
                b.verdict(), moves, opened, closed);
    }

    private static Map<String, Assessment.IndicatorScore> byId(Assessment a) {
        Map<String, Assessment.IndicatorScore> out = new LinkedHashMap<>();
        a.indicators().forEach(i -> out.put(i.id(), i));
        return out;
    }

    private static Map<String, GapRef> gaps(Assessment a) {
        Map<String, GapRef> out = new LinkedHashMap<>();
        a.gaps().forEach(g -> out.put(g.indicator(), new GapRef(g.indicator(), g.indicatorName(), g.pointsAtStake())));
        return out;
    }
}
