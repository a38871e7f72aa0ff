package org.civcheck.authoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.civcheck.engine.CheckKind;
import org.civcheck.criteria.CriteriaLoading;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.CriteriaFaultException;
import org.civcheck.engine.RuleBase;
import org.civcheck.engine.RuleBaseBuilder;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.ReadLimits;

/**
 * The test cases of one criteria set, loaded with its rules and ready to run: the criteria, the
 * rules compiled once, every case file read and every case's package built. Loading reports
 * every fault of all of these at once, with file and line; a loaded set runs without further input faults.
 *
 * <pre>{@code
 * CriteriaTests.Loading loading = CriteriaTests.load(Path.of("criteria/provincial"), Path.of("rules"));
 * if (!loading.isLoaded()) loading.problems().forEach(System.err::println);
 * TestRun run = loading.tests().run();
 * System.out.print(TestReport.render(run, 100));
 * }</pre>
 */
public final class CriteriaTests {

    /** Where a criteria set keeps its cases: {@code tests/} inside its folder. */
    public static final String CASES_FOLDER = "tests";

    /** What loading gave: the tests, or every fault that keeps them from running. */
    public record Loading(CriteriaTests tests, List<CriteriaProblem> problems) {
        public Loading {
            problems = List.copyOf(problems);
        }

        public boolean isLoaded() {
            return tests != null;
        }
    }

    private final Path criteriaDir;
    private final Path rulesDir;
    private final Path casesDir;
    private final Assessor assessor;
    private final RuleBase ruleBase;
    private final CaseFileReader.Reading reading;
    private final List<CaseRunner.Prepared> prepared;
    private final CaseRunner runner;

    private CriteriaTests(Path criteriaDir, Path rulesDir, Path casesDir, Assessor assessor, RuleBase ruleBase,
            CaseFileReader.Reading reading, List<CaseRunner.Prepared> prepared, CaseRunner runner) {
        this.criteriaDir = criteriaDir;
        this.rulesDir = rulesDir;
        this.casesDir = casesDir;
        this.assessor = assessor;
        this.ruleBase = ruleBase;
        this.reading = reading;
        this.prepared = prepared;
        this.runner = runner;
    }

    /** Loads the cases in {@code criteriaDir/tests}. */
    public static Loading load(Path criteriaDir, Path rulesDir) {
        return load(criteriaDir, rulesDir, criteriaDir.resolve(CASES_FOLDER));
    }

    public static Loading load(Path criteriaDir, Path rulesDir, Path casesDir) {
        RuleBaseBuilder.Building rules = new RuleBaseBuilder().build(rulesDir);
        CriteriaLoading criteria = CheckKind.loader(rules).load(criteriaDir);
        List<CriteriaProblem> problems = new ArrayList<>(criteria.problems());
        if (!criteria.isLoaded()) {
            return new Loading(null, problems);
        }
        problems.addAll(rules.problems());
        if (!rules.isBuilt()) {
            return new Loading(null, problems);
        }
        Assessor assessor = new Assessor(criteria.criteria(), rules.ruleBase());
        CaseFileReader.Reading reading = new CaseFileReader(criteria.criteria(),
                new HashSet<>(rules.ruleBase().ruleNames())).read(casesDir);
        problems.addAll(reading.problems());
        CaseRunner runner = new CaseRunner(assessor, new EvidencePackageReader(ReadLimits.defaults()));
        List<CaseRunner.Prepared> prepared = new ArrayList<>();
        if (reading.problems().isEmpty()) {
            for (CriteriaTestCase c : reading.cases()) {
                CaseRunner.Prepared p = runner.prepare(c, problems);
                if (p != null) {
                    prepared.add(p);
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Loading(null, problems);
        }
        return new Loading(new CriteriaTests(criteriaDir, rulesDir, casesDir, assessor, rules.ruleBase(), reading,
                prepared, runner), problems);
    }

    /**
     * The rules this set's cases can make fire: one rules folder serves several sets, so the rules
     * of a check kind no indicator (or bonus or deduction item) of this set uses are left out, and
     * so are rules that declare {@code @onlyWith("adjustments")} when the set has none.
     */
    public List<String> applicableRules() {
        var criteria = assessor.criteria();
        java.util.Set<String> used = new java.util.HashSet<>();
        criteria.indicators().stream().filter(i -> i.applicable()).forEach(i -> used.add(i.check()));
        criteria.adjustments().items().forEach(a -> used.add(a.check()));
        java.util.Set<String> unusable = new java.util.HashSet<>();
        ruleBase.checkKinds().values().stream().filter(k -> !used.contains(k.id())).forEach(k -> unusable.addAll(k.rules()));
        ruleBase.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> {
            if ("adjustments".equals(RuleBase.metadata(r).get("onlyWith")) && criteria.adjustments().isEmpty()) {
                unusable.add(r.getName());
            }
        }));
        return ruleBase.ruleNames().stream().filter(r -> !unusable.contains(r)).toList();
    }

    /**
     * Runs every case, in file order, and measures coverage.
     *
     * @throws CriteriaFaultException when the criteria lack a parameter a rule needs
     */
    public TestRun run() {
        Coverage coverage = new Coverage(assessor.criteria(), applicableRules(), reading.exemptions());
        List<CaseResult> results = new ArrayList<>();
        for (CaseRunner.Prepared p : prepared) {
            CaseResult r = runner.run(p);
            coverage.add(r);
            results.add(r);
        }
        return new TestRun(this, results, coverage);
    }

    Path criteriaDir() {
        return criteriaDir;
    }

    Path rulesDir() {
        return rulesDir;
    }

    Path casesDir() {
        return casesDir;
    }

    Assessor assessor() {
        return assessor;
    }

    RuleBase ruleBase() {
        return ruleBase;
    }

    int caseFileCount() {
        return (int) reading.cases().stream().map(CriteriaTestCase::file).distinct().count();
    }
}
