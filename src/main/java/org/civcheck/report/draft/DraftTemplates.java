package org.civcheck.report.draft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civcheck.criteria.CriteriaLoader;

/**
 * The wording of a draft, read from {@code report.yaml} in the criteria folder: templates with
 * {@code {placeholders}}, the part titles, the sections of part 一 with the activity types and facts
 * each gathers, the ordinal words (一是、二是…) and section numbers (（一）、（二）…), an office's
 * statement of each indicator's shortfall, the appendix's columns and the words that replace the
 * checker's symbols. An overlay uses its base's file, with its own report.yaml (if any) laid over
 * it key by key; a set without one anywhere (a test set) gets the built-in wording, the provincial
 * set's file as the jar carries it.
 *
 * <pre>{@code
 * DraftTemplates t = DraftTemplates.load(Path.of("criteria/provincial"));
 * t.fill("problems.lead", Map.of("ordinal", "一是", "title", "创建参与度还不够充分"));
 * }</pre>
 */
public final class DraftTemplates {

    /** The file's name in a criteria folder. */
    public static final String FILE = "report.yaml";
    /** The built-in wording, on the class path. */
    static final String BUILT_IN = "/org/civcheck/report/draft/report.yaml";

    /** Every fixed template key, with the placeholders it may use. */
    static final Map<String, Set<String>> KEYS = keys();
    /** Keys under these prefixes are named by the author (an activity type, an indicator id). */
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "work.activity.phrases.", set("span", "count"),
            "problems.indicators.", set());
    /** Top-level entries that are lists or maps of words rather than templates. */
    private static final Set<String> WORD_ENTRIES = set("ordinals", "numbers", "surveyKinds", "levels", "columns",
            "symbols");
    private static final String SECTIONS = "work.sections";
    /** The facts a section of part 一 may gather besides activities. */
    static final Set<String> FACTS = set("documents", "coordinator", "volunteers", "featured", "surveys", "claims");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final ObjectMapper YAML = org.civcheck.criteria.Yaml.MAPPER;

    /** A section of part 一: its heading, opening sentence, the activity types and facts it gathers. */
    public record Section(String heading, String opening, List<String> types, List<String> facts) {}

    private final Map<String, String> templates;
    private final List<String> ordinals;
    private final List<String> numbers;
    private final Map<String, String> surveyKinds;
    private final Map<String, String> levels;
    private final List<String> columns;
    private final Map<String, String> symbols;
    private final List<Section> sections;

    private DraftTemplates(Map<String, String> templates, Map<String, List<String>> lists,
            Map<String, Map<String, String>> maps, List<Section> sections) {
        this.templates = Map.copyOf(templates);
        this.ordinals = lists.get("ordinals");
        this.numbers = lists.get("numbers");
        this.columns = lists.get("columns");
        this.surveyKinds = maps.get("surveyKinds");
        this.levels = maps.get("levels");
        this.symbols = maps.get("symbols");
        this.sections = List.copyOf(sections);
    }

    /**
     * The wording in {@code criteriaDir/report.yaml}, or the built-in wording when there is none (or
     * no folder, as for criteria built in memory).
     *
     * @throws DraftTemplateException listing every missing key, unknown placeholder or syntax error, each
     *     naming the file
     */
    public static DraftTemplates load(Path criteriaDir) {
        List<Path> files = criteriaDir == null ? List.of() : CriteriaLoader.folders(criteriaDir).stream()
                .map(dir -> dir.resolve(FILE)).filter(Files::isRegularFile).toList();
        if (files.isEmpty()) {
            return defaults();
        }
        // The base's wording first, each overlay's own report.yaml over it, key by key.
        ObjectNode merged = null;
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            JsonNode root = tree(read(file), file.toString());
            merged = merged == null ? (ObjectNode) root : merge(merged, (ObjectNode) root);
        }
        String source = files.get(0).toString() + (files.size() == 1 ? ""
                : "（叠加于 " + String.join("、", files.subList(1, files.size()).stream().map(Path::toString).toList()) + "）");
        return parse(merged, source);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DraftTemplateException(List.of(file + ": 无法读取：" + e.getMessage()));
        }
    }

    /** {@code over} laid on {@code base}: mappings merged key by key, anything else (a list, a template) replaced. */
    private static ObjectNode merge(ObjectNode base, ObjectNode over) {
        over.fields().forEachRemaining(e -> {
            JsonNode was = base.get(e.getKey());
            base.set(e.getKey(), was instanceof ObjectNode w && e.getValue() instanceof ObjectNode o ? merge(w, o)
                    : e.getValue());
        });
        return base;
    }

    /** The built-in wording. */
    public static DraftTemplates defaults() {
        return parse(builtInText(), "（内置模板）");
    }

    /** The text of the built-in wording: criteria/provincial/report.yaml as the jar carries it. */
    static String builtInText() {
        try (InputStream in = DraftTemplates.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("The jar lacks " + BUILT_IN + ".");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the wording in {@code text}; {@code source} names it in faults. */
    static DraftTemplates parse(String text, String source) {
        return parse(tree(text, source), source);
    }

    /** The YAML tree of {@code text}: a mapping, or a fault naming {@code source} (and the line of a syntax error). */
    private static JsonNode tree(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DraftTemplateException(List.of(source + ":" + line + ": YAML 语法错误："
                    + org.civcheck.criteria.Yaml.message(e.getOriginalMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new DraftTemplateException(List.of(source + ": 应为一个映射（键: 模板）"));
        }
        return root;
    }

    private static DraftTemplates parse(JsonNode root, String source) {
        List<String> faults = new ArrayList<>();
        Map<String, String> templates = new LinkedHashMap<>();
        flatten("", root, templates, faults, source);
        for (String key : KEYS.keySet()) {
            if (!templates.containsKey(key)) {
                faults.add(source + ": 缺少模板 " + key + "（可用占位符：" + String.join("、", KEYS.get(key)) + "）");
            }
        }
        templates.forEach((key, template) -> checkPlaceholders(key, template, allowed(key), source, faults));
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (String key : List.of("ordinals", "numbers", "columns")) {
            lists.put(key, words(root, key, source, faults));
        }
        if (lists.get("columns").size() != 5) {
            faults.add(source + ": columns 应有5项（序号、测评内容、自查情况、失分、佐证材料编号）");
        }
        Map<String, Map<String, String>> maps = new LinkedHashMap<>();
        for (String key : List.of("surveyKinds", "levels", "symbols")) {
            Map<String, String> words = new LinkedHashMap<>();
            JsonNode node = root.path(key);
            if (!node.isObject()) {
                faults.add(source + ": 缺少 " + key + "（一个映射，如 public: 群众）");
            } else {
                node.fields().forEachRemaining(e -> words.put(e.getKey(), e.getValue().asText()));
            }
            maps.put(key, Map.copyOf(words));
        }
        List<Section> sections = sections(root.path("work").path("sections"), source, faults);
        if (!faults.isEmpty()) {
            throw new DraftTemplateException(faults);
        }
        return new DraftTemplates(templates, lists, maps, sections);
    }

    /** The template {@code key} with each {@code {name}} replaced by {@code values.get(name)}. */
    public String fill(String key, Map<String, ?> values) {
        String template = templates.get(key);
        if (template == null) {
            throw new IllegalArgumentException("No template " + key + ".");
        }
        return fill(key, template, values);
    }

    /** The opening sentence of a section of part 一, filled. */
    public String opening(Section section, Map<String, ?> values) {
        return fill("work.sections.opening", section.opening(), values);
    }

    private static String fill(String key, String template, Map<String, ?> values) {
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

    /** The activity type's own phrase (work.activity.phrases), filled, when the wording has one. */
    public Optional<String> phrase(String type, Map<String, ?> values) {
        String key = "work.activity.phrases." + type;
        return templates.containsKey(key) ? Optional.of(fill(key, values)) : Optional.empty();
    }

    /** How an office states the shortfall of indicator {@code id} (problems.indicators), when the wording has it. */
    public Optional<String> statement(String indicatorId) {
        return Optional.ofNullable(templates.get("problems.indicators." + indicatorId));
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

    /** The name of a title level (provincial → 省级), or nothing for a level the wording does not name. */
    public String level(String level) {
        return level == null ? "" : levels.getOrDefault(level, "");
    }

    /** The sections of part 一, in order. */
    public List<Section> sections() {
        return sections;
    }

    /** The appendix's column headings. */
    public List<String> columns() {
        return columns;
    }

    /** {@code text} with the checker's symbols (≥, ≤…) written out as words. */
    public String withoutSymbols(String text) {
        String out = text;
        for (Map.Entry<String, String> e : symbols.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private static Set<String> allowed(String key) {
        if (KEYS.containsKey(key)) {
            return KEYS.get(key);
        }
        return GROUPS.entrySet().stream().filter(g -> key.startsWith(g.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static void checkPlaceholders(String key, String template, Set<String> allowed, String source,
            List<String> faults) {
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
    }

    private static List<Section> sections(JsonNode node, String source, List<String> faults) {
        List<Section> sections = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            faults.add(source + ": 缺少 work.sections（第一部分各小节的列表，每节有 heading、opening、types、facts）");
            return sections;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            String where = source + ": work.sections 第" + (i + 1) + "节";
            String heading = s.path("heading").asText("");
            String opening = s.path("opening").asText("");
            if (heading.isBlank() || opening.isBlank()) {
                faults.add(where + " 须有 heading（标题）和 opening（开头一句）");
            }
            checkPlaceholders("work.sections[" + i + "].opening", opening, set("unit"), source, faults);
            List<String> types = new ArrayList<>();
            s.path("types").forEach(t -> types.add(t.asText()));
            List<String> facts = new ArrayList<>();
            s.path("facts").forEach(f -> {
                if (!FACTS.contains(f.asText())) {
                    faults.add(where + " 的 facts 中的 " + f.asText() + " 不是可用的事项（可用：" + String.join("、", FACTS) + "）");
                }
                facts.add(f.asText());
            });
            s.fieldNames().forEachRemaining(name -> {
                if (!set("heading", "opening", "types", "facts").contains(name)) {
                    faults.add(where + " 中的 " + name + " 不是可用的字段（可用：heading、opening、types、facts）");
                }
            });
            sections.add(new Section(heading, opening, List.copyOf(types), List.copyOf(facts)));
        }
        return sections;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out, List<String> faults,
            String source) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix + e.getKey();
            if ((prefix.isEmpty() && WORD_ENTRIES.contains(key)) || key.equals(SECTIONS)) {
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
        return List.copyOf(words);
    }

    private static Map<String, Set<String>> keys() {
        Map<String, Set<String>> k = new LinkedHashMap<>();
        k.put("title", set("unit", "year"));
        k.put("addressee", set());
        k.put("intro", set("unit", "year", "criteria", "level"));
        k.put("parts.work", set());
        k.put("parts.problems", set());
        k.put("parts.next", set());
        k.put("work.heading", set("number", "heading"));
        k.put("work.item", set("ordinal", "text"));
        k.put("work.highlights", set());
        k.put("work.other", set());
        k.put("work.otherOpening", set("unit"));
        k.put("work.activity.count", set("span", "type", "count"));
        k.put("work.activity.spans.year", set());
        k.put("work.activity.spans.years", set());
        k.put("work.activity.everyMonth", set());
        k.put("work.activity.months", set("months"));
        k.put("work.activity.date", set("date"));
        k.put("work.activity.attendance", set("average", "rate"));
        k.put("work.activity.people", set("average", "rate"));
        k.put("work.activity.hours", set("hours"));
        k.put("work.activity.amount", set("amount"));
        k.put("work.activity.external", set("external", "organizers"));
        k.put("work.document", set("kind", "count", "dates"));
        k.put("work.coordinator", set("name"));
        k.put("work.featured", set("titles", "count", "span"));
        k.put("work.volunteers", set("registered", "staff", "share"));
        k.put("work.survey", set("kind", "date", "respondents", "satisfied", "rate"));
        k.put("work.claim", set("indicator", "note"));
        k.put("work.none", set("unit"));
        k.put("problems.opening", set("unit", "criteria"));
        k.put("problems.lead", set("ordinal", "title"));
        k.put("problems.default", set("indicator"));
        k.put("problems.veto", set("veto"));
        k.put("problems.none", set("unit"));
        k.put("next.item", set("number", "remedy"));
        k.put("next.detail", set("remedy"));
        k.put("next.none", set("unit"));
        k.put("next.closing", set());
        k.put("appendix.note", set());
        k.put("appendix.label", set());
        k.put("appendix.title", set());
        k.put("appendix.veto", set("veto"));
        k.put("appendix.none", set());
        k.put("appendix.more", set("count"));
        k.put("signature.date", set("year", "month", "day"));
        return k;
    }

    private static Set<String> set(String... names) {
        return new LinkedHashSet<>(List.of(names));
    }
}
