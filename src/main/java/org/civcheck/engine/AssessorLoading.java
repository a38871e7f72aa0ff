package org.civcheck.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civcheck.criteria.CriteriaLoading;
import org.civcheck.criteria.CriteriaProblem;

/** Loading a criteria folder and compiling a rules folder into an {@link Assessor}, or every fault of both. */
public record AssessorLoading(Assessor assessor, List<CriteriaProblem> problems) {

    public AssessorLoading {
        problems = List.copyOf(problems);
    }

    public boolean isLoaded() {
        return assessor != null;
    }

    public static AssessorLoading load(Path criteriaDir, Path rulesDir) {
        RuleBaseBuilder.Building rules = new RuleBaseBuilder().build(rulesDir);
        CriteriaLoading criteria = CheckKind.loader(rules).load(criteriaDir);
        List<CriteriaProblem> problems = new ArrayList<>(criteria.problems());
        problems.addAll(rules.problems());
        if (!problems.isEmpty()) {
            return new AssessorLoading(null, problems);
        }
        return new AssessorLoading(new Assessor(criteria.criteria(), rules.ruleBase()), problems);
    }
}
