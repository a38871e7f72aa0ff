package org.civcheck.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.criteria.CriteriaSet;

/**
 * Reads the case files of a folder ({@code *.yaml}, in name order) against a criteria set and its
 * rules, and reports every fault with file and line: YAML syntax, unknown or missing keys, a
 * verdict, status, indicator, problem class or rule the criteria do not have, a path that is no path.
 * Whether a path exists in the base package is only known when the case is prepared
 * ({@link CaseRunner#prepare}).
 *
 * <pre>{@code
 * CaseFileReader.Reading r = new CaseFileReader(criteria, ruleNames).read(Path.of("criteria/provincial/tests"));
 * r.problems().forEach(System.err::println);   // tests/plans.yaml:14: 未知字段“expct”，…
 * }</pre>
 */
final class CaseFileReader {

    /** Everything read from the case files, or every fault found in them. */
    record Reading(List<CriteriaTestCase> cases, List<RuleExemption> exemptions, List<CriteriaProblem> problems) {}

    private final CriteriaSet criteria;
    private final Set<String> ruleNames;

    CaseFileReader(CriteriaSet criteria, Set<String> ruleNames) {
        this.criteria = criteria;
        this.ruleNames = ruleNames;
    }

    Reading read(Path dir) {
        List<CriteriaTestCase> cases = new ArrayList<>();
        List<RuleExemption> exemptions = new ArrayList<>();
        List<CriteriaProblem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new CriteriaProblem(dir.toString(), 0, "找不到测试用例目录（应在测评体系目录下的 tests/ 中）"));
            return new Reading(cases, exemptions, problems);
        }
        if (files.isEmpty()) {
            problems.add(new CriteriaProblem(dir.toString(), 0, "目录中没有测试用例文件（*.yaml）"));
        }
        for (Path file : files) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                readFile(file, LinedYaml.parse(file.toString(), text, problems), cases, exemptions, problems);
            } catch (IOException e) {
                problems.add(new CriteriaProblem(file.toString(), 0, "无法读取：" + e.getMessage()));
            }
        }
        Map<String, CriteriaTestCase> byName = new LinkedHashMap<>();
        for (CriteriaTestCase c : cases) {
            CriteriaTestCase first = byName.putIfAbsent(c.name(), c);
            if (first != null) {
                problems.add(new CriteriaProblem(c.file(), c.line(),
                        "用例名称“" + c.name() + "”与 " + first.where() + " 的用例重复；名称应说明各自验证的情形"));
            }
        }
        return new Reading(cases, exemptions, problems);
    }

    private void readFile(Path file, LinedYaml yaml, List<CriteriaTestCase> cases, List<RuleExemption> exemptions,
            List<CriteriaProblem> problems) {
        if (yaml.root.isMissingNode()) {
            if (problems.stream().noneMatch(p -> p.file().equals(yaml.name))) {
                problems.add(new CriteriaProblem(yaml.name, 0, "文件是空的：应有 cases（用例列表）"));
            }
            return;
        }
        CaseNode top = new CaseNode(yaml, yaml.root, "", problems);
        if (!top.isMapping("整个文件")) {
            return;
        }
        top.allow("cases", "exemptRules");
        if (!top.has("cases") && !top.has("exemptRules")) {
            top.fault("", "文件中应有 cases（用例列表）");
        }
        for (CaseNode c : top.list("cases", "用例列表")) {
            CriteriaTestCase testCase = testCase(file, c);
            if (testCase != null) {
                cases.add(testCase);
            }
        }
        for (CaseNode e : top.list("exemptRules", "豁免规则列表")) {
            if (!e.isMapping("豁免的规则")) {
                continue;
            }
            e.allow("rule", "reason");
            String rule = e.text("rule", true);
            String reason = e.text("reason", true);
            if (rule != null && !ruleNames.contains(rule)) {
                e.fault("rule", "规则目录中没有名为“" + rule + "”的规则（规则名须与 DRL 中 rule \"…\" 一字不差）");
            } else if (rule != null && reason != null) {
                exemptions.add(new RuleExemption(rule, reason, yaml.name, yaml.line(e.path)));
            }
        }
    }

    private CriteriaTestCase testCase(Path file, CaseNode c) {
        if (!c.isMapping("用例")) {
            return null;
        }
        int before = c.problems.size();
        c.allow("name", "base", "package", "changes", "expect", "asOf");
        java.time.LocalDate asOf = null;
        String day = c.text("asOf", false);
        if (day != null) {
            try {
                asOf = java.time.LocalDate.parse(day.strip());
            } catch (java.time.format.DateTimeParseException e) {
                c.fault("asOf", "asOf 应为检查日期，写成 年-月-日，如 2025-06-30，实际为“" + day + "”");
            }
        }
        String name = c.text("name", true);
        String base = c.text("base", false);
        JsonNode inline = c.node.get("package");
        if ((base == null) == (inline == null)) {
            c.fault("", base == null ? "用例应有 base（基础证据包文件）或 package（直接写出的证据包），二者选一"
                    : "base 和 package 只能写一个");
        } else if (inline != null && !inline.isObject()) {
            c.fault("package", "package 应为一个证据包（键值映射）");
        }
        List<PackageEdit> changes = new ArrayList<>();
        for (CaseNode change : c.list("changes", "改动列表")) {
            PackageEdit edit = change(change);
            if (edit != null) {
                changes.add(edit);
            }
        }
        Expectation expect = null;
        if (!c.has("expect")) {
            c.fault("", "用例缺少 expect（预期结果）");
        } else {
            expect = new ExpectationReader(criteria).read(c.child("expect"));
        }
        if (c.problems.size() > before) {
            return null;
        }
        Path basePath = base == null ? null : file.toAbsolutePath().getParent().resolve(base).normalize();
        if (expect != null && asOf == null && (expect.progress() != null || !expect.pace().isEmpty())) {
            c.fault("expect", "预期中写了 progress 或 pace（年中进度），用例还应写 asOf（检查日期）");
            return null;
        }
        return new CriteriaTestCase(name, c.yaml.name, c.yaml.line(c.path), basePath, inline, changes, expect, asOf);
    }

    /**
     * One change, in either form: flat, the operation's key holding the path and its arguments
     * beside it ({@code - set: $.plans[0].date} / {@code value: "2025-05-20"}), or nested, the
     * operation's key holding all ({@code - removeWhere: { path: $.activities, match: {…} }}).
     */
    private PackageEdit change(CaseNode change) {
        if (!change.isMapping("改动")) {
            return null;
        }
        List<String> ops = new ArrayList<>();
        change.node.fieldNames().forEachRemaining(k -> {
            if (PackageEdit.Op.of(k) != null) {
                ops.add(k);
            }
        });
        if (ops.size() != 1) {
            change.fault("", ops.isEmpty()
                    ? "改动应写明一种操作（" + PackageEdit.Op.keys() + "），如 - set: $.plans[0].date 下一行 value: \"2025-05-20\""
                    : "一条改动只能写一种操作，这里写了 " + String.join("、", ops) + "；请分成几条（每条以 - 开头）");
            return null;
        }
        String key = ops.get(0);
        PackageEdit.Op op = PackageEdit.Op.of(key);
        int line = change.yaml.line(change.path);
        CaseNode args;
        String path;
        List<String> allowed = new ArrayList<>(switch (op) {
            case SET, ADD -> List.of("value");
            case REMOVE -> List.<String>of();
            case APPEND -> List.of("value", "values");
            case REMOVE_WHERE -> List.of("match");
            case UPDATE_WHERE -> List.of("match", "fields");
        });
        if (change.node.get(key).isTextual()) {
            args = change;
            path = change.node.get(key).asText();
            allowed.add(0, key);
            if (!path(change.child(key), path)) {
                path = null;
            }
        } else if (change.node.get(key).isObject()) {
            args = change.child(key);
            change.allow(key);
            allowed.add(0, "path");
            path = args.text("path", true);
            if (path != null && !path(args.child("path"), path)) {
                path = null;
            }
        } else {
            change.fault(key, key + " 后面写路径（如 " + key + ": $.activities），或写成 " + key + ": { path: …, … }");
            return null;
        }
        args.allow(allowed.toArray(String[]::new));
        List<JsonNode> values = new ArrayList<>();
        Map<String, JsonNode> match = Map.of();
        Map<String, JsonNode> fields = Map.of();
        switch (op) {
            case SET, ADD -> {
                if (!args.has("value")) {
                    args.fault("", key + " 缺少 value（要写入的值）");
                } else {
                    values.add(args.node.get("value"));
                }
            }
            case APPEND -> {
                if (args.has("value") == args.has("values")) {
                    args.fault("", "append 写 value（添加一项）或 values（添加多项的列表），二者选一");
                } else if (args.has("value")) {
                    values.add(args.node.get("value"));
                } else if (!args.node.get("values").isArray()) {
                    args.fault("values", "values 应为列表");
                } else {
                    args.node.get("values").forEach(values::add);
                }
            }
            case REMOVE_WHERE, UPDATE_WHERE -> {
                if (op == PackageEdit.Op.UPDATE_WHERE) {
                    fields = args.mapping("fields", "要修改的字段，如 fields: { organizer: superior }");
                }
                match = args.mapping("match", "条件，如 match: { type: city-creation }");
            }
            default -> { }
        }
        return path == null || match == null || fields == null ? null : new PackageEdit(op, path, values, match, fields, line);
    }

    private static boolean path(CaseNode at, String path) {
        Optional<String> bad = PackageEdits.parse(path, new ArrayList<>());
        bad.ifPresent(m -> at.fault("", m));
        return bad.isEmpty();
    }
}
