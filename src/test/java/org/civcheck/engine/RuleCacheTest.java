package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.report.JsonReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edited rules are compiled once and then read from the cache, by the content of the files: an
 * edit is never served from an older entry, a revert is served from its entry, and an entry whose
 * rules differ from the files is never served at all.
 */
@Tag("slow")
class RuleCacheTest {

    private static final String MET = "次，达到要求（≥%d次）";

    @TempDir
    Path tmp;

    @Test
    void anEditIsNeverServedStaleAndARevertIsServedFromTheCache() throws IOException {
        Path rules = copyOfRules();
        Path count = rules.resolve("count.drl");
        String original = Files.readString(count);
        assertTrue(original.contains(MET), "the count rule words a met count as the test expects");
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleBaseBuilder builder = RuleBaseBuilder.withCache(cache);

        assertEquals(RuleBase.Origin.BUILT_IN, build(builder, rules).origin(), "the files as built come from the jar");

        Files.writeString(count, original.replace(MET, "次，甲（≥%d次）"));
        RuleBase first = build(builder, rules);
        assertEquals(RuleBase.Origin.COMPILED, first.origin());
        assertTrue(scored(first).contains("甲（≥"), "the edit is what scores");
        RuleBase again = build(builder, rules);
        assertEquals(RuleBase.Origin.CACHED, again.origin(), "the same edit a second time comes from the cache");
        assertTrue(scored(again).contains("甲（≥"));
        assertEquals(first.sha256(), again.sha256());
        List<Path> entries = entries(cache);
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).getParent().getFileName().toString().startsWith("drools-"),
                "entries live in a folder of their Drools version: " + entries);

        Files.writeString(count, original.replace(MET, "次，乙（≥%d次）"));
        RuleBase second = build(builder, rules);
        assertEquals(RuleBase.Origin.COMPILED, second.origin(), "a new edit is compiled, never served stale");
        String secondScored = scored(second);
        assertTrue(secondScored.contains("乙（≥") && !secondScored.contains("甲（≥"), "the new edit is what scores");

        Files.writeString(count, original.replace(MET, "次，甲（≥%d次）"));
        RuleBase reverted = build(builder, rules);
        assertEquals(RuleBase.Origin.CACHED, reverted.origin(), "a revert to the first edit comes from its entry");
        assertTrue(scored(reverted).contains("甲（≥"));

        Files.writeString(count, original);
        assertEquals(RuleBase.Origin.BUILT_IN, build(builder, rules).origin(), "a revert to the built-in files");

        // An entry that holds other rules than the files (here: the second edit's, under the first's name)
        // is not served: the files are compiled again and the entry replaced.
        Files.writeString(count, original.replace(MET, "次，甲（≥%d次）"));
        List<Path> both = entries(cache);
        assertEquals(2, both.size());
        Path firstEntry = both.stream().filter(p -> p.getFileName().toString().startsWith(key(first))).findFirst()
                .orElseThrow();
        Path secondEntry = both.stream().filter(p -> !p.equals(firstEntry)).findFirst().orElseThrow();
        Files.copy(secondEntry, firstEntry, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RuleBase swapped = build(builder, rules);
        assertEquals(RuleBase.Origin.COMPILED, swapped.origin());
        String swappedScored = scored(swapped);
        assertTrue(swappedScored.contains("甲（≥") && !swappedScored.contains("乙（≥"), "the files' rules score");
    }

    @Test
    void rulesTheExecutableModelRejectsAreCompiledAsDrlAndScoreTheSame() throws IOException {
        // A condition on an accumulate's result list: classic DRL takes it, the executable model does not.
        Path rules = copyOfRules();
        Path scoring = rules.resolve("scoring.drl");
        String original = Files.readString(scoring);
        String eval = "$mean : average($m.fraction()) )\n    eval( !$ms.isEmpty() )";
        assertTrue(original.contains(eval), "scoring.drl has the form this test rewrites");
        Files.writeString(scoring, original.replace(eval, "$mean : average($m.fraction());\n                $ms.size() > 0 )"));
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleBase drl = build(RuleBaseBuilder.withCache(cache), rules);
        assertEquals(RuleBase.Origin.COMPILED_AS_DRL, drl.origin());
        assertTrue(cache.folder().filter(Files::isDirectory).isEmpty(), "nothing is cached for it");
        RuleBase builtIn = build(RuleBaseBuilder.withCache(cache), Fixtures.RULES);
        assertEquals(builtIn.checkKinds(), drl.checkKinds(), "lint reads the same check kinds from either");
        assertEquals(scored(builtIn), scored(drl));
    }

    @Test
    void aCacheTurnedOffStillBuildsTheBuiltInRules() {
        RuleBaseBuilder.Building b = RuleBaseBuilder.withCache(RuleCache.off()).build(Fixtures.RULES);
        assertTrue(b.isBuilt(), b.problems()::toString);
        assertEquals(RuleBase.Origin.BUILT_IN, b.ruleBase().origin());
        assertTrue(RuleCache.off().folder().isEmpty());
    }

    private static String key(RuleBase rules) {
        return RuleCache.key(rules.sha256(), BuiltInRules.factsSha256().orElseThrow());
    }

    private static RuleBase build(RuleBaseBuilder builder, Path rules) {
        RuleBaseBuilder.Building b = builder.build(rules);
        assertTrue(b.isBuilt(), b.problems()::toString);
        return b.ruleBase();
    }

    /** The exemplary package's result as JSON, without the hash naming the rule files (edited files, another hash). */
    private static String scored(RuleBase rules) {
        Assessor assessor = new Assessor(Fixtures.criteria(), rules);
        return JsonReport.render(assessor.assess(Fixtures.exemplary().build(), List.of())).replace(assessor.sha256(), "");
    }

    private Path copyOfRules() throws IOException {
        Path dir = Files.createTempDirectory(tmp, "rules");
        try (Stream<Path> s = Files.list(Fixtures.RULES)) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    private static List<Path> entries(RuleCache cache) throws IOException {
        try (Stream<Path> s = Files.list(cache.folder().orElseThrow())) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
