package org.civcheck.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.criteria.YamlLines;

/**
 * A parsed case file that remembers the line of every value ({@code cases[2].changes[0]} → 31),
 * so that a fault found while reading it, or while applying its changes, names its line.
 * Duplicate keys are syntax errors: in a case file the second would silently win.
 */
final class LinedYaml {

    private static final ObjectMapper MAPPER = org.civcheck.criteria.Yaml.MAPPER;

    final String name;
    final JsonNode root;
    private final YamlLines lines;

    private LinedYaml(String name, JsonNode root, YamlLines lines) {
        this.name = name;
        this.root = root;
        this.lines = lines;
    }

    /** Parses {@code text}; a syntax error becomes a problem and an empty file. */
    static LinedYaml parse(String name, String text, List<CriteriaProblem> problems) {
        try {
            JsonNode root = MAPPER.readTree(text);
            return new LinedYaml(name, root == null ? MissingNode.getInstance() : root, YamlLines.of(text));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            String hint = message.contains("alias")
                    ? "（* 在 YAML 中有特殊含义：表示“其余全部指标”时要加引号，写作 \"*\": met）"
                    : message.contains("flow") && text.contains("$.")
                    ? "（花括号 { } 或方括号 [ ] 里的路径含 [下标] 时要加引号，如 { path: \"$.plans[0].date\" }，或改用分行写法）"
                    : "";
            problems.add(new CriteriaProblem(name, line, "YAML 格式错误：" + firstLine(org.civcheck.criteria.Yaml.message(message)) + hint));
            return new LinedYaml(name, MissingNode.getInstance(), YamlLines.none());
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
        return lines.valueLine(path);
    }

    /** The line of the key {@code field} in the mapping at {@code path}: where an unknown key is written. */
    int keyLine(String path, String field) {
        return lines.keyLine(path.isEmpty() ? field : path + "." + field);
    }
}
