package org.civcheck.engine;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.drools.base.util.Drools;

/**
 * Edited rules, once compiled, kept on disk so the next run of the same files loads them instead
 * of compiling again. An entry is named by the sha256 of the rule files together with the fact
 * classes they were compiled against, inside a folder per Drools version; a changed file gives a
 * new name, so an edit is never served from an older entry and a revert finds its entry again.
 * Deleting the folder (or any entry) is always safe: the next run compiles and writes it back.
 *
 * <p>Where: the system property {@value #PROPERTY}, else the environment variable {@value #ENV},
 * else {@code $XDG_CACHE_HOME/civcheck/rules}, else {@code ~/.cache/civcheck/rules}. The value
 * {@value #OFF} turns the cache off.
 */
public final class RuleCache {

    public static final String PROPERTY = "civcheck.rules.cache";
    public static final String ENV = "CIVCHECK_RULES_CACHE";
    public static final String OFF = "off";

    private final Path root;

    private RuleCache(Path root) {
        this.root = root;
    }

    /** The cache the system property, environment or home folder names. */
    public static RuleCache configured() {
        String given = System.getProperty(PROPERTY);
        if (given == null || given.isBlank()) {
            given = System.getenv(ENV);
        }
        if (given != null && !given.isBlank()) {
            return given.trim().equalsIgnoreCase(OFF) ? off() : at(Path.of(given.trim()));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("civcheck").resolve("rules"));
    }

    public static RuleCache at(Path root) {
        return new RuleCache(root);
    }

    public static RuleCache off() {
        return new RuleCache(null);
    }

    /** The folder this Drools version's entries live in; empty when the cache is off. */
    public Optional<Path> folder() {
        return Optional.ofNullable(root).map(r -> r.resolve("drools-" + Drools.getFullVersion()));
    }

    /** The name of the entry for rule files with this sha256, compiled against these fact classes. */
    static String key(String rulesSha256, String factsSha256) {
        return Hashes.sha256("rules", rulesSha256, "facts", factsSha256, "drools", Drools.getFullVersion());
    }

    Optional<byte[]> get(String key) {
        return folder().map(f -> f.resolve(key + ".jar")).filter(Files::isRegularFile).flatMap(file -> {
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** Stores an entry whole or not at all (written beside, then moved in); a failure only costs the next run a compile. */
    void put(String key, byte[] jar) {
        folder().ifPresent(f -> {
            Path tmp = null;
            try {
                Files.createDirectories(f);
                tmp = Files.createTempFile(f, key, ".part");
                Files.write(tmp, jar);
                try {
                    Files.move(tmp, f.resolve(key + ".jar"), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, f.resolve(key + ".jar"), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                deleteQuietly(tmp);
            }
        });
    }

    /** Drops an entry that could not be loaded. */
    void evict(String key) {
        folder().ifPresent(f -> deleteQuietly(f.resolve(key + ".jar")));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the entry is rewritten or ignored next time
            }
        }
    }
}
