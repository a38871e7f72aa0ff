package org.civcheck.criteria;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML file that remembers the line of every value, so that a fault found after
 * parsing can still say where it is ({@code indicators.yaml:42}).
 */
final class YamlFile {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    final String name;
    final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlFile(String name, JsonNode root, Map<String, Integer> lines) {
        this.name = name;
        this.root = root;
        this.lines = lines;
    }

    /** Parses {@code text}; a syntax error becomes a problem in {@code problems} and an empty file. */
    static YamlFile parse(String name, byte[] bytes, List<CriteriaProblem> problems) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode root = MAPPER.readTree(text);
            return new YamlFile(name, root == null ? MissingNode.getInstance() : root, lineMap(text));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new CriteriaProblem(name, line, "YAML 语法错误：" + e.getOriginalMessage()));
            return new YamlFile(name, MissingNode.getInstance(), Map.of());
        }
    }

    /** The line of the value at {@code path} (e.g. {@code categories[0].indicators[2].points}), or of its nearest parent. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, cut);
        }
    }

    private static Map<String, Integer> lineMap(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            Deque<Object[]> stack = new ArrayDeque<>(); // {path, nextIndex or -1 for objects}
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    // A key's own line, so that a fault in a block value (a mapping on the lines
                    // below its key) points at the key rather than at its first entry.
                    field = parser.currentName();
                    lines.putIfAbsent(childPath(stack, field), parser.currentTokenLocation().getLineNr());
                    continue;
                }
                if (token.isStructEnd()) {
                    stack.pop();
                    continue;
                }
                String path = childPath(stack, field);
                field = null;
                lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
                if (token.isStructStart()) {
                    stack.push(new Object[] {path, token == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (IOException e) {
            // already reported by readTree
        }
        return lines;
    }

    private static String childPath(Deque<Object[]> stack, String field) {
        if (stack.isEmpty()) {
            return "";
        }
        Object[] top = stack.peek();
        String parent = (String) top[0];
        int index = (Integer) top[1];
        if (index >= 0) {
            top[1] = index + 1;
            return parent + "[" + index + "]";
        }
        return parent.isEmpty() ? field : parent + "." + field;
    }
}
