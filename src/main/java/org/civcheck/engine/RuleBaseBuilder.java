package org.civcheck.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.civcheck.criteria.CriteriaProblem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code .drl} files of a rules folder into a {@link RuleBase}, the cheapest way that
 * gives exactly those rules: the rules built into the jar when the files are the built-in ones
 * (same sha256), else the cached compilation of the same files, else a compile to the executable
 * model at run time, which is then cached (see {@link RuleCache}). Compile errors come back as
 * problems naming the file and line; nothing is thrown for a bad rule.
 */
public final class RuleBaseBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBaseBuilder.class);
    private static final AtomicLong BUILDS = new AtomicLong();

    /** What building gave: the rule base, or the compile errors. */
    public record Building(RuleBase ruleBase, List<CriteriaProblem> problems) {
        public boolean isBuilt() {
            return ruleBase != null;
        }
    }

    /** Rules compiled to the executable model: the jar, or the errors. */
    record Compiled(byte[] jar, List<CriteriaProblem> problems) {}

    private final RuleCache cache;
    private final boolean builtIn;

    /** Built-in rules when they match, else the configured cache. */
    public RuleBaseBuilder() {
        this(RuleCache.configured(), true);
    }

    private RuleBaseBuilder(RuleCache cache, boolean builtIn) {
        this.cache = cache;
        this.builtIn = builtIn;
    }

    /** Built-in rules when they match, else {@code cache}. */
    public static RuleBaseBuilder withCache(RuleCache cache) {
        return new RuleBaseBuilder(cache, true);
    }

    /** Never the built-in rules, even for the built-in files: what an edited rules folder gets (for comparing). */
    public static RuleBaseBuilder ignoringBuiltIn(RuleCache cache) {
        return new RuleBaseBuilder(cache, false);
    }

    public Building build(Path rulesDir) {
        RuleFiles files;
        try {
            files = RuleFiles.read(rulesDir);
        } catch (IOException e) {
            return failed(new CriteriaProblem(rulesDir.toString(), 0, "无法读取规则目录：" + e.getMessage()));
        }
        if (files.isEmpty()) {
            return failed(new CriteriaProblem(rulesDir.toString(), 0, "规则目录中没有 .drl 文件"));
        }
        if (builtIn && BuiltInRules.holds(files.sha256())) {
            try {
                return built(BuiltInRules.load(), files, RuleBase.Origin.BUILT_IN);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.warn("The built-in rules would not load ({}); compiling {} instead.", e, rulesDir);
            }
        }
        Optional<String> key = BuiltInRules.factsSha256().map(facts -> RuleCache.key(files.sha256(), facts));
        Optional<byte[]> cached = key.flatMap(cache::get);
        if (cached.isPresent()) {
            try {
                ModelJar jar = ModelJar.read(cached.get());
                if (files.sameAs(jar.sources())) {
                    return built(jar.load(), files, RuleBase.Origin.CACHED);
                }
            } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.warn("A cached rules entry would not load ({}); compiling again.", e.toString());
            }
            cache.evict(key.get());
        }
        Compiled compiled = compileModel(files);
        if (compiled.jar() != null) {
            key.ifPresent(k -> cache.put(k, compiled.jar()));
            try {
                return built(ModelJar.read(compiled.jar()).load(), files, RuleBase.Origin.COMPILED);
            } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
                LOG.warn("Rules compiled to the executable model would not load ({}); compiling them as DRL.", e.toString());
                key.ifPresent(cache::evict);
            }
        }
        return compileClassic(files, compiled.problems());
    }

    /**
     * The hash a build of {@code rulesDir} would give its rule base, without compiling; empty when
     * the folder cannot be read. Lets a caller keep a rule base whose files have not changed.
     */
    public Optional<String> sha256(Path rulesDir) {
        try {
            return Optional.of(RuleFiles.read(rulesDir).sha256());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Compiles the files to the executable model: Java classes for every constraint and consequence, in a jar. */
    static Compiled compileModel(RuleFiles files) {
        KieServices ks = KieServices.Factory.get();
        // The generated class names derive from the release id: naming the content keeps the classes
        // of different rules apart by name too, not only by class loader.
        ReleaseId releaseId = ks.newReleaseId("org.civcheck.rules", "rules",
                "1.0." + BUILDS.incrementAndGet() + "-" + files.sha256().substring(0, 16));
        KieFileSystem kfs = fileSystem(ks, files, releaseId);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<CriteriaProblem> problems = errors(builder);
        if (!problems.isEmpty()) {
            return new Compiled(null, problems);
        }
        byte[] jar = ((InternalKieModule) builder.getKieModule()).getBytes();
        ks.getRepository().removeKieModule(releaseId);
        return new Compiled(jar, List.of());
    }

    /**
     * Compiles the files as classic DRL. Its errors name the {@code .drl} file and line where the
     * executable model's may name generated Java, so a rule author always gets those; and it still
     * serves (uncached) rules the executable model alone rejects.
     */
    private Building compileClassic(RuleFiles files, List<CriteriaProblem> modelProblems) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = releaseId(ks);
        KieBuilder builder = ks.newKieBuilder(fileSystem(ks, files, releaseId)).buildAll();
        List<CriteriaProblem> problems = errors(builder);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            return new Building(null, problems);
        }
        LOG.warn("{} compiles as DRL but not to the executable model, so it is compiled on every run; the first"
                + " of {} messages: {}", files.dir(), modelProblems.size(), modelProblems.isEmpty() ? ""
                : modelProblems.get(0).toString().lines().findFirst().orElse("")
                        .substring(0, Math.min(300, modelProblems.get(0).toString().lines().findFirst().orElse("").length())));
        KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
        ks.getRepository().removeKieModule(releaseId);
        return built(kieBase, files, RuleBase.Origin.COMPILED_AS_DRL);
    }

    private static ReleaseId releaseId(KieServices ks) {
        return ks.newReleaseId("org.civcheck.rules", "rules", "1.0." + BUILDS.incrementAndGet());
    }

    private static KieFileSystem fileSystem(KieServices ks, RuleFiles files, ReleaseId releaseId) {
        KieFileSystem kfs = ks.newKieFileSystem();
        for (Map.Entry<String, byte[]> file : files.bytesByName().entrySet()) {
            kfs.write(ks.getResources().newByteArrayResource(file.getValue())
                    .setSourcePath("src/main/resources/rules/" + file.getKey())
                    .setResourceType(ResourceType.DRL));
        }
        kfs.generateAndWritePomXML(releaseId);
        return kfs;
    }

    private static List<CriteriaProblem> errors(KieBuilder builder) {
        List<CriteriaProblem> problems = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? "" : Path.of(m.getPath()).getFileName().toString();
            if (m.getText().contains("Parser returned a null Package")) {
                continue; // always follows a syntax error that is already reported with its line
            }
            problems.add(new CriteriaProblem(path, m.getLine(), m.getText().replace('\n', ' ').trim()));
        }
        return problems;
    }

    private static Building built(KieBase kieBase, RuleFiles files, RuleBase.Origin origin) {
        return new Building(new RuleBase(kieBase, files.sha256(), files.bytesByName().size(), origin), List.of());
    }

    private static Building failed(CriteriaProblem problem) {
        return new Building(null, List.of(problem));
    }
}
