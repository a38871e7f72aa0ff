package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry over copies of the project's criteria and rules: an edit reaches the next result
 * through {@code reload()} and through the watcher; a broken edit keeps the last good generation
 * serving and names every problem by file and line; several set folders serve side by side.
 */
class CriteriaRegistryTest {

    /** The theory-study threshold as the project's indicators.yaml writes it (the library meets it exactly). */
    static final String THEORY_24 = "params: { types: [theory-study], min: 24 }";
    static final String THEORY_48 = "params: { types: [theory-study], min: 48 }";
    static final long WAIT_SECONDS = 30;

    static PackageReading library;

    @TempDir
    Path dir;

    Path criteria;
    Path rules;
    CriteriaRegistry registry;

    @BeforeAll
    static void readLibrary() {
        library = new EvidencePackageReader(ReadLimits.defaults()).read(Path.of("examples/well-run-library.json"));
        assertTrue(library.isAccepted(), () -> "the library example reads: " + library.faults());
    }

    @BeforeEach
    void copyCriteriaAndRules() {
        criteria = dir.resolve("criteria");
        copy(Path.of("criteria/provincial"), criteria.resolve("provincial"));
        rules = copy(Path.of("rules"), dir.resolve("rules"));
        registry = new CriteriaRegistry(criteria, rules);
    }

    @AfterEach
    void stopWatching() {
        registry.close();
    }

    // --- a change reaches the next result -----------------------------------------------------------

    @Test
    void aThresholdChangedInYamlChangesTheNextResultAfterReload() {
        assertTrue(registry.reload().ok());
        CriteriaRegistry.Generation before = registry.current();
        Assessment first = score(before);

        edit(indicators(), THEORY_24, THEORY_48);
        CriteriaRegistry.Attempt attempt = registry.reload();

        assertTrue(attempt.ok(), attempt::toString);
        CriteriaRegistry.Generation after = registry.current();
        Assessment second = score(after);
        assertEquals(4.0, indicator(first, "theory-study").score());
        assertEquals(2.0, indicator(second, "theory-study").score());
        assertEquals(first.score() - 2, second.score(), 1e-9);
        assertNotEquals(first.criteria().sha256(), second.criteria().sha256());
        assertEquals(after.sha256s().get("provincial"), second.criteria().sha256());
        assertEquals(before.number() + 1, after.number());
    }

    @Test
    void theWatcherRebuildsAfterAnEditWithoutBeingAsked() throws Exception {
        assertTrue(registry.reload().ok());
        String before = registry.current().sha256s().get("provincial");
        BlockingQueue<CriteriaRegistry.Attempt> attempts = new LinkedBlockingQueue<>();
        registry.onReload(attempts::add);
        registry.watch();

        edit(indicators(), THEORY_24, THEORY_48);

        CriteriaRegistry.Attempt attempt = attempts.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(attempt != null && attempt.ok(), "the watcher rebuilt cleanly: " + attempt);
        assertNotEquals(before, registry.current().sha256s().get("provincial"));
        assertEquals(2.0, indicator(score(registry.current()), "theory-study").score());
    }

    @Test
    void theWatcherKeepsTheOldSetOnABrokenEditAndRecoversWhenItIsFixed() throws Exception {
        assertTrue(registry.reload().ok());
        CriteriaRegistry.Generation good = registry.current();
        BlockingQueue<CriteriaRegistry.Attempt> attempts = new LinkedBlockingQueue<>();
        registry.onReload(attempts::add);
        registry.watch();

        edit(indicators(), THEORY_24, "params: { types: [theory-study], min: 24");
        CriteriaRegistry.Attempt broken = attempts.poll(WAIT_SECONDS, TimeUnit.SECONDS);

        assertTrue(broken != null && !broken.ok(), "the broken edit failed to load: " + broken);
        assertSame(good, registry.current());
        edit(indicators(), "params: { types: [theory-study], min: 24", THEORY_48);
        CriteriaRegistry.Attempt fixed = attempts.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(fixed != null && fixed.ok(), "the fix loaded: " + fixed);
        assertEquals(2.0, indicator(score(registry.current()), "theory-study").score());
    }

    // --- a broken edit changes nothing but the status -----------------------------------------------

