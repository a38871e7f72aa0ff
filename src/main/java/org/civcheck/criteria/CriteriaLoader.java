package org.civcheck.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a criteria set from a folder of YAML files ({@code criteria.yaml}, {@code taxonomy.yaml},
 * {@code problems.yaml}, {@code vetoes.yaml}, {@code indicators.yaml}) and reports every fault
 * at once, each with its file and line. A folder holding {@code overlay.yaml} instead is an
 * overlay on another set and is loaded by {@link OverlayLoader}; callers need not tell the two apart.
 *
 * <pre>{@code
 * CriteriaLoading loading = new CriteriaLoader().load(Path.of("criteria/provincial"));
 * if (!loading.isLoaded()) loading.problems().forEach(System.err::println);
 * }</pre>
 */
public final class CriteriaLoader {

    static final List<String> FILES =
            List.of("criteria.yaml", "taxonomy.yaml", "problems.yaml", "vetoes.yaml", "indicators.yaml");

    /**
     * The parameters of each check kind, by kind and name, as the rules declare them; empty when
     * the set is loaded without its rules (then parameters are read but not checked).
     */
    private final Map<String, Map<String, Parameter>> kinds;

    /** A loader that reads parameters without checking them against the rules. */
    public CriteriaLoader() {
        this(Map.of());
    }

    /** A loader that checks every indicator's parameters against the declarations of its check kind. */
    public CriteriaLoader(Map<String, Map<String, Parameter>> kinds) {
        this.kinds = Map.copyOf(kinds);
    }

    /** Loads the set in folder {@code dir}: a full set, or an overlay on one. */
    public CriteriaLoading load(Path dir) {
        return load(dir, new LinkedHashSet<>());
    }

