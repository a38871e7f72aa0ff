package org.civcheck.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.civcheck.criteria.CriteriaLoader;
import org.civcheck.criteria.CriteriaLoading;
import org.civcheck.criteria.CriteriaProblem;

/**
 * Every criteria set under a criteria folder, scored with the rules of one rules folder, served as
 * whole generations. A rebuild loads each set, compiles the rules (once per generation, and not at
 * all when the {@code .drl} files are unchanged) and lints each set against them; only a
 * generation with no errors replaces the one serving, in one atomic step. A failed rebuild leaves
 * the last good generation serving and is kept as the last attempt, with every problem.
 *
 * <pre>{@code
 * CriteriaRegistry registry = new CriteriaRegistry(Path.of("criteria"), Path.of("rules"));
 * if (!registry.reload().ok()) { ... nothing to serve yet ... }
 * registry.watch();                               // rebuilds on every change, in the background
 * CriteriaRegistry.Generation g = registry.current();   // once per request, then only g
 * Assessor assessor = g.select("city").orElseThrow();
 * }</pre>
 *
 * <p>The criteria folder is either one set (it holds {@code criteria.yaml} or {@code overlay.yaml})
 * or a root whose subfolders holding either file are the sets. A set's id is the {@code id} its
 * criteria give; the default set is {@value #PREFERRED_DEFAULT} if present, else the first by id.
 */
public final class CriteriaRegistry implements AutoCloseable {

    public static final String PREFERRED_DEFAULT = "provincial";

    /**
     * One consistent version of everything served: the sets by id (in id order) with the default
     * among them. Immutable; a request takes one generation and uses only it.
     */
    public record Generation(long number, Instant loadedAt, String defaultId, Map<String, Assessor> sets) {

