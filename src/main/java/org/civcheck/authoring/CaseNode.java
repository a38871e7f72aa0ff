package org.civcheck.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.criteria.CriteriaProblem;

/** A value of a case file with its path, that records faults at its lines instead of throwing. */
final class CaseNode {

    final LinedYaml yaml;
    final JsonNode node;
    final String path;
    final List<CriteriaProblem> problems;

    CaseNode(LinedYaml yaml, JsonNode node, String path, List<CriteriaProblem> problems) {
        this.yaml = yaml;
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    boolean has(String key) {
        return node.has(key);
    }

    CaseNode child(String key) {
        return new CaseNode(yaml, node.get(key), at(key), problems);
    }

    boolean isMapping(String what) {
        if (!node.isObject()) {
            fault("", what + "应为键值映射（key: value）");
            return false;
        }
        return true;
    }

    void allow(String... known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!List.of(known).contains(key)) {
                faultKey(key, "未知字段“" + key + "”，这里可用的字段：" + String.join("、", known));
            }
        }
    }

    String text(String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                fault("", "缺少必填字段“" + key + "”");
            }
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            fault(key, "“" + key + "”应为一段文字");
            return null;
        }
        return v.asText();
    }

    Double number(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            fault(key, "“" + key + "”应为数字，实际为“" + v.asText() + "”");
            return null;
        }
        return v.asDouble();
    }

    List<CaseNode> list(String key, String what) {
        JsonNode v = node.get(key);
        List<CaseNode> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            fault(key, what + "“" + key + "”应为列表（每项以 - 开头）");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new CaseNode(yaml, v.get(i), at(key) + "[" + i + "]", problems));
        }
        return out;
    }

    /** The fields of mapping {@code key} (required, not empty), or null after a fault. */
    Map<String, JsonNode> mapping(String key, String what) {
        JsonNode v = node.get(key);
        if (v == null || !v.isObject() || v.size() == 0) {
            fault(v == null ? "" : key, "缺少" + what);
            return null;
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        v.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue()));
        return out;
    }

    void fault(String key, String message) {
        String where = key.isEmpty() ? path : key.startsWith("[") ? path + key : at(key);
        problems.add(new CriteriaProblem(yaml.name, yaml.line(where), message));
    }

    void faultKey(String key, String message) {
        problems.add(new CriteriaProblem(yaml.name, yaml.keyLine(path, key), message));
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
