package org.civcheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.drools.base.util.Drools;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The rules of the project's {@code rules/} folder as the build compiled them to the executable
 * model: classes in the jar (package {@code rules}), with a record of the sha256 of the files they
 * came from. A rules folder whose
 * files hash the same is served from here without compiling; any other is compiled at run time.
 *
 * <p>The build writes them ({@code main}, run by Maven at {@code process-classes}); the same
 * record also names the fact classes the rules were compiled against, which keys the cache of
 * edited rules.
 */
public final class BuiltInRules {

    static final String FOLDER = "org/civcheck/engine/built-in-rules/";
    static final String RECORD = FOLDER + "rules.properties";
    private static final String FACTS = "org/civcheck/engine/facts";
    /** The package the rules declare ({@code package rules;}), where their generated classes go. */
    private static final String GENERATED = "rules";

    private static volatile Optional<Properties> record;

    private BuiltInRules() {}

    /** Whether rule files with this sha256 are the built-in ones, compiled by this Drools version. */
    static boolean holds(String rulesSha256) {
        return record().filter(p -> rulesSha256.equals(p.getProperty("rules.sha256"))
                && Drools.getFullVersion().equals(p.getProperty("drools.version"))).isPresent();
    }

    /** The sha256 of the rule files built in; empty when the build compiled none. */
    public static Optional<String> rulesSha256() {
        return record().map(p -> p.getProperty("rules.sha256"));
    }

    /**
     * The built-in rule base: its model classes are on the class path like any other (so a
     * class-data-sharing archive can hold them), listed in the record.
     */
    static KieBase load() throws ReflectiveOperationException {
        String names = record().map(p -> p.getProperty("models", "")).orElse("");
        List<Model> models = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                models.add((Model) Class.forName(name.trim(), true, BuiltInRules.class.getClassLoader())
                        .getConstructor().newInstance());
            }
        }
        if (models.isEmpty()) {
            throw new ClassNotFoundException("the record of the built-in rules lists no model class");
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }

    /** Names the fact classes the rules compile against; empty (and no cache) when not known. */
    static Optional<String> factsSha256() {
        return record().map(p -> p.getProperty("facts.sha256"));
    }

    private static Optional<Properties> record() {
        Optional<Properties> r = record;
        if (r == null) {
            r = Optional.empty();
            try (InputStream in = BuiltInRules.class.getClassLoader().getResourceAsStream(RECORD)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    r = Optional.of(p);
                }
            } catch (IOException e) {
                r = Optional.empty();
            }
            record = r;
        }
        return r;
    }

    /**
     * Compiles {@code rulesDir} into {@code classesDir} (the build's output folder). Does nothing when
     * the record there already names the same rules and fact classes. A compile error removes the
     * built-in rules (every run then compiles) and is printed, without failing the build.
     */
    public static void main(String[] args) throws IOException {
        Path rulesDir = Path.of(args[0]);
        Path classesDir = Path.of(args[1]);
        RuleFiles files = RuleFiles.read(rulesDir);
        String facts = factsSha256(classesDir.resolve(FACTS));
        Path recordFile = classesDir.resolve(RECORD);
        Properties p = new Properties();
        p.setProperty("rules.sha256", files.sha256());
        p.setProperty("facts.sha256", facts);
        p.setProperty("drools.version", Drools.getFullVersion());
        Properties written = Files.isRegularFile(recordFile) ? load(recordFile) : new Properties();
        Object models = written.remove("models");
        boolean classesThere = models != null && Stream.of(models.toString().split(","))
                .allMatch(m -> Files.isRegularFile(classesDir.resolve(m.trim().replace('.', '/') + ".class")));
        if (p.equals(written) && classesThere) {
            System.out.println("[civcheck] built-in rules up to date (" + files.sha256().substring(0, 12) + ")");
            return;
        }
        Files.deleteIfExists(recordFile);
        deleteTree(classesDir.resolve(GENERATED));
        long start = System.nanoTime();
        RuleBaseBuilder.Compiled compiled = RuleBaseBuilder.compileModel(files);
        if (compiled.jar() == null) {
            System.err.println("[civcheck] WARNING: rules/ does not compile to the executable model; the jar ships"
                    + " no built-in rules and every run will compile them:");
            compiled.problems().forEach(pr -> System.err.println("  " + pr));
            System.exit(0); // Drools leaves non-daemon threads behind
        }
        ModelJar model = ModelJar.read(compiled.jar());
        model.writeClasses(classesDir);
        p.setProperty("models", String.join(",", model.modelClasses()));
        Files.createDirectories(recordFile.getParent());
        try (OutputStream out = Files.newOutputStream(recordFile)) {
            p.store(out, "rules/ compiled to the executable model: the classes under " + GENERATED + "/");
        }
        System.out.printf("[civcheck] built-in rules: %d files compiled to the executable model in %.1f s (%s)%n",
                files.bytesByName().size(), (System.nanoTime() - start) / 1e9, files.sha256().substring(0, 12));
        System.exit(0); // Drools leaves non-daemon threads behind
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    /** The sha256 over the fact classes' names and bytes. */
    static String factsSha256(Path factsDir) throws IOException {
        MessageDigest digest = RuleFiles.sha256Digest();
        List<Path> classes;
        try (Stream<Path> s = Files.walk(factsDir)) {
            classes = s.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        for (Path c : classes) {
            digest.update(factsDir.relativize(c).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(c));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
