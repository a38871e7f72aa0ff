package org.civcheck.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.BuiltInRules;
import org.civcheck.engine.RuleBase;
import org.civcheck.engine.RuleBaseBuilder;
import org.civcheck.engine.RuleCache;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.report.JsonReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules built into the jar and the same rules compiled at run time (as an edited rules folder
 * is) score every example and every criteria test case alike.
 */
@Tag("slow")
class BuiltInAndCompiledRulesTest {

    private static final Path RULES = Path.of("rules");

    @TempDir
    static Path tmp;

    private static RuleBase builtIn;
    private static RuleBase compiled;
    private static Path editedRules;

    @BeforeAll
    static void buildBoth() throws IOException {
        RuleBaseBuilder.Building b = new RuleBaseBuilder().build(RULES);
        assertTrue(b.isBuilt(), b.problems()::toString);
        builtIn = b.ruleBase();
        RuleBaseBuilder.Building c = RuleBaseBuilder.ignoringBuiltIn(RuleCache.off()).build(RULES);
        assertTrue(c.isBuilt(), c.problems()::toString);
        compiled = c.ruleBase();
        // The same rules with a comment added: an edited folder, compiled at run time by the default builder.
        editedRules = tmp.resolve("rules");
        Files.createDirectories(editedRules);
        try (Stream<Path> s = Files.list(RULES)) {
            for (Path f : s.toList()) {
                Files.copy(f, editedRules.resolve(f.getFileName()));
            }
        }
        Files.writeString(editedRules.resolve("verdict.drl"), "\n// edited: the same rules\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Test
    void theJarHoldsTheRulesOfTheRulesFolder() {
        assertEquals(RuleBase.Origin.BUILT_IN, builtIn.origin(),
                "rules/ is built into the jar (mvn process-classes compiles it; see the build's output)");
        assertEquals(BuiltInRules.rulesSha256().orElseThrow(), builtIn.sha256());
        assertEquals(RuleBase.Origin.COMPILED, compiled.origin());
        assertEquals(builtIn.ruleNames(), compiled.ruleNames());
        assertEquals(builtIn.checkKinds(), compiled.checkKinds(), "lint sees the same check kinds either way");
    }

    @Test
    void everyExampleScoresTheSame() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".zip")).sorted().toList();
        }
        assertTrue(examples.size() >= 4, examples::toString);
        Assessor a = DefaultCases.tests().assessor();
        Assessor one = new Assessor(a.criteria(), builtIn);
        Assessor other = new Assessor(a.criteria(), compiled);
        EvidencePackageReader reader = new EvidencePackageReader(ReadLimits.defaults());
        for (Path example : examples) {
            PackageReading reading = reader.read(example);
            assertTrue(reading.isAccepted(), () -> example + ": " + reading.faults());
            String expected = JsonReport.render(one.assess(reading.evidence(), reading.warnings(), true));
            String actual = JsonReport.render(other.assess(reading.evidence(), reading.warnings(), true));
            assertEquals(expected, actual, example.toString());
        }
    }

    @Test
    void everyCriteriaTestCaseGivesTheSameResult() throws IOException {
        List<Path> sets;
        try (Stream<Path> s = Files.list(Path.of("criteria"))) {
            sets = s.filter(d -> Files.isDirectory(d.resolve(CriteriaTests.CASES_FOLDER))).sorted().toList();
        }
        assertTrue(!sets.isEmpty());
        int cases = 0;
        for (Path set : sets) {
            CriteriaTests.Loading one = CriteriaTests.load(set, RULES);
            CriteriaTests.Loading other = CriteriaTests.load(set, editedRules);
            assertTrue(one.isLoaded(), () -> set + ": " + one.problems());
            assertTrue(other.isLoaded(), () -> set + ": " + other.problems());
            assertEquals(RuleBase.Origin.BUILT_IN, one.tests().ruleBase().origin());
            assertNotEquals(RuleBase.Origin.BUILT_IN, other.tests().ruleBase().origin());
            TestRun expected = one.tests().run();
            TestRun actual = other.tests().run();
            assertEquals(expected.caseCount(), actual.caseCount());
            String shaOne = one.tests().assessor().sha256();
            String shaOther = other.tests().assessor().sha256();
            for (int i = 0; i < expected.results.size(); i++) {
                CaseResult e = expected.results.get(i);
                CaseResult r = actual.results.get(i);
                String name = set.getFileName() + ": " + e.testCase().name();
                assertEquals(e.testCase().name(), r.testCase().name());
                assertEquals(e.differences(), r.differences(), name);
                assertEquals(render(e, shaOne), render(r, shaOther), name);
                cases++;
            }
        }
        assertTrue(cases >= 40, "cases compared: " + cases);
    }

    /** A case's result as JSON, with the hash of the rules that scored it left out (it names the files). */
    private static String render(CaseResult r, String sha) {
        return r.assessment() == null ? "" : JsonReport.render(r.assessment()).replace(sha, "<sha256>");
    }

}