    @Test
    void aYamlSyntaxErrorKeepsTheOldSetServingAndNamesFileAndLine() {
        assertTrue(registry.reload().ok());
        CriteriaRegistry.Generation good = registry.current();

        edit(indicators(), THEORY_24, "params: { types: [theory-study], min: 24");
        CriteriaRegistry.Attempt attempt = registry.reload();

        assertFalse(attempt.ok());
        assertSame(good, registry.current());
        assertFalse(registry.status().ok());
        assertSame(attempt, registry.status().lastAttempt());
        CriteriaProblem problem = attempt.problems().get(0);
        assertEquals("provincial/indicators.yaml", problem.file());
        assertTrue(problem.line() > 0, problem::toString);
        assertTrue(problem.toString().startsWith("provincial/indicators.yaml:" + problem.line() + ": "), problem::toString);
        assertEquals(score(good).criteria().sha256(), good.sha256s().get("provincial"));
    }

    @Test
    void aDrlCompileErrorKeepsTheOldSetServingAndNamesFileAndLine() {
        assertTrue(registry.reload().ok());
        CriteriaRegistry.Generation good = registry.current();
        int line = lines(rules.resolve("count.drl")) + 2;

        append(rules.resolve("count.drl"), "\nrule \"a rule that does not compile\"\nwhen\n    $x : NoSuchFact( )\n"
                + "then\nend\n");
        CriteriaRegistry.Attempt attempt = registry.reload();

        assertFalse(attempt.ok());
        assertSame(good, registry.current());
        assertTrue(attempt.problems().stream().anyMatch(p -> p.file().equals("rules/count.drl") && p.line() >= line),
                () -> "a problem at rules/count.drl:" + line + " or after: " + attempt.problems());
    }

    @Test
    void aMissingRequiredParameterIsALintErrorThatKeepsTheOldSetServing() {
        assertTrue(registry.reload().ok());
        CriteriaRegistry.Generation good = registry.current();
        int line = lineOf(indicators(), "      - id: theory-study");

        edit(indicators(), THEORY_24, "params: { types: [theory-study] }");
        CriteriaRegistry.Attempt attempt = registry.reload();

        assertFalse(attempt.ok());
        assertSame(good, registry.current());
        assertEquals(List.of("provincial/indicators.yaml:" + line + ": 指标“theory-study”缺少检查类型“activity-count”"
                + "必需的参数 min → 在该指标的 params 中加上 min: …"),
                attempt.problems().stream().map(CriteriaProblem::toString).toList());
    }

    @Test
    void aLintWarningDoesNotStopAReload() {
        assertTrue(registry.reload().ok());

        edit(indicators(), THEORY_24, "params: { types: [theory-study], min: 24, mni: 3 }");
        CriteriaRegistry.Attempt attempt = registry.reload();

        assertTrue(attempt.ok(), attempt::toString);
        assertTrue(attempt.warnings().stream().anyMatch(w -> w.startsWith("provincial/indicators.yaml:")
                && w.contains("参数 mni") && w.contains("是否应为 min？")), attempt.warnings()::toString);
    }

    @Test
    void theFirstLoadFailingLeavesNothingServing() {
        edit(indicators(), THEORY_24, "params: { types: [theory-study], min: 24");

        CriteriaRegistry.Attempt attempt = registry.reload();

        assertFalse(attempt.ok());
        assertNull(registry.status().serving());
    }

    // --- several sets ------------------------------------------------------------------------------------

    @Test
    void everySetFolderUnderTheRootServesAndProvincialIsTheDefault() {
        addSet("city", "××市文明单位测评体系");
        addSet("national", "全国文明单位测评体系");

        assertTrue(registry.reload().ok());

        CriteriaRegistry.Generation g = registry.current();
        assertEquals(List.of("city", "national", "provincial"), List.copyOf(g.sets().keySet()));
        assertEquals("provincial", g.defaultId());
        assertEquals("city", score(g.select("city").orElseThrow()).criteria().id());
        assertTrue(g.select("nowhere").isEmpty());
        assertEquals(3, g.sha256s().values().stream().distinct().count());
    }

