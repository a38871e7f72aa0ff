package org.civcheck.report.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of a draft: templates with {@code {placeholders}}, the part titles, the ordinal words
 * (一是、二是…) and section numbers (（一）、（二）…), read from {@code report.yaml} in the criteria
 * folder. A folder without one (an overlay, a test set) gets the built-in wording, the same as the
 * provincial set's.
 *
 * <pre>{@code
 * DraftTemplates t = DraftTemplates.load(Path.of("criteria/provincial"));
 * t.fill("problems.lead", Map.of("ordinal", "一是", "title", "创建参与度还不够充分"));
 * }</pre>
 */
public final class DraftTemplates {

    /** The file's name in a criteria folder. */
    public static final String FILE = "report.yaml";

    /** Keys under {@code work.opening.}: one per category id, each with these placeholders. */
    private static final String OPENING = "work.opening.";
    private static final Set<String> OPENING_PLACEHOLDERS = set("category", "unit");
    /** Every template key, with the placeholders it may use. */
    static final Map<String, Set<String>> KEYS = keys();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final ObjectMapper YAML = org.civcheck.criteria.Yaml.MAPPER;

    private final Map<String, String> templates;
    private final List<String> ordinals;
    private final List<String> numbers;
    private final Map<String, String> surveyKinds;

    private DraftTemplates(Map<String, String> templates, List<String> ordinals, List<String> numbers,
            Map<String, String> surveyKinds) {
        this.templates = Map.copyOf(templates);
        this.ordinals = List.copyOf(ordinals);
        this.numbers = List.copyOf(numbers);
        this.surveyKinds = Map.copyOf(surveyKinds);
    }

    /**
     * The wording in {@code criteriaDir/report.yaml}, or the built-in wording when there is none (or
     * no folder, as for criteria built in memory).
     *
     * @throws DraftTemplateException listing every missing key, unknown placeholder or syntax error, each
     *     naming the file
     */
    public static DraftTemplates load(Path criteriaDir) {
        Path file = criteriaDir == null ? null : criteriaDir.resolve(FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new DraftTemplateException(List.of(file + ": 无法读取：" + e.getMessage()));
        }
    }

    /** The built-in wording. */
    public static DraftTemplates defaults() {
        return parse(DefaultWording.YAML, "（内置模板）");
    }

