package org.civcheck.report.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in an evidence package as a liaison reads it: the JSON path {@code $.activities[12].date}
 * becomes 第13项活动的日期, in the words of {@code fields.yaml} beside this class. Anything that is
 * not a JSON path (a file in a zip, a sheet and cell) is shown as it is; a name the words do not
 * know is quoted.
 */
public final class PlaceNames {

    private static final Pattern STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]");
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Map<String, String> ITEMS = new HashMap<>();
    private static final String WHOLE;

    static {
        try (InputStream in = PlaceNames.class.getResourceAsStream("fields.yaml")) {
            JsonNode words = new ObjectMapper(new YAMLFactory()).readTree(in);
            words.path("names").fields().forEachRemaining(e -> NAMES.put(e.getKey(), e.getValue().asText()));
            words.path("items").fields().forEachRemaining(e -> ITEMS.put(e.getKey(), e.getValue().asText()));
            WHOLE = words.path("whole").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PlaceNames() {}

    /** {@code path} in words; not a JSON path, it is returned unchanged. */
    public static String of(String path) {
        if (path == null || !path.startsWith("$")) {
            return path == null ? "" : path;
        }
        if (path.equals("$")) {
            return WHOLE;
        }
        StringBuilder out = new StringBuilder();
        String list = null;
        Matcher m = STEP.matcher(path);
        int at = 1;
        while (m.find() && m.start() == at) {
            at = m.end();
            if (m.group(1) != null) {
                if (list != null) {
                    out.append(NAMES.getOrDefault(list, "“" + list + "”"));
                }
                list = m.group(1);
                if (out.length() > 0 && list != null && !(out.charAt(out.length() - 1) == '的')) {
                    out.append('的');
                }
            } else {
                String item = list == null ? "项" : ITEMS.getOrDefault(list, "项" + NAMES.getOrDefault(list, "“" + list + "”"));
                out.append('第').append(Integer.parseInt(m.group(2)) + 1).append(item);
                list = null;
            }
        }
        if (list != null) {
            out.append(NAMES.getOrDefault(list, "“" + list + "”"));
        }
        if (at < path.length()) {
            out.append(path.substring(at));
        }
        return out.toString();
    }
}
