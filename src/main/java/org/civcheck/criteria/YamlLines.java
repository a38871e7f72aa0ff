package org.civcheck.criteria;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each key and value of a YAML text is written, by path ({@code categories[0].indicators[2].points}),
 * so that a fault found after parsing can name its line. Shared by the criteria loader and the
 * criteria test cases.
 */
public final class YamlLines {

    private static final YAMLFactory YAML = Yaml.FACTORY;

    private final Map<String, Integer> values;
    private final Map<String, Integer> keys;

    private YamlLines(Map<String, Integer> values, Map<String, Integer> keys) {
        this.values = values;
        this.keys = keys;
    }

    /** The lines of {@code text}; a text that does not parse gives what was read before the fault. */
    public static YamlLines of(String text) {
        Map<String, Integer> values = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            Deque<Object[]> stack = new ArrayDeque<>(); // {path, next index, or -1 for a mapping}
            String field = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                    String parent = stack.isEmpty() ? "" : (String) stack.peek()[0];
                    keys.putIfAbsent(parent.isEmpty() ? field : parent + "." + field,
                            parser.currentTokenLocation().getLineNr());
                    continue;
                }
                if (token.isStructEnd()) {
                    stack.pop();
                    continue;
                }
                String path = childPath(stack, field);
                field = null;
                values.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
                if (token.isStructStart()) {
                    stack.push(new Object[] {path, token == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (IOException e) {
            // the caller's own parse reports the syntax error with its line
        }
        return new YamlLines(values, keys);
    }

    /** An empty map: every path is on line 0. */
    public static YamlLines none() {
        return new YamlLines(Map.of(), Map.of());
    }

    /** The line of the value at {@code path}, or of its nearest parent that has one. */
    public int valueLine(String path) {
        return walkUp(path, false);
    }

    /**
     * The line of the key at {@code path} (where an unknown or wrong key is written, and where a
     * block value starts), else of its value, else of its nearest parent.
     */
    public int keyLine(String path) {
        return walkUp(path, true);
    }

    private int walkUp(String path, boolean preferKey) {
        String p = path;
        while (true) {
            Integer line = preferKey && keys.containsKey(p) ? keys.get(p) : values.get(p);
            if (line == null && !preferKey) {
                line = keys.get(p);
            }
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return values.getOrDefault("", values.isEmpty() ? 0 : 1);
            }
            p = p.substring(0, cut);
        }
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