    /** Reads the wording in {@code text}; {@code source} names it in faults. */
    static DraftTemplates parse(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DraftTemplateException(List.of(source + ":" + line + ": YAML 语法错误：" + e.getOriginalMessage()));
        }
        List<String> faults = new ArrayList<>();
        Map<String, String> templates = new LinkedHashMap<>();
        if (root == null || !root.isObject()) {
            throw new DraftTemplateException(List.of(source + ": 应为一个映射（键: 模板）"));
        }
        flatten("", root, templates, faults, source);
        for (String key : KEYS.keySet()) {
            if (!templates.containsKey(key)) {
                faults.add(source + ": 缺少模板 " + key + "（可用占位符：" + String.join("、", KEYS.get(key)) + "）");
            }
        }
        templates.forEach((key, template) -> {
            Set<String> allowed = key.startsWith(OPENING) ? OPENING_PLACEHOLDERS : KEYS.get(key);
            if (allowed == null) {
                faults.add(source + ": 未知的模板 " + key);
                return;
            }
            Matcher m = PLACEHOLDER.matcher(template);
            while (m.find()) {
                if (!allowed.contains(m.group(1))) {
                    faults.add(source + ": 模板 " + key + " 中的 {" + m.group(1) + "} 不是可用的占位符（可用："
                            + (allowed.isEmpty() ? "无" : String.join("、", allowed)) + "）");
                }
            }
        });
        List<String> ordinals = words(root, "ordinals", source, faults);
        List<String> numbers = words(root, "numbers", source, faults);
        Map<String, String> surveyKinds = new LinkedHashMap<>();
        JsonNode kinds = root.path("surveyKinds");
        if (!kinds.isObject()) {
            faults.add(source + ": 缺少 surveyKinds（满意度调查种类的名称，如 public: 群众）");
        } else {
            kinds.fields().forEachRemaining(e -> surveyKinds.put(e.getKey(), e.getValue().asText()));
        }
        if (!faults.isEmpty()) {
            throw new DraftTemplateException(faults);
        }
        return new DraftTemplates(templates, ordinals, numbers, surveyKinds);
    }

    /** The template {@code key} with each {@code {name}} replaced by {@code values.get(name)}. */
    public String fill(String key, Map<String, ?> values) {
        String template = templates.get(key);
        if (template == null) {
            throw new IllegalArgumentException("No template " + key + ".");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Template " + key + " needs {" + m.group(1) + "}, not given.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The opening of a category's section: its own template when report.yaml has one, else the default. */
    public String opening(String categoryId, Map<String, ?> values) {
        String key = OPENING + categoryId;
        return fill(templates.containsKey(key) ? key : OPENING + "default", values);
    }

    /** 一是、二是… for the {@code i}-th item (from 0); past the end of the list, nothing. */
    public String ordinal(int i) {
        return i < ordinals.size() ? ordinals.get(i) : "";
    }

    /** （一）、（二）… for the {@code i}-th section (from 0). */
    public String number(int i) {
        return i < numbers.size() ? numbers.get(i) : "（" + (i + 1) + "）";
    }

    /** The name of a survey kind (public → 群众), or the kind itself. */
    public String surveyKind(String kind) {
        return surveyKinds.getOrDefault(kind, kind);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, List<String> faults,
            String source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if (prefix.isEmpty() && List.of("ordinals", "numbers", "surveyKinds").contains(key)) {
                continue;
            }
            if (e.getValue().isObject()) {
                flatten(key + ".", e.getValue(), out, faults, source);
            } else if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(key, e.getValue().asText());
            } else {
                faults.add(source + ": 模板 " + key + " 应为一句文字");
            }
        }
    }

    private static List<String> words(JsonNode root, String key, String source, List<String> faults) {
        JsonNode node = root.path(key);
        List<String> words = new ArrayList<>();
        node.forEach(n -> words.add(n.asText()));
        if (!node.isArray() || words.isEmpty()) {
            faults.add(source + ": 缺少 " + key + "（一个非空的列表）");
        }
        return words;
    }

    private static Map<String, Set<String>> keys() {
        Map<String, Set<String>> k = new LinkedHashMap<>();
        k.put("title", set("unit", "year", "from", "to"));
        k.put("intro", set("unit", "from", "to", "staff", "criteria"));
        k.put("parts.work", set());
        k.put("parts.problems", set());
        k.put("parts.next", set());
        k.put("work.heading", set("number", "category"));
        k.put("work.opening.default", OPENING_PLACEHOLDERS);
        k.put("work.other", set());
        k.put("work.item", set("ordinal", "text"));
        k.put("work.activity.count", set("type", "count"));
        k.put("work.activity.months", set("months", "monthList"));
        k.put("work.activity.date", set("date"));
        k.put("work.activity.attendance", set("average", "rate"));
        k.put("work.activity.people", set("average", "rate"));
        k.put("work.activity.hours", set("hours"));
        k.put("work.activity.amount", set("amount"));
        k.put("work.activity.external", set("external", "organizers"));
        k.put("work.document", set("kind", "count", "dates"));
        k.put("work.volunteers", set("registered", "staff", "share"));
        k.put("work.survey", set("kind", "date", "respondents", "satisfied", "rate"));
        k.put("work.none", set("unit"));
        k.put("problems.opening", set("unit", "criteria"));
        k.put("problems.lead", set("ordinal", "title"));
        k.put("problems.finding", set("message", "indicator", "points"));
        k.put("problems.none", set("unit"));
        k.put("next.item", set("number", "remedy"));
        k.put("next.detail", set("remedy"));
        k.put("next.none", set("unit"));
        return k;
    }

    private static Set<String> set(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
