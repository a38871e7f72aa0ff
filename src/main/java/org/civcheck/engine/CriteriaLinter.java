package org.civcheck.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civcheck.criteria.CriteriaLoading;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.criteria.Parameter;
import org.civcheck.engine.facts.Texts;

/**
 * Checks a criteria set against the rules that will score it, and reports every fault at once:
 * what the loader and the DRL compiler find, then what only the two together show — an indicator
 * whose check kind no rule implements, a parameter a rule needs that the indicator lacks, a
 * parameter no rule reads (a likely typo), an optional group given in part. Works the same on an
 * overlay: each finding names the file the indicator is written in ({@code overlay.yaml} for the
 * indicators the overlay changes), and not-applicable indicators are not checked.
 */
public final class CriteriaLinter {

    /** The catch-all word of a taxonomy list (其他): never what an indicator should require. */
    private static final String CATCH_ALL = "other";

    /** Lints the criteria folder {@code criteriaDir} with the rules of {@code rulesDir}. */
    public List<LintFinding> lint(Path criteriaDir, Path rulesDir) {
        List<LintFinding> findings = new ArrayList<>();
        RuleBaseBuilder.Building rules = new RuleBaseBuilder().build(rulesDir);
        CriteriaLoading criteria = CheckKind.loader(rules).load(criteriaDir);
        for (CriteriaProblem p : criteria.problems()) {
            findings.add(error(p.file(), p.line(), p.message(), "按提示改正该行后重新运行 criteria lint"));
        }
        for (CriteriaProblem p : criteria.warnings()) {
            findings.add(warning(p.file(), p.line(), p.message(), "若有意提高要求可忽略"));
        }
        for (CriteriaProblem p : rules.problems()) {
            findings.add(error(p.file(), p.line(), p.message(), "这是 DRL 规则的编译错误，请检查该行的语法和用到的字段"));
        }
        if (criteria.criteria() != null && rules.isBuilt()) {
            findings.addAll(crossCheck(criteria, rules.ruleBase()));
        }
        findings.sort(java.util.Comparator.comparing(LintFinding::file).thenComparingInt(LintFinding::line));
        return findings;
    }

