package org.civcheck.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a case's changes to a package's JSON tree, strictly: a path that does not exist, a
 * field added twice, a condition no element meets are errors (a sentence saying what the path
 * holds instead), never silently nothing — a case that edits the wrong thing would prove nothing.
 *
 * <pre>{@code
 * Optional<String> error = PackageEdits.apply(tree, edit);   // tree is changed in place
 * }</pre>
 *
 * <p>Paths are {@code $}, then {@code .field} and {@code [index]} steps (index from 0):
 * {@code $.plans[0].date}, {@code $.unit.coordinator.dedicated}. In a {@code match}, a value
 * matches a field equal to it; a list matches any of its values; text ending in {@code *}
 * matches text starting with what precedes it ({@code "2025-06*"}: any day of June 2025); a field
 * holding a list matches when one of its items does. A field the package does not write never matches.
 */
final class PackageEdits {

    private static final Pattern STEP = Pattern.compile("\\.([^.\\[\\]]+)|\\[(\\d+)\\]");

    private PackageEdits() {}

    /** Applies {@code edit} to {@code root}; the error, in Chinese, when it cannot be applied. */
    static Optional<String> apply(JsonNode root, PackageEdit edit) {
        List<Object> steps = new ArrayList<>();
        Optional<String> bad = parse(edit.path(), steps);
        if (bad.isPresent()) {
            return bad;
        }
        if (steps.isEmpty()) {
            return Optional.of("不能" + verb(edit.op()) + "整个证据包（$），请写到具体字段，如 $.plans[0].date");
        }
        Object last = steps.get(steps.size() - 1);
        List<Object> parentSteps = steps.subList(0, steps.size() - 1);
        Located parent = locate(root, parentSteps);
        if (parent.error() != null) {
            return Optional.of(parent.error());
        }
        JsonNode container = parent.node();
        String parentPath = render(parentSteps);
        String path = render(steps);
        switch (edit.op()) {
            case ADD: {
                if (!(last instanceof String field)) {
                    return Optional.of("add 用于新增对象的字段；要在列表末尾添加，请用 append: { path: " + parentPath + ", value: … }");
                }
                if (!container.isObject()) {
                    return Optional.of("路径“" + path + "”无法新增：" + parentPath + " 不是对象（" + kind(container) + "）");
                }
                if (container.has(field)) {
                    return Optional.of("路径“" + path + "”已存在，不能用 add 新增；要修改它请用 set");
                }
                ((ObjectNode) container).set(field, edit.values().get(0).deepCopy());
                return Optional.empty();
            }
            case SET:
            case REMOVE: {
                Optional<String> missing = Optional.ofNullable(child(container, last, parentPath, path).error());
                if (missing.isPresent()) {
                    return edit.op() == PackageEdit.Op.SET && last instanceof String && container.isObject()
                            ? Optional.of(missing.get() + "；要新增字段请用 add")
                            : missing;
                }
                if (edit.op() == PackageEdit.Op.SET) {
                    if (container.isObject()) {
                        ((ObjectNode) container).set((String) last, edit.values().get(0).deepCopy());
                    } else {
                        ((ArrayNode) container).set((Integer) last, edit.values().get(0).deepCopy());
                    }
                } else if (container.isObject()) {
                    ((ObjectNode) container).remove((String) last);
                } else {
                    ((ArrayNode) container).remove((int) (Integer) last);
                }
                return Optional.empty();
            }
            default: {
                Located target = child(container, last, parentPath, path);
                if (target.error() != null) {
                    return Optional.of(edit.op() == PackageEdit.Op.APPEND && container.isObject()
                            ? target.error() + "；可先新增一个空列表：add: { path: " + path + ", value: [] }"
                            : target.error());
                }
                if (!target.node().isArray()) {
                    return Optional.of("路径“" + path + "”不是列表（" + kind(target.node()) + "），不能" + verb(edit.op()));
                }
                return listEdit((ArrayNode) target.node(), edit, path);
            }
        }
    }