    @Test
    void anOverlayServesBesideItsBaseAndFollowsAnEditOfTheBase() {
        Path city = criteria.resolve("city");
        write(city.resolve("overlay.yaml"), "base: ../provincial\nid: city\nname: ××市测评体系\nversion: \"1\"\n"
                + "indicators:\n  volunteer-hours:\n    points: 4\n");
        assertTrue(registry.reload().ok(), () -> registry.status().lastAttempt().toString());
        assertEquals(4.0, indicator(score(registry.current().select("city").orElseThrow()), "theory-study").score());

        edit(indicators(), THEORY_24, THEORY_48);

        assertTrue(registry.reload().ok());
        assertEquals(2.0, indicator(score(registry.current().select("city").orElseThrow()), "theory-study").score());
        edit(indicators(), THEORY_48, "params: { types: [theory-study] }");
        CriteriaRegistry.Attempt broken = registry.reload();
        assertEquals(1, broken.problems().size(), "the base's fault once, not once per set: " + broken.problems());
        assertTrue(broken.problems().get(0).toString().startsWith("provincial/indicators.yaml:"), broken::toString);
    }

    @Test
    void withoutProvincialTheFirstSetByIdIsTheDefault() throws IOException {
        addSet("national", "全国文明单位测评体系");
        addSet("city", "××市文明单位测评体系");
        deleteTree(criteria.resolve("provincial"));

        assertTrue(registry.reload().ok());

        assertEquals("city", registry.current().defaultId());
    }

    @Test
    void aSingleSetFolderServesOnlyThatSet() {
        addSet("city", "××市文明单位测评体系");
        CriteriaRegistry single = new CriteriaRegistry(criteria.resolve("city"), rules);

        assertTrue(single.reload().ok());

        assertEquals(Map.of("city", single.current().defaultSet()), single.current().sets());
    }

    @Test
    void twoFoldersGivingOneIdAreAFault() {
        copy(criteria.resolve("provincial"), criteria.resolve("provincial-copy"));

        CriteriaRegistry.Attempt attempt = registry.reload();

        assertFalse(attempt.ok());
        assertEquals(List.of("provincial-copy/criteria.yaml: 测评体系编号“provincial”与 provincial/ 重复，每个体系的 id 须不同"),
                attempt.problems().stream().map(CriteriaProblem::toString).toList());
    }

    @Test
    void aBrokenSetKeepsEverySetAtItsOldVersion() {
        addSet("city", "××市文明单位测评体系");
        assertTrue(registry.reload().ok());
        CriteriaRegistry.Generation good = registry.current();

        edit(indicators(), THEORY_24, THEORY_48);
        edit(criteria.resolve("city/indicators.yaml"), THEORY_24, "params: { types: [theory-study] }");

        assertFalse(registry.reload().ok());
        assertSame(good, registry.current());
    }

    @Test
    void aFixedRegistryServesItsSetAndHasNothingToReload() {
        assertTrue(registry.reload().ok());
        Assessor assessor = registry.current().defaultSet();

        CriteriaRegistry fixed = CriteriaRegistry.of(assessor);

        assertTrue(fixed.reload().ok());
        assertSame(assessor, fixed.current().defaultSet());
        assertEquals(List.of(), fixed.sources());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static Assessment score(CriteriaRegistry.Generation g) {
        return score(g.defaultSet());
    }

    private static Assessment score(Assessor assessor) {
        return assessor.assess(library.evidence(), library.warnings());
    }

    private static Assessment.IndicatorScore indicator(Assessment a, String id) {
        return a.indicators().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private Path indicators() {
        return criteria.resolve("provincial/indicators.yaml");
    }

    /** A copy of the provincial set under {@code id}, with its own id and name. */
    private void addSet(String id, String name) {
        Path set = copy(criteria.resolve("provincial"), criteria.resolve(id));
        edit(set.resolve("criteria.yaml"), "id: provincial", "id: " + id);
        edit(set.resolve("criteria.yaml"), "name: 省级文明单位年度复查测评体系（示范）", "name: " + name);
    }

    static void edit(Path file, String from, String to) {
        String text = read(file);
        assertTrue(text.contains(from), () -> file + " contains " + from);
        write(file, text.replace(from, to));
    }

    static void append(Path file, String more) {
        write(file, read(file) + more);
    }

    static int lines(Path file) {
        return read(file).split("\n", -1).length;
    }

    /** The 1-based line of {@code file} that is {@code line}. */
    static int lineOf(Path file, String line) {
        List<String> all = List.of(read(file).split("\n", -1));
        int i = all.indexOf(line);
        assertTrue(i >= 0, () -> file + " has the line " + line);
        return i + 1;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the folder {@code from} (and its subfolders) to {@code to}; returns {@code to}. */
    static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
