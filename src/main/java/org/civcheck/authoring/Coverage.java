package org.civcheck.authoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.engine.Assessment;

/**
 * What the cases together exercise, in the manner of {@code opa test --coverage}: the indicators
 * whose status some case asserts (by id or through "*"), the rules that fired in some case (rules
 * exempted in a case file are counted apart), and for each indicator which of met, partial and
 * unmet some case's result showed. Failed cases count too: coverage is about what was run.
 */
final class Coverage {

    /** The outcomes every indicator should be seen with. */
    static final List<String> OUTCOMES = List.of("met", "partial", "unmet");

    private static final String NOT_APPLICABLE = "not-applicable";

    private final CriteriaSet criteria;
    private final List<String> ruleNames;
    private final Map<String, RuleExemption> exemptions = new LinkedHashMap<>();
    private final Set<String> exercised = new TreeSet<>();
    private final Set<String> fired = new TreeSet<>();
    private final Map<String, Set<String>> outcomes = new LinkedHashMap<>();

    Coverage(CriteriaSet criteria, List<String> ruleNames, List<RuleExemption> exemptions) {
        this.criteria = criteria;
        this.ruleNames = List.copyOf(ruleNames);
        exemptions.forEach(e -> this.exemptions.putIfAbsent(e.rule(), e));
        criteria.indicators().forEach(i -> outcomes.put(i.id(), new TreeSet<>()));
    }

    void add(CaseResult result) {
        Expectation expect = result.testCase().expect();
        for (Indicator i : criteria.indicators()) {
            if (expect.statusOf(i.id()) != null) {
                exercised.add(i.id());
            }
        }
        Assessment a = result.assessment();
        a.indicators().forEach(s -> outcomes.computeIfAbsent(s.id(), k -> new TreeSet<>()).add(s.status()));
        if (a.explain() != null) {
            fired.addAll(a.explain().rulesFired().keySet());
        }
    }

    int indicatorCount() {
        return criteria.indicators().size();
    }

    int indicatorsExercised() {
        return (int) criteria.indicators().stream().filter(i -> exercised.contains(i.id())).count();
    }

    /** Percent of indicators exercised, 0–100. */
    double indicatorPercent() {
        return indicatorCount() == 0 ? 100 : 100.0 * indicatorsExercised() / indicatorCount();
    }

    List<Indicator> indicatorsNotExercised() {
        return criteria.indicators().stream().filter(i -> !exercised.contains(i.id())).toList();
    }

    /** The rules that count: all but the exempt ones. */
    List<String> countedRules() {
        return ruleNames.stream().filter(r -> !exemptions.containsKey(r)).toList();
    }

    List<String> rulesFired() {
        return countedRules().stream().filter(fired::contains).toList();
    }

    List<String> rulesNeverFired() {
        return countedRules().stream().filter(r -> !fired.contains(r)).toList();
    }

    /** The exemptions of rules that exist, each with whether it fired anyway. */
    Map<RuleExemption, Boolean> exemptions() {
        Map<RuleExemption, Boolean> out = new LinkedHashMap<>();
        exemptions.values().forEach(e -> out.put(e, fired.contains(e.rule())));
        return out;
    }

    /** Outcomes seen over the indicators that apply, and of how many possible (three per indicator). */
    int outcomesSeen() {
        return outcomes.values().stream().mapToInt(s -> (int) s.stream().filter(OUTCOMES::contains).count()).sum();
    }

    int outcomesPossible() {
        return OUTCOMES.size() * (indicatorCount() - notApplicable().size());
    }

    /** Indicators that were not applicable in every case run (a criteria overlay took them out): they have no outcomes to see. */
    List<Indicator> notApplicable() {
        return criteria.indicators().stream()
                .filter(i -> outcomes.getOrDefault(i.id(), Set.of()).equals(Set.of(NOT_APPLICABLE))).toList();
    }

    /** For each indicator that applies and is short of some outcome, the outcomes no case's result showed. */
    Map<Indicator, List<String>> outcomesNeverSeen() {
        Map<Indicator, List<String>> out = new LinkedHashMap<>();
        List<Indicator> notApplicable = notApplicable();
        for (Indicator i : criteria.indicators()) {
            if (notApplicable.contains(i)) {
                continue;
            }
            List<String> missing = new ArrayList<>(OUTCOMES);
            missing.removeAll(outcomes.getOrDefault(i.id(), Set.of()));
            if (!missing.isEmpty()) {
                out.put(i, missing);
            }
        }
        return out;
    }
}
