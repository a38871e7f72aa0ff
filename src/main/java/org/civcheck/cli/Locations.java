package org.civcheck.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the criteria and rules folders are when the user names none: under the working
 * directory, else beside the jar (or one level up, for {@code target/civcheck.jar}).
 */
final class Locations {

    static final String DEFAULT_CRITERIA = "criteria/provincial";
    static final String DEFAULT_RULES = "rules";

    private Locations() {}

    static Path criteria(Path given) {
        Path dir = given != null ? given : find(DEFAULT_CRITERIA).orElse(Path.of(DEFAULT_CRITERIA));
        // A folder of sets with exactly one set in it names that set.
        if (Files.isDirectory(dir) && !Files.exists(dir.resolve("criteria.yaml"))) {
            try (var children = Files.list(dir)) {
                List<Path> sets = children.filter(p -> Files.exists(p.resolve("criteria.yaml"))).toList();
                if (sets.size() == 1) {
                    return sets.get(0);
                }
            } catch (java.io.IOException e) {
                return dir;
            }
        }
        return dir;
    }

    /**
     * The criteria folder {@code serve} uses: as given (one set's folder, or a folder of sets), else
     * {@code criteria/}, every set in it.
     */
    static Path criteriaRoot(Path given) {
        return given != null ? given : find("criteria").orElse(Path.of("criteria"));
    }

    static Path examples() {
        return find("examples").orElse(Path.of("examples"));
    }

    static Path rules(Path given) {
        return given != null ? given : find(DEFAULT_RULES).orElse(Path.of(DEFAULT_RULES));
    }

    private static Optional<Path> find(String relative) {
        List<Path> bases = new ArrayList<>();
        bases.add(Path.of(""));
        jarDir().ifPresent(d -> {
            bases.add(d);
            if (d.getParent() != null) {
                bases.add(d.getParent());
            }
        });
        return bases.stream().map(b -> b.resolve(relative)).filter(Files::isDirectory).findFirst();
    }

    /** The jar this program runs from; empty when it runs from classes (tests, an IDE). */
    static Optional<Path> jar() {
        try {
            var source = Locations.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> jarDir() {
        return jar().map(Path::getParent);
    }
}
