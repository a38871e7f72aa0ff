package org.civcheck.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The example packages the upload page offers one click away (a folder's .json and .zip files). */
public final class Examples {

    /** An example: its file name and, for JSON, the unit's name. */
    public record Example(String file, String unitName, long bytes) {}

    private final Path dir;

    public Examples(Path dir) {
        this.dir = dir;
    }

    public List<Example> list() {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Example> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json") || name.endsWith(".zip")) {
                    out.add(new Example(name, unitName(f), Files.size(f)));
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    /** The bytes of the example named {@code file}; empty for any name not listed (no path tricks). */
    public Optional<byte[]> read(String file) {
        if (list().stream().noneMatch(e -> e.file().equals(file))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(file)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String unitName(Path f) {
        if (!f.getFileName().toString().endsWith(".json")) {
            return null;
        }
        try {
            JsonNode name = new ObjectMapper().readTree(f.toFile()).path("unit").path("name");
            return name.isTextual() ? name.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
