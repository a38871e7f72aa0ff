package org.civcheck.criteria;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The project's one YAML reader (criteria sets, overlays, case files, report wording). A key
 * written twice in one mapping is a syntax error with its line: otherwise the second would
 * silently win ({@code min: 24, min: 2} reads as 2).
 */
public final class Yaml {

    /** The parser factory: strict about duplicate keys. */
    public static final YAMLFactory FACTORY = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** A mapper over {@link #FACTORY}: share it, it is thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Yaml() {}

    /** The parser's message in Chinese where it is one the author will meet, else as it is. */
    public static String message(String original) {
        if (original != null && original.startsWith("Duplicate field '")) {
            String key = original.substring("Duplicate field '".length(), original.indexOf('\'', 17));
            return "同一映射中键“" + key + "”出现了两次（后一个会悄悄覆盖前一个），请删去其中一个";
        }
        return original;
    }
}