    /** Loads {@code dir}; {@code overlays} are the overlay folders already on the way here, to stop a loop. */
    CriteriaLoading load(Path dir, Set<Path> overlays) {
        List<CriteriaProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new CriteriaProblem(dir.toString(), 0, "不是一个目录：找不到测评体系文件夹"));
            return new CriteriaLoading(null, problems);
        }
        if (Files.exists(dir.resolve(OverlayLoader.FILE))) {
            if (Files.exists(dir.resolve(FILES.get(0)))) {
                problems.add(new CriteriaProblem(OverlayLoader.FILE, 0, "同一个文件夹中既有 overlay.yaml 又有 "
                        + FILES.get(0) + "：测评体系文件夹要么是完整的五个文件，要么只有一个叠加文件 overlay.yaml"));
                return new CriteriaLoading(null, problems);
            }
            return new OverlayLoader(this).load(dir, overlays);
        }
        Map<String, YamlFile> files = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (String name : FILES) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                problems.add(new CriteriaProblem(name, 0, "缺少文件 " + file));
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(bytes);
                files.put(name, YamlFile.parse(name, bytes, problems));
            } catch (IOException e) {
                problems.add(new CriteriaProblem(name, 0, "无法读取：" + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return new CriteriaLoading(null, problems);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        Map<String, Integer> lines = new LinkedHashMap<>();
        CriteriaSet set = build(files, sha, problems, lines);
        return new CriteriaLoading(set, problems, lines);
    }

    private CriteriaSet build(Map<String, YamlFile> files, String sha, List<CriteriaProblem> problems,
            Map<String, Integer> lines) {
        Fields head = root(files.get("criteria.yaml"), problems)
                .allow("id", "name", "version", "passScore", "atRiskMargin", "scoreStep");
        Taxonomy taxonomy = taxonomy(root(files.get("taxonomy.yaml"), problems));
        Map<String, ProblemClass> problemClasses = problemClasses(root(files.get("problems.yaml"), problems));
        List<VetoRule> vetoes = vetoes(root(files.get("vetoes.yaml"), problems), taxonomy);
        YamlFile indicatorsFile = files.get("indicators.yaml");
        List<Category> categories = categories(root(indicatorsFile, problems), taxonomy, problemClasses);
        categories.forEach(c -> {
            for (int i = 0; i < c.indicators().size(); i++) {
                lines.putIfAbsent(c.indicators().get(i).id(), 0);
            }
        });
        locate(indicatorsFile, lines);

        double pass = head.number("passScore");
        double margin = head.number("atRiskMargin", 0);
        double step = head.number("scoreStep", 0.5);
        double max = categories.stream().mapToDouble(Category::max).sum();
        if (pass > max) {
            head.fault("passScore", "合格线 " + fmt(pass) + " 高于满分 " + fmt(max));
        }
        if (step <= 0) {
            head.fault("scoreStep", "scoreStep 应大于 0");
        }
        if (margin < 0) {
            head.fault("atRiskMargin", "atRiskMargin 不能为负数");
        }
        return new CriteriaSet(head.text("id"), head.text("name"), head.text("version"), sha,
                pass, margin, step, categories, taxonomy, problemClasses, vetoes);
    }

    /** Records the line of every indicator's entry, by id. */
    private static void locate(YamlFile file, Map<String, Integer> lines) {
        var categories = file.root.path("categories");
        for (int c = 0; c < categories.size(); c++) {
            var indicators = categories.get(c).path("indicators");
            for (int i = 0; i < indicators.size(); i++) {
                String id = indicators.get(i).path("id").asText();
                lines.put(id, file.line("categories[" + c + "].indicators[" + i + "]"));
            }
        }
    }

    private static Fields root(YamlFile file, List<CriteriaProblem> problems) {
        return new Fields(file, file.root, "", problems);
    }

    private Taxonomy taxonomy(Fields f) {
        f.allow("activityClasses", "activityTypes", "evidenceKinds", "organizers", "documentKinds", "incidentTypes",
                "severities", "surveyKinds");
        List<Taxonomy.Term> classes = terms(f, "activityClasses", false);
        List<Taxonomy.Term> types = terms(f, "activityTypes", true);
        for (int i = 0; i < types.size(); i++) {
            String group = types.get(i).group();
            if (classes.stream().noneMatch(c -> c.id().equals(group))) {
                f.fault("activityTypes[" + i + "].class", "活动类别“" + group + "”不在 activityClasses 中");
            }
        }
        return new Taxonomy(classes, types, terms(f, "evidenceKinds", false), terms(f, "organizers", false),
                terms(f, "documentKinds", false), terms(f, "incidentTypes", false), terms(f, "severities", false),
                terms(f, "surveyKinds", false));
    }

    private List<Taxonomy.Term> terms(Fields f, String list, boolean classed) {
        List<Taxonomy.Term> terms = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Fields t : f.list(list)) {
            if (classed) {
                t.allow("id", "name", "class");
            } else {
                t.allow("id", "name");
            }
            String id = t.text("id");
            if (!seen.add(id)) {
                t.fault(t.at("id"), "重复的 id “" + id + "”");
            }
            terms.add(new Taxonomy.Term(id, t.text("name"), classed ? t.text("class") : null));
        }
        return terms;
    }

    private Map<String, ProblemClass> problemClasses(Fields f) {
        f.allow("problems");
        Map<String, ProblemClass> out = new LinkedHashMap<>();
        for (Fields p : f.list("problems")) {
            p.allow("id", "title", "remedy");
            ProblemClass pc = new ProblemClass(p.text("id"), p.text("title"), p.text("remedy"));
            if (out.put(pc.id(), pc) != null) {
                p.fault(p.at("id"), "重复的问题类别 “" + pc.id() + "”");
            }
        }
        return out;
    }

    private List<VetoRule> vetoes(Fields f, Taxonomy taxonomy) {
        f.allow("vetoes");
        List<VetoRule> out = new ArrayList<>();
        for (Fields v : f.list("vetoes")) {
            v.allow("id", "name", "incidentTypes", "minSeverity", "lookbackYears");
            List<String> types = v.texts("incidentTypes");
            types.forEach(t -> requireTerm(v, "incidentTypes", t, taxonomy.incidentTypes()));
            String severity = v.text("minSeverity");
            requireTerm(v, "minSeverity", severity, taxonomy.severities());
            out.add(new VetoRule(v.text("id"), v.text("name"), types, severity, (int) v.number("lookbackYears")));
        }
        return out;
    }

    private List<Category> categories(Fields f, Taxonomy taxonomy, Map<String, ProblemClass> problemClasses) {
        f.allow("categories");
        List<Category> out = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Fields c : f.list("categories")) {
            c.allow("id", "name", "max", "indicators");
            String categoryId = c.text("id");
            List<Indicator> indicators = new ArrayList<>();
            for (Fields i : c.list("indicators")) {
                Indicator indicator = indicator(i, categoryId, taxonomy, problemClasses);
                if (!ids.add(indicator.id())) {
                    i.fault(i.at("id"), "重复的指标 id “" + indicator.id() + "”");
                }
                indicators.add(indicator);
            }
            double max = c.number("max");
            double sum = indicators.stream().mapToDouble(Indicator::points).sum();
            if (Math.abs(sum - max) > 1e-9) {
                c.fault(c.at("max"), "测评项目“" + c.text("name") + "”满分为 " + fmt(max)
                        + "，但其指标分值合计为 " + fmt(sum));
            }
            out.add(new Category(categoryId, c.text("name"), max, indicators));
        }
        return out;
    }

    private Indicator indicator(Fields i, String categoryId, Taxonomy taxonomy, Map<String, ProblemClass> problems) {
        i.allow("id", "name", "points", "method", "check", "params", "problem", "blocking", "remedy");
        String problem = i.text("problem");
        if (!problem.isEmpty() && !problems.containsKey(problem)) {
            i.fault(i.at("problem"), "未知的问题类别“" + problem + "”，可用：" + String.join("、", problems.keySet()));
        }
        return new Indicator(i.text("id"), categoryId, i.text("name"), i.number("points"), i.text("method"),
                i.text("check"), params(i, taxonomy, i.text("check")), problem, i.flag("blocking"), i.optionalText("remedy"));
    }

    /**
     * The check's parameters as plain values; "@class" entries of a list expanded. With the rules'
     * declarations, each value is checked against its parameter's type, with the line it is on.
     */
    Map<String, Object> params(Fields i, Taxonomy taxonomy, String kind) {
        JsonNode node = i.raw("params");
        Map<String, Object> params = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return params;
        }
        if (!node.isObject()) {
            i.fault(i.at("params"), "params 应为键值映射");
            return params;
        }
        Fields p = new Fields(i.fileOf(), node, i.at("params"), i.problems());
        Map<String, Parameter> declared = kinds.getOrDefault(kind, Map.of());
        node.fields().forEachRemaining(e -> {
            String key = e.getKey();
            JsonNode v = e.getValue();
            Parameter param = declared.get(key);
            if (param != null && param.declared()) {
                new ParameterCheck(p, key, param, taxonomy).check(v);
            }
            if (v.isArray()) {
                List<String> values = new ArrayList<>();
                v.forEach(x -> values.addAll(expand(p, key, x.asText(), taxonomy)));
                params.put(key, List.copyOf(values));
                if (v.size() == 1 && v.get(0).asText().startsWith("@")) {
                    // A whole class is named by its class name in findings ("创建活动"), not by its members.
                    String group = v.get(0).asText().substring(1);
                    params.put(key + "Label", taxonomy.nameOf(taxonomy.activityClasses(), group));
                }
            } else if (v.isNumber()) {
                params.put(key, v.asDouble());
            } else if (v.isBoolean()) {
                params.put(key, v.asBoolean());
            } else {
                params.put(key, v.asText());
            }
        });
        return params;
    }

    /** An "@class" entry as the activity types of that class; any other entry as itself. */
    private List<String> expand(Fields p, String key, String word, Taxonomy taxonomy) {
        if (word.startsWith("@")) {
            String group = word.substring(1);
            List<String> members = taxonomy.activityTypes().stream().filter(t -> group.equals(t.group()))
                    .map(Taxonomy.Term::id).toList();
            if (members.isEmpty()) {
                p.fault(p.at(key), "“" + word + "”不是任何活动类型的类别（class）");
            }
            return members;
        }
        return List.of(word);
    }

    static void requireTerm(Fields f, String key, String word, List<Taxonomy.Term> terms) {
        if (terms.stream().noneMatch(t -> t.id().equals(word))) {
            f.fault(f.at(key), "“" + word + "”不在 taxonomy.yaml 的可选值中（"
                    + String.join("、", terms.stream().map(Taxonomy.Term::id).toList()) + "）");
        }
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