    private static Optional<String> listEdit(ArrayNode list, PackageEdit edit, String path) {
        if (edit.op() == PackageEdit.Op.APPEND) {
            edit.values().forEach(v -> list.add(v.deepCopy()));
            return Optional.empty();
        }
        int matched = 0;
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode element = it.next();
            if (!matches(element, edit.match())) {
                continue;
            }
            matched++;
            if (edit.op() == PackageEdit.Op.REMOVE_WHERE) {
                it.remove();
            } else {
                edit.fields().forEach((k, v) -> ((ObjectNode) element).set(k, v.deepCopy()));
            }
        }
        if (matched == 0) {
            return Optional.of(path + " 中没有符合条件 " + describe(edit.match()) + " 的项（共" + list.size()
                    + "项），这条改动什么也没改；请检查字段名和取值");
        }
        return Optional.empty();
    }

    /** Whether {@code element} has every field of {@code match} (see the class notes for how values compare). */
    static boolean matches(JsonNode element, Map<String, JsonNode> match) {
        if (!element.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> m : match.entrySet()) {
            JsonNode actual = element.get(m.getKey());
            if (actual == null || !same(actual, m.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(JsonNode actual, JsonNode wanted) {
        if (wanted.isArray()) {
            for (JsonNode w : wanted) {
                if (same(actual, w)) {
                    return true;
                }
            }
            return false;
        }
        if (actual.isArray()) {
            for (JsonNode a : actual) {
                if (same(a, wanted)) {
                    return true;
                }
            }
            return false;
        }
        if (!actual.isValueNode() || !wanted.isValueNode()) {
            return actual.equals(wanted);
        }
        if (actual.isNumber() && wanted.isNumber()) {
            return actual.decimalValue().compareTo(wanted.decimalValue()) == 0;
        }
        String w = wanted.asText();
        if (wanted.isTextual() && w.endsWith("*")) {
            return actual.isTextual() && actual.asText().startsWith(w.substring(0, w.length() - 1));
        }
        return actual.asText().equals(w) && actual.isTextual() == wanted.isTextual();
    }

    /** Parses {@code path} into field names and indexes; the error when it is not a path. */
    static Optional<String> parse(String path, List<Object> steps) {
        String example = "，应写成 $.plans[0].date 这样：以 $ 开头，字段用 .名称，列表的第几项用 [下标]（从0开始）";
        if (path == null || !path.startsWith("$")) {
            return Optional.of("路径“" + path + "”写法有误" + example);
        }
        Matcher m = STEP.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!m.find(at) || m.start() != at) {
                return Optional.of("路径“" + path + "”写法有误（第" + (at + 1) + "个字符起）" + example);
            }
            steps.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
            at = m.end();
        }
        return Optional.empty();
    }

    /** A node found by following a path, or why it could not be found. */
    private record Located(JsonNode node, String error) {}

    private static Located locate(JsonNode root, List<Object> steps) {
        JsonNode node = root;
        for (int i = 0; i < steps.size(); i++) {
            Located next = child(node, steps.get(i), render(steps.subList(0, i)), render(steps.subList(0, i + 1)));
            if (next.error() != null) {
                return next;
            }
            node = next.node();
        }
        return new Located(node, null);
    }

    private static Located child(JsonNode node, Object step, String nodePath, String path) {
        if (step instanceof Integer index) {
            if (!node.isArray()) {
                return new Located(null, "路径“" + path + "”不存在：" + nodePath + " 不是列表（" + kind(node) + "）");
            }
            if (index >= node.size()) {
                return new Located(null, "路径“" + path + "”不存在：" + nodePath + " 只有" + node.size()
                        + "项（下标从0开始，最后一项是[" + (node.size() - 1) + "]）");
            }
            return new Located(node.get(index), null);
        }
        String field = (String) step;
        if (!node.isObject()) {
            return new Located(null, "路径“" + path + "”不存在：" + nodePath + " 不是对象（" + kind(node) + "）");
        }
        if (!node.has(field)) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return new Located(null, "路径“" + path + "”不存在：" + nodePath + " 没有字段“" + field + "”"
                    + (names.isEmpty() ? "" : "（它的字段有：" + String.join("、", names) + "）"));
        }
        return new Located(node.get(field), null);
    }

    private static String render(List<Object> steps) {
        StringBuilder b = new StringBuilder("$");
        for (Object s : steps) {
            b.append(s instanceof Integer ? "[" + s + "]" : "." + s);
        }
        return b.toString();
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "是列表" : node.isObject() ? "是对象" : "是值“" + node.asText() + "”";
    }

    private static String describe(Map<String, JsonNode> match) {
        List<String> parts = new ArrayList<>();
        new java.util.TreeMap<>(match).forEach((k, v) -> parts.add(k + ": " + v));
        return "{" + String.join(", ", parts) + "}";
    }

    private static String verb(PackageEdit.Op op) {
        return switch (op) {
            case SET -> "修改";
            case ADD -> "新增";
            case REMOVE -> "删除";
            case APPEND -> "添加";
            case REMOVE_WHERE -> "按条件删除";
            case UPDATE_WHERE -> "按条件修改";
        };
    }
}