        public Generation {
            sets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(sets)));
            if (!sets.containsKey(defaultId)) {
                throw new IllegalArgumentException("the default set " + defaultId + " is not among " + sets.keySet());
            }
        }

        public Assessor defaultSet() {
            return sets.get(defaultId);
        }

        /** The set named {@code id}, or the default when {@code id} is null or blank. */
        public Optional<Assessor> select(String id) {
            return id == null || id.isBlank() ? Optional.of(defaultSet()) : Optional.ofNullable(sets.get(id.trim()));
        }

        /**
         * One hash for the whole generation: its default set and each set's hash (criteria and rules),
         * the same on every instance that loaded the same files.
         */
        public String sha256() {
            List<String> parts = new ArrayList<>();
            parts.add("default=" + defaultId);
            sha256s().forEach((id, sha) -> parts.add(id + "=" + sha));
            return Hashes.sha256(parts.toArray(String[]::new));
        }

        /** The hash each set's results record, by set id. */
        public Map<String, String> sha256s() {
            Map<String, String> out = new LinkedHashMap<>();
            sets.forEach((id, a) -> out.put(id, a.sha256()));
            return out;
        }
    }

    /**
     * One rebuild: when it ran, whether its generation now serves, every error that stopped it and
     * every lint warning (which never stops one), each as {@code file:line: message}.
     */
    public record Attempt(Instant at, boolean ok, List<CriteriaProblem> problems, List<String> warnings) {
        public Attempt {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    /** What serves now and how the last rebuild went; {@code serving} is null until one succeeds. */
    public record Status(Generation serving, Attempt lastAttempt) {
        public boolean ok() {
            return lastAttempt == null || lastAttempt.ok();
        }
    }

    private final Path criteriaDir;
    private final Path rulesDir;
    private final AtomicReference<Status> status = new AtomicReference<>(new Status(null, null));
    private final List<Consumer<Attempt>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<CriteriaWatcher> watcher = new AtomicReference<>();
    private RuleBase lastRules;
    private long generations;

    /** A registry of the sets in {@code criteriaDir} scored with {@code rulesDir}; serves nothing until {@link #reload()}. */
    public CriteriaRegistry(Path criteriaDir, Path rulesDir) {
        this.criteriaDir = criteriaDir;
        this.rulesDir = rulesDir;
    }

    private CriteriaRegistry(Generation fixed) {
        this.criteriaDir = null;
        this.rulesDir = null;
        status.set(new Status(fixed, new Attempt(fixed.loadedAt(), true, List.of(), List.of())));
    }

    /** A registry that always serves these sets (the first is the default) and has nothing to reload. */
    public static CriteriaRegistry of(Assessor... sets) {
        if (sets.length == 0) {
            throw new IllegalArgumentException("A fixed registry needs at least one criteria set.");
        }
        Map<String, Assessor> byId = new LinkedHashMap<>();
        for (Assessor a : sets) {
            byId.put(a.criteria().id(), a);
        }
        return new CriteriaRegistry(new Generation(1, Instant.now(), sets[0].criteria().id(), byId));
    }

    /** The generation serving now. */
    public Generation current() {
        Generation g = status.get().serving();
        if (g == null) {
            throw new IllegalStateException("no criteria generation has loaded yet: call reload() first and check it");
        }
        return g;
    }

    public Status status() {
        return status.get();
    }

    /** The folder each served set was loaded from, by set id (empty for a fixed registry). */
    private volatile Map<String, Path> setFolders = Map.of();

    /** The folder the served set {@code id} was loaded from, where its report wording (report.yaml) lives. */
    public Optional<Path> folderOf(String id) {
        return Optional.ofNullable(setFolders.get(id));
    }

    /** The folders watched for changes: the criteria folder and the rules folder (none for a fixed registry). */
    public List<Path> sources() {
        return criteriaDir == null ? List.of() : List.of(criteriaDir, rulesDir);
    }

    /** Calls {@code listener} after every rebuild, on the thread that ran it. */
    public void onReload(Consumer<Attempt> listener) {
        listeners.add(listener);
    }

    /**
     * Builds a new generation from the folders and, if it has no errors, serves it from now on;
     * otherwise the generation serving keeps serving. Either way the attempt becomes the last one.
     */
    public synchronized Attempt reload() {
        Status before = status.get();
        if (criteriaDir == null) {
            return before.lastAttempt();
        }
        Instant at = Instant.now();
        List<CriteriaProblem> problems = new ArrayList<>();
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
        Map<String, Assessor> sets = new LinkedHashMap<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        try {
            build(sets, folders, problems, warnings);
        } catch (RuntimeException e) {
            problems.add(new CriteriaProblem(criteriaDir.toString(), 0, "加载时出错：" + e));
        }
        if (sets.isEmpty() && problems.isEmpty()) {
            problems.add(new CriteriaProblem(criteriaDir.toString(), 0,
                    "没有测评体系：该目录及其子目录中都没有 criteria.yaml 或 overlay.yaml"));
        }
        Attempt attempt = new Attempt(at, problems.isEmpty(), problems, List.copyOf(warnings));
        Generation serving = before.serving();
        if (attempt.ok()) {
            String defaultId = sets.containsKey(PREFERRED_DEFAULT) ? PREFERRED_DEFAULT : new TreeMap<>(sets).firstKey();
            serving = new Generation(++generations, at, defaultId, sets);
            setFolders = Map.copyOf(folders);
        }
        status.set(new Status(serving, attempt));
        listeners.forEach(l -> l.accept(attempt));
        return attempt;
    }

    /** Loads every set and lints it against the rules; fills {@code sets} only when nothing is wrong. */
    private void build(Map<String, Assessor> sets, Map<String, Path> folderOfSet, List<CriteriaProblem> problems,
            LinkedHashSet<String> warnings) {
        List<Path> folders = setFolders(problems);
        RuleBase rules = rules(problems);
        Map<String, String> folderOfId = new LinkedHashMap<>();
        Map<String, Assessor> built = new LinkedHashMap<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            CriteriaLoading loading = (rules == null ? new CriteriaLoader()
                    : new CriteriaLoader(CheckKind.parameters(rules.checkKinds()))).load(folder);
            loading.problems().forEach(p -> problems.add(new CriteriaProblem(inRoot(name, p.file()), p.line(), p.message())));
            if (!loading.isLoaded() || rules == null) {
                continue;
            }
            boolean clean = true;
            for (LintFinding f : new CriteriaLinter().crossCheck(loading, rules)) {
                String file = f.file().equals("rules") ? rulesName() : inRoot(name, f.file());
                String text = f.message() + (f.advice() == null || f.advice().isEmpty() ? "" : " → " + f.advice());
                if (f.severity() == LintFinding.Severity.ERROR) {
                    problems.add(new CriteriaProblem(file, f.line(), text));
                    clean = false;
                } else {
                    warnings.add(new CriteriaProblem(file, f.line(), text).toString());
                }
            }
            String id = loading.criteria().id();
            String other = folderOfId.putIfAbsent(id, name);
            if (other != null) {
                problems.add(new CriteriaProblem(name + "/criteria.yaml", 0,
                        "测评体系编号“" + id + "”与 " + other + "/ 重复，每个体系的 id 须不同"));
            } else if (clean) {
                built.put(id, new Assessor(loading.criteria(), rules));
                folderOfSet.put(id, folder);
            }
        }
        // An overlay reports its base's faults too; each fault once is enough, each on one line.
        List<CriteriaProblem> distinct = problems.stream()
                .map(p -> new CriteriaProblem(p.file(), p.line(), p.message().strip().replaceAll("\\s*\\n\\s*", " ")))
                .distinct().toList();
        problems.clear();
        problems.addAll(distinct);
        if (problems.isEmpty()) {
            sets.putAll(built);
        }
    }

    /** A file a set's loading named, as a path from the criteria root: "city/../provincial/x.yaml" → "provincial/x.yaml". */
    private static String inRoot(String set, String file) {
        return Path.of(set).resolve(file).normalize().toString().replace('\\', '/');
    }

    /** The set folders: the criteria folder itself when it is one, else its subfolders that are, by name. */
    private List<Path> setFolders(List<CriteriaProblem> problems) {
        if (isSet(criteriaDir)) {
            return List.of(criteriaDir);
        }
        try (Stream<Path> children = Files.list(criteriaDir)) {
            return children.filter(Files::isDirectory).filter(CriteriaRegistry::isSet).sorted().toList();
        } catch (IOException e) {
            problems.add(new CriteriaProblem(criteriaDir.toString(), 0, "无法读取测评体系目录：" + e.getMessage()));
            return List.of();
        }
    }

    /** Whether {@code dir} holds a criteria set of its own. */
    public static boolean isSet(Path dir) {
        return Files.isRegularFile(dir.resolve("criteria.yaml")) || Files.isRegularFile(dir.resolve("overlay.yaml"));
    }

    /** The compiled rules: the last good ones while the files are unchanged, else a fresh build (or null and its faults). */
    private RuleBase rules(List<CriteriaProblem> problems) {
        RuleBaseBuilder builder = new RuleBaseBuilder();
        if (lastRules != null && builder.sha256(rulesDir).filter(lastRules.sha256()::equals).isPresent()) {
            return lastRules;
        }
        RuleBaseBuilder.Building building = builder.build(rulesDir);
        for (CriteriaProblem p : building.problems()) {
            String file = p.file().isEmpty() || p.file().equals(rulesDir.toString()) ? rulesName()
                    : p.file().contains("/") ? p.file() : rulesName() + "/" + p.file();
            problems.add(new CriteriaProblem(file, p.line(), p.message()));
        }
        if (building.isBuilt()) {
            lastRules = building.ruleBase();
        }
        return building.ruleBase();
    }

    private String rulesName() {
        Path name = rulesDir.toAbsolutePath().normalize().getFileName();
        return name == null ? rulesDir.toString() : name.toString();
    }

    /**
     * Starts rebuilding in the background whenever a file under the criteria or rules folder
     * changes (after {@value CriteriaWatcher#QUIET_MILLIS} ms without further changes). Idempotent.
     *
     * @throws IOException when the folders cannot be watched
     */
    public void watch() throws IOException {
        if (criteriaDir == null || watcher.get() != null) {
            return;
        }
        CriteriaWatcher started = CriteriaWatcher.start(this);
        if (!watcher.compareAndSet(null, started)) {
            started.close();
        }
    }

    /** Stops watching; the generation serving keeps serving. */
    @Override
    public void close() {
        CriteriaWatcher w = watcher.getAndSet(null);
        if (w != null) {
            w.close();
        }
    }
}
