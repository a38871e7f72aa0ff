package org.civcheck.criteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A parsed YAML file that remembers the line of every value, so that a fault found after
 * parsing can still say where it is ({@code indicators.yaml:42}).
 */
final class YamlFile {

    private static final ObjectMapper MAPPER = Yaml.MAPPER;

    final String name;
    final JsonNode root;
    private final YamlLines lines;

    private YamlFile(String name, JsonNode root, YamlLines lines) {
        this.name = name;
        this.root = root;
        this.lines = lines;
    }

    /** Parses {@code text}; a syntax error becomes a problem in {@code problems} and an empty file. */
    static YamlFile parse(String name, byte[] bytes, List<CriteriaProblem> problems) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode root = MAPPER.readTree(text);
            return new YamlFile(name, root == null ? MissingNode.getInstance() : root, YamlLines.of(text));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new CriteriaProblem(name, line, "YAML 语法错误：" + Yaml.message(e.getOriginalMessage())));
            return new YamlFile(name, MissingNode.getInstance(), YamlLines.none());
        }
    }

    /**
     * The line of {@code path} (e.g. {@code categories[0].indicators[2].points}): its key's line, so
     * that a fault in a block value points at the key, else its value's, else its nearest parent's.
     */
    int line(String path) {
        return lines.keyLine(path);
    }
}
