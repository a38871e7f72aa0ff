package org.civcheck.authoring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.criteria.CriteriaProblem;

/**
 * A parsed case file that remembers the line of every value ({@code cases[2].changes[0]} → 31),
 * so that a fault found while reading it, or while applying its changes, names its line.
 * Duplicate keys are syntax errors: in a case file the second would silently win.
 */
final class LinedYaml {

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(YAML);

    final String name;
    final JsonNode root;
    private final Map<String, Integer> lines;

    private LinedYaml(String name, JsonNode root, Map<String, Integer> lines) {
        this.name = name;
        this.root = root;
        this.lines = lines;
    }

    /** Parses {@code text}; a syntax error becomes a problem and an empty file. */
    static LinedYaml parse(String name, String text, List<CriteriaProblem> problems) {
        try {
            JsonNode root = MAPPER.readTree(text);
            return new LinedYaml(name, root == null ? MissingNode.getInstance() : root, lineMap(text));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String hint = message.contains("alias")
                    ? "（* 在 YAML 中有特殊含义：表示“其余全部指标”时要加引号，写作 \"*\": met）"
                    : message.contains("flow") && text.contains("$.")
                    ? "（花括号 { } 或方括号 [ ] 里的路径含 [下标] 时要加引号，如 { path: \"$.plans[0].date\" }，或改用分行写法）"
                    : "";
            problems.add(new CriteriaProblem(name, line, "YAML 格式错误：" + firstLine(message) + hint));
            return new LinedYaml(name, MissingNode.getInstance(), Map.of());
        }
    }

    /** The parser's own sentences, without the excerpt and caret lines it quotes. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return String.join("；", message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0))).toList());
    }

    /** The line of the value at {@code path}, or of its nearest parent that has one. */
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

    /** The line of the key {@code field} in the mapping at {@code path}: where an unknown key is written. */
    int keyLine(String path, String field) {
        Integer line = lines.get("key:" + (path.isEmpty() ? field : path + "." + field));
        return line != null ? line : line(path.isEmpty() ? field : path + "." + field);
    }

    private static Map<String, Integer> lineMap(String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            Deque<Object[]> stack = new ArrayDeque<>(); // {path, next index, or -1 for a mapping}
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    String parent = stack.isEmpty() ? "" : (String) stack.peek()[0];
                    lines.putIfAbsent("key:" + (parent.isEmpty() ? field : parent + "." + field),
                            parser.currentTokenLocation().getLineNr());
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
