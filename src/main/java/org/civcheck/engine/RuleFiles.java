package org.civcheck.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code .drl} files of a rules folder, read once: their bytes by file name (in name order)
 * and the sha256 over names and bytes that names exactly these rules wherever they are.
 */
record RuleFiles(Path dir, Map<String, byte[]> bytesByName, String sha256) {

    static final String EXTENSION = ".drl";

    /** Reads every {@code .drl} file directly in {@code dir}. */
    static RuleFiles read(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path file : s.filter(p -> p.getFileName().toString().endsWith(EXTENSION)).sorted().toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        MessageDigest digest = sha256Digest();
        files.forEach((name, bytes) -> {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return new RuleFiles(dir, java.util.Collections.unmodifiableMap(files), HexFormat.of().formatHex(digest.digest()));
    }

    boolean isEmpty() {
        return bytesByName.isEmpty();
    }

    /** Whether {@code other} holds exactly these files, byte for byte. */
    boolean sameAs(Map<String, byte[]> other) {
        return other.size() == bytesByName.size() && bytesByName.entrySet().stream()
                .allMatch(e -> other.containsKey(e.getKey()) && Arrays.equals(e.getValue(), other.get(e.getKey())));
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
