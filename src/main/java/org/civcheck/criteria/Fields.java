package org.civcheck.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one YAML mapping, recording every fault (missing, wrong type, unknown
 * field) with its file and line instead of stopping at the first.
 */
final class Fields {

    private final YamlFile file;
    private final JsonNode node;
    private final String path;
    private final List<CriteriaProblem> problems;

    Fields(YamlFile file, JsonNode node, String path, List<CriteriaProblem> problems) {
        this.file = file;
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (!node.isObject()) {
            fault(path, "应为键值映射（key: value）");
        }
    }

    /** Reports every field not in {@code known}. */
    Fields allow(String... known) {
        Set<String> allowed = Set.of(known);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                fault(at(name), "未知字段“" + name + "”，可用字段：" + String.join("、", known));
            }
        }
        return this;
    }

    String text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            fault(at(name), "缺少必填字段“" + name + "”");
            return "";
        }
        if (!v.isValueNode()) {
            fault(at(name), "“" + name + "”应为文字");
            return "";
        }
        return v.asText();
    }

    String optionalText(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : text(name);
    }

    double number(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            fault(at(name), "缺少必填字段“" + name + "”");
            return 0;
        }
        if (!v.isNumber()) {
            fault(at(name), "“" + name + "”应为数字，实际为“" + v.asText() + "”");
            return 0;
        }
        return v.asDouble();
    }

    double number(String name, double fallback) {
        return node.has(name) ? number(name) : fallback;
    }

    boolean flag(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            fault(at(name), "“" + name + "”应为 true 或 false");
            return false;
        }
        return v.asBoolean();
    }

    List<String> texts(String name) {
        JsonNode v = node.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            fault(at(name), "缺少必填字段“" + name + "”");
        } else if (!v.isArray()) {
            fault(at(name), "“" + name + "”应为列表，如 [a, b]");
        } else {
            v.forEach(e -> out.add(e.asText()));
        }
        return out;
    }

    /** The mappings of list field {@code name}, each with its own path. */
    List<Fields> list(String name) {
        JsonNode v = node.get(name);
        List<Fields> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            fault(at(name), "缺少必填字段“" + name + "”");
        } else if (!v.isArray()) {
            fault(at(name), "“" + name + "”应为列表");
        } else {
            for (int i = 0; i < v.size(); i++) {
                out.add(new Fields(file, v.get(i), at(name) + "[" + i + "]", problems));
            }
        }
        return out;
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    String path() {
        return path;
    }

    YamlFile fileOf() {
        return file;
    }

    List<CriteriaProblem> problems() {
        return problems;
    }

    void fault(String where, String message) {
        problems.add(new CriteriaProblem(file.name, file.line(where), message));
    }
}
