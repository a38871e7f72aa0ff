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

    /**
     * The folder of the set in {@code dir} and, when it is an overlay, its base's folder, and that
     * one's base, and so on: nearest first. Files that sit beside a set and are not scored (the report
     * wording) are looked up along this chain, so an overlay inherits them. The chain stops at a folder
     * that is not an overlay, at an overlay whose {@code base} cannot be read, or where it loops; the
     * loader reports those faults, this only finds folders.
     */
    public static List<Path> folders(Path dir) {
        List<Path> chain = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        Path at = dir;
        while (at != null && Files.isDirectory(at) && seen.add(at.toAbsolutePath().normalize())) {
            chain.add(at);
            at = OverlayLoader.baseOf(at);
        }
        return List.copyOf(chain);
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
        Path adjustmentsFile = dir.resolve(Adjustments.FILE);
        if (Files.isRegularFile(adjustmentsFile)) {
            try {
                byte[] bytes = Files.readAllBytes(adjustmentsFile);
                digest.update(Adjustments.FILE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update(bytes);
                files.put(Adjustments.FILE, YamlFile.parse(Adjustments.FILE, bytes, problems));
            } catch (IOException e) {
                problems.add(new CriteriaProblem(Adjustments.FILE, 0, "无法读取：" + e.getMessage()));
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
                .allow("id", "name", "version", "passScore", "atRiskMargin", "scoreStep", "progress");
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
        YamlFile adjustmentsFile = files.get(Adjustments.FILE);
        Adjustments adjustments = adjustmentsFile == null ? Adjustments.NONE
                : adjustments(root(adjustmentsFile, problems), taxonomy, ids(categories));
        return new CriteriaSet(head.text("id"), head.text("name"), head.text("version"), sha,
                pass, margin, step, categories, taxonomy, problemClasses, vetoes, adjustments,
                ProgressPolicy.read(head, margin));
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

    static Fields root(YamlFile file, List<CriteriaProblem> problems) {
        return new Fields(file, file.root, "", problems);
    }

    private Taxonomy taxonomy(Fields f) {
        f.allow("activityClasses", "activityTypes", "evidenceKinds", "organizers", "documentKinds", "incidentTypes",
                "severities", "surveyKinds", "roles", "honorLevels");
        List<Taxonomy.Term> classes = terms(f, "activityClasses", false);
        List<Taxonomy.Term> types = terms(f, "activityTypes", true);
        for (int i = 0; i < types.size(); i++) {
            String group = types.get(i).group();
            if (classes.stream().noneMatch(c -> c.id().equals(group))) {
                f.fault("activityTypes[" + i + "].class", "活动类别“" + group + "”不在 activityClasses 中");
            }
        }
        Map<String, List<Taxonomy.Term>> more = new LinkedHashMap<>();
        for (String list : Taxonomy.MORE) {
            more.put(list, f.raw(list) == null ? List.of() : terms(f, list, false));
        }
        return new Taxonomy(classes, types, terms(f, "evidenceKinds", false), terms(f, "organizers", false),
                terms(f, "documentKinds", false), terms(f, "incidentTypes", false), terms(f, "severities", false),
                terms(f, "surveyKinds", false), more);
    }

    private List<Taxonomy.Term> terms(Fields f, String list, boolean classed) {
        List<Taxonomy.Term> terms = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean counted = list.equals("evidenceKinds"); // material is counted: 3张照片, 1段视频
        for (Fields t : f.list(list)) {
            if (classed) {
                t.allow("id", "name", "class");
            } else if (counted) {
                t.allow("id", "name", "counter");
            } else {
                t.allow("id", "name");
            }
            String id = t.text("id");
            if (!seen.add(id)) {
                t.fault(t.at("id"), "重复的 id “" + id + "”");
            }
            terms.add(new Taxonomy.Term(id, t.text("name"), classed ? t.text("class") : null,
                    counted ? t.optionalText("counter") : null));
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
            v.allow("id", "name", "incidentTypes", "minSeverity", "lookbackYears", "lookbackMonths", "since",
                    "withinPeriod", "roles", "minCount");
            List<String> types = v.texts("incidentTypes");
            types.forEach(t -> requireTerm(v, "incidentTypes", t, taxonomy.incidentTypes()));
            String severity = v.text("minSeverity");
            requireTerm(v, "minSeverity", severity, taxonomy.severities());
            List<String> lookbacks = java.util.stream.Stream.of("lookbackYears", "lookbackMonths", "since", "withinPeriod")
                    .filter(k -> v.raw(k) != null).toList();
            if (lookbacks.size() != 1) {
                v.fault(v.path(), "一票否决“" + v.text("name") + "”应给出且只给出一种回溯期限：lookbackYears（年）、"
                        + "lookbackMonths（月）、since（自某日起，如 \"2024-01-01\"）或 withinPeriod: true（届期内）"
                        + (lookbacks.isEmpty() ? "" : "，现有 " + String.join("、", lookbacks)));
            }
            int years = (int) v.number("lookbackYears", 0);
            int months = (int) v.number("lookbackMonths", 0);
            if (v.raw("lookbackYears") != null && years < 1 || v.raw("lookbackMonths") != null && months < 1) {
                v.fault(v.at(v.raw("lookbackYears") != null ? "lookbackYears" : "lookbackMonths"), "回溯期限应至少为 1");
            }
            java.time.LocalDate since = null;
            if (v.raw("since") != null) {
                try {
                    since = java.time.LocalDate.parse(v.text("since"));
                } catch (java.time.format.DateTimeParseException e) {
                    v.fault(v.at("since"), "since 应为日期，如 \"2024-01-01\"，实际为“" + v.text("since") + "”");
                }
            }
            boolean withinPeriod = v.flag("withinPeriod");
            if (v.raw("withinPeriod") != null && !withinPeriod) {
                v.fault(v.at("withinPeriod"), "withinPeriod 只能写 true（届期内）；不按届期回溯时请删去这一行");
            }
            List<String> roles = v.raw("roles") == null ? List.of() : v.texts("roles");
            roles.forEach(r -> requireTerm(v, "roles", r, taxonomy.list("roles")));
            double minCount = v.number("minCount", 1);
            if (minCount < 1 || minCount != Math.rint(minCount)) {
                v.fault(v.at("minCount"), "minCount（人数或次数下限）应为不小于 1 的整数，实际为 " + fmt(minCount));
            }
            out.add(new VetoRule(v.text("id"), v.text("name"), types, severity, years, months, since, withinPeriod,
                    roles, (int) minCount));
        }
        return out;
    }

    private static Set<String> ids(List<Category> categories) {
        Set<String> ids = new LinkedHashSet<>();
        categories.forEach(c -> c.indicators().forEach(i -> ids.add(i.id())));
        return ids;
    }

    /** The bonus and deduction items, their caps, and the caps on their sums. */
    Adjustments adjustments(Fields f, Taxonomy taxonomy, Set<String> indicatorIds) {
        f.allow("bonusCap", "deductionCap", "bonuses", "deductions");
        List<Adjustment> items = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(indicatorIds);
        for (String direction : List.of(Adjustment.BONUS, Adjustment.DEDUCTION)) {
            String list = direction.equals(Adjustment.BONUS) ? "bonuses" : "deductions";
            if (f.raw(list) == null) {
                continue;
            }
            for (Fields a : f.list(list)) {
                a.allow("id", "name", "check", "params", "cap");
                String id = a.text("id");
                if (!ids.add(id)) {
                    a.fault(a.at("id"), "重复的 id “" + id + "”：加分项、扣分项和指标的 id 都不能重复");
                }
                double cap = a.number("cap");
                if (cap <= 0) {
                    a.fault(a.at("cap"), "cap（该项最多" + (direction.equals(Adjustment.BONUS) ? "加" : "扣")
                            + "的分数）应大于 0，实际为 " + fmt(cap) + "；扣分也写正数");
                }
                items.add(new Adjustment(id, a.text("name"), direction, a.text("check"),
                        params(a, taxonomy, a.text("check")), cap));
            }
        }
        Double bonusCap = f.raw("bonusCap") == null ? null : f.number("bonusCap");
        Double deductionCap = f.raw("deductionCap") == null ? null : f.number("deductionCap");
        if (bonusCap != null && bonusCap <= 0 || deductionCap != null && deductionCap <= 0) {
            f.fault(bonusCap != null && bonusCap <= 0 ? "bonusCap" : "deductionCap", "加分、扣分的总上限应大于 0；扣分也写正数");
        }
        return new Adjustments(items, bonusCap, deductionCap);
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
        i.allow("id", "name", "points", "method", "check", "params", "problem", "blocking", "remedy", "due", "dueBy");
        String problem = i.text("problem");
        if (!problem.isEmpty() && !problems.containsKey(problem)) {
            i.fault(i.at("problem"), "未知的问题类别“" + problem + "”，可用：" + String.join("、", problems.keySet()));
        }
        String due = i.optionalText("due");
        if (due != null && !Due.MANNERS.contains(due)) {
            i.fault(i.at("due"), "未知的进度要求“" + due + "”，可用：prorated（按已过时间折算）、deadline（限期完成）、"
                    + "end-of-period（期末完成）");
        }
        String dueBy = i.optionalText("dueBy");
        if (dueBy != null) {
            try {
                java.time.MonthDay.parse("--" + dueBy);
            } catch (java.time.format.DateTimeParseException e) {
                i.fault(i.at("dueBy"), "dueBy 应为“月-日”，如 \"03-31\"，实际为“" + dueBy + "”");
            }
            if (due != null && !Due.DEADLINE.equals(due)) {
                i.fault(i.at("dueBy"), "dueBy 只用于限期完成的指标（due: deadline）");
            }
        }
        if (i.number("points") < 0) {
            i.fault(i.at("points"), "指标“" + i.text("id") + "”的分值为 " + fmt(i.number("points")) + "，指标分值不能为负数："
                    + "扣分写在 adjustments.yaml 的 deductions 中（按次扣分、分档、封顶，扣分也写正数），不要写成负分的指标");
        }
        return new Indicator(i.text("id"), categoryId, i.text("name"), i.number("points"), i.text("method"),
                i.text("check"), params(i, taxonomy, i.text("check")), problem, i.flag("blocking"), i.optionalText("remedy"),
                null, due, dueBy);
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
            boolean numbers = v.isArray() && !v.isEmpty();
            for (JsonNode x : v.isArray() ? v : com.fasterxml.jackson.databind.node.MissingNode.getInstance()) {
                numbers &= x.isNumber();
            }
            if (numbers) {
                // Points by grade: numbers, in order, repeats and all.
                List<Double> values = new ArrayList<>();
                v.forEach(x -> values.add(x.asDouble()));
                params.put(key, List.copyOf(values));
            } else if (v.isArray()) {
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