    /** What only the criteria and the rules together show. */
    List<LintFinding> crossCheck(CriteriaLoading loading, RuleBase rules) {
        List<LintFinding> findings = new ArrayList<>();
        CriteriaSet set = loading.criteria();
        Map<String, CheckKind> kinds = rules.checkKinds();
        // A not-applicable indicator is not scored, so no rule need measure it. Bonus and deduction
        // items are checked as indicators of their own file, their cap as their points.
        List<Indicator> scored = new ArrayList<>(set.indicators().stream().filter(Indicator::applicable).toList());
        Set<String> adjustments = new LinkedHashSet<>();
        for (var a : set.adjustments().items()) {
            adjustments.add(a.id());
            scored.add(new Indicator(a.id(), a.direction(), a.name(), a.cap(), "", a.check(), a.params(), "", false, null));
        }
        for (Indicator indicator : scored) {
            boolean adjustment = adjustments.contains(indicator.id());
            String file = adjustment ? org.civcheck.criteria.Adjustments.FILE : loading.fileOf(indicator.id());
            int line = adjustment ? 0 : loading.lineOf(indicator.id());
            CheckKind kind = kinds.get(indicator.check());
            if (kind == null) {
                findings.add(error(file, line, "指标“" + indicator.id() + "”的检查类型“" + indicator.check()
                        + "”没有任何规则实现", closest(indicator.check(), kinds.keySet())
                        + "可用的检查类型：" + String.join("、", kinds.keySet())
                        + "；或在 rules/ 中新增带 @kind(\"" + indicator.check() + "\") 的规则"));
                continue;
            }
            Set<String> given = indicator.params().keySet();
            for (String required : kind.required()) {
                if (!given.contains(required)) {
                    findings.add(error(file, line, "指标“" + indicator.id() + "”缺少检查类型“" + kind.id()
                            + "”必需的参数 " + required, "在该指标的 params 中加上 " + required + ": …"));
                }
            }
            for (Set<String> group : kind.groups()) {
                Set<String> present = new LinkedHashSet<>(group);
                present.retainAll(given);
                if (!present.isEmpty() && present.size() < group.size()) {
                    Set<String> missing = new LinkedHashSet<>(group);
                    missing.removeAll(given);
                    findings.add(error(file, line, "指标“" + indicator.id() + "”的参数 " + String.join("、", present)
                            + " 须与 " + String.join("、", missing) + " 一起给出", "补上 " + String.join("、", missing)
                            + "，或把 " + String.join("、", present) + " 一并删去"));
                }
            }
            for (String param : given) {
                if (param.endsWith("Label")) {
                    continue; // derived by the loader from an "@class" entry
                }
                if (!kind.known().contains(param)) {
                    findings.add(warning(file, line, "指标“" + indicator.id() + "”的参数 " + param
                            + " 没有任何“" + kind.id() + "”规则使用，可能拼写有误",
                            closest(param, kind.known()) + "该检查类型可用的参数：" + String.join("、", kind.known())));
                }
            }
            for (Parameter p : kind.parameters().values()) {
                Object value = indicator.params().get(p.name());
                if (p.vocabulary() != null && (CATCH_ALL.equals(value)
                        || value instanceof java.util.Collection<?> c && c.size() == 1 && c.contains(CATCH_ALL))) {
                    findings.add(warning(file, line, "指标“" + indicator.id() + "”的参数 " + p.name() + "（"
                            + p.label() + "）只要求“" + CATCH_ALL + "”：这是兜底的“其他”类，结论会写成“未制定其他”之类，"
                            + "单位看不懂要求的是什么", "在 taxonomy.yaml 中为所要求的材料或活动新增一个词，并在此处使用它"));
                }
            }
            if (adjustment) {
                continue; // a cap is no indicator's points: the loader checks it
            }
            // Negative points are the loader's fault (a set with them is not scored at all).
            if (indicator.points() == 0) {
                findings.add(warning(file, line, "指标“" + indicator.id() + "”的分值为 0",
                        "分值为 0 的指标不影响得分；如不适用请删除，或在叠加文件中写 notApplicable: 理由"));
            } else if (indicator.points() < set.scoreStep() - 1e-9) {
                findings.add(warning(file, line, "指标“" + indicator.id() + "”的分值 " + Texts.num(indicator.points())
                        + " 小于计分步长 " + Texts.num(set.scoreStep()) + "：未全部达标时只能得 0 分，没有部分得分",
                        "提高该指标分值，或在 criteria.yaml 中减小 scoreStep"));
            } else if (Math.abs(indicator.points() / set.scoreStep() - Math.rint(indicator.points() / set.scoreStep())) > 1e-9) {
                findings.add(warning(file, line, "指标“" + indicator.id() + "”的分值 " + Texts.num(indicator.points())
                        + " 不是计分步长 " + Texts.num(set.scoreStep()) + " 的整数倍：全部达标以外最多只能得到低一档的分",
                        "把分值改为 " + Texts.num(set.scoreStep()) + " 的整数倍"));
            }
        }
        // A kind no indicator of this set uses is no fault: one rules folder serves several sets.
        for (CheckKind kind : kinds.values()) {
            if (kind.dueDeclared() == null) {
                findings.add(error("rules", 0, kind.due() == null
                        ? "检查类型“" + kind.id() + "”没有说明年中检查时要求如何折算（@due）"
                        : "检查类型“" + kind.id() + "”的 @due(\"" + kind.due() + "\") 不是可用的写法",
                        "在实现它的规则上加 @due(\"prorated\")（按已过时间折算）、@due(\"end-of-period\")（期末完成）"
                                + "或 @due(\"deadline | 日期参数名\")（限期完成）"));
            } else if (kind.dueDeclared().dateParam() != null && !kind.known().contains(kind.dueDeclared().dateParam())) {
                findings.add(error("rules", 0, "检查类型“" + kind.id() + "”的 @due 说期限写在参数 "
                        + kind.dueDeclared().dateParam() + " 中，但该类型没有这个参数",
                        "改为该类型的日期参数名，可用的参数：" + String.join("、", kind.known())));
            }
            if (!kind.labelled()) {
                findings.add(warning("rules", 0, "检查类型“" + kind.id() + "”没有中文名称，页面和说明中只能显示其英文标识",
                        "在实现它的规则上加 @title(\"中文名称\")"));
            }
            for (Parameter p : kind.parameters().values()) {
                if (CheckKind.DROOLS_ANNOTATIONS.contains(p.name())) {
                    findings.add(error("rules", 0, "检查类型“" + kind.id() + "”的参数名 " + p.name()
                            + " 与 Drools 自带的注解同名，规则上的 @" + p.name() + "(…) 会被 Drools 当作它自己的注解",
                            "给参数换一个名字，如 " + p.name() + "s 或 " + p.name() + "Kind"));
                } else if (!p.declared()) {
                    findings.add(warning("rules", 0, "检查类型“" + kind.id() + "”的参数 " + p.name()
                            + " 没有说明中文名称和类型，页面和说明中只能显示其英文名",
                            "在规则上加 @" + p.name() + "(\"中文名称 | 类型 | 单位\")，类型如 count、share、[activityTypes]"));
                }
            }
        }
        findings.sort(java.util.Comparator.comparing(LintFinding::file).thenComparingInt(LintFinding::line));
        return findings;
    }

    /** "是否应为 min？" when a known word is within two edits of {@code word}, else nothing. */
    static String closest(String word, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best == null ? "" : "是否应为 " + best + "？";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static LintFinding error(String file, int line, String message, String advice) {
        return new LintFinding(LintFinding.Severity.ERROR, file, line, message, advice);
    }

    private static LintFinding warning(String file, int line, String message, String advice) {
        return new LintFinding(LintFinding.Severity.WARNING, file, line, message, advice);
    }
}
