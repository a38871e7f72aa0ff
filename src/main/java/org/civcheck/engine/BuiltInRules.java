package org.civcheck.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.drools.base.util.Drools;

/**
 * The rules of the project's {@code rules/} folder as the build compiled them to the executable
 * model, shipped inside the jar with the sha256 of the files they came from. A rules folder whose
 * files hash the same is served from here without compiling; any other is compiled at run time.
 *
 * <p>The build writes them ({@code main}, run by Maven at {@code process-classes}); the same
 * record also names the fact classes the rules were compiled against, which keys the cache of
 * edited rules.
 */
public final class BuiltInRules {

    static final String FOLDER = "org/civcheck/engine/built-in-rules/";
    static final String JAR = FOLDER + "rules.jar";
    static final String RECORD = FOLDER + "rules.properties";
    private static final String FACTS = "org/civcheck/engine/facts";

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

    /** The compiled rules' jar. */
    static byte[] jar() throws IOException {
        try (InputStream in = BuiltInRules.class.getClassLoader().getResourceAsStream(JAR)) {
            if (in == null) {
                throw new IOException("the built-in rules are missing from the jar: " + JAR);
            }
            return in.readAllBytes();
        }
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
        Path jar = classesDir.resolve(JAR);
        Path recordFile = classesDir.resolve(RECORD);
        Properties p = new Properties();
        p.setProperty("rules.sha256", files.sha256());
        p.setProperty("facts.sha256", facts);
        p.setProperty("drools.version", Drools.getFullVersion());
        if (Files.isRegularFile(jar) && Files.isRegularFile(recordFile) && p.equals(load(recordFile))) {
            System.out.println("[civcheck] built-in rules up to date (" + files.sha256().substring(0, 12) + ")");
            return;
        }
        Files.deleteIfExists(jar);
        Files.deleteIfExists(recordFile);
        long start = System.nanoTime();
        RuleBaseBuilder.Compiled compiled = RuleBaseBuilder.compileModel(files);
        if (compiled.jar() == null) {
            System.err.println("[civcheck] WARNING: rules/ does not compile to the executable model; the jar ships"
                    + " no built-in rules and every run will compile them:");
            compiled.problems().forEach(pr -> System.err.println("  " + pr));
            System.exit(0); // Drools leaves non-daemon threads behind
        }
        Files.createDirectories(jar.getParent());
        Files.write(jar, compiled.jar());
        try (OutputStream out = Files.newOutputStream(recordFile)) {
            p.store(out, "rules/ as compiled into " + JAR);
        }
        System.out.printf("[civcheck] built-in rules: %d files compiled to the executable model in %.1f s (%s)%n",
                files.bytesByName().size(), (System.nanoTime() - start) / 1e9, files.sha256().substring(0, 12));
        System.exit(0); // Drools leaves non-daemon threads behind
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
