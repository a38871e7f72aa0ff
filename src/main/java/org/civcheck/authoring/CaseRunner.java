package org.civcheck.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.civcheck.criteria.CriteriaProblem;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Progress;
import org.civcheck.engine.Assessor;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;

/**
 * Runs cases with one assessor (one compiled rule base for all of them): builds each case's
 * package — its base with its changes, read as any uploaded package is — then scores it with
 * explanation and lists, in Chinese, every way the result differs from what the case expects.
 */
final class CaseRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A case with its package built and accepted by the reader, ready to score. */
    record Prepared(CriteriaTestCase testCase, EvidencePackage evidence, List<InputProblem> warnings) {}

    private final Assessor assessor;
    private final CriteriaSet criteria;
    private final EvidencePackageReader reader;
    private final Map<Path, JsonNode> bases = new HashMap<>();

    CaseRunner(Assessor assessor, EvidencePackageReader reader) {
        this.assessor = assessor;
        this.criteria = assessor.criteria();
        this.reader = reader;
    }

    /**
     * Builds the case's package; null, with the reasons in {@code problems} (at the case's or the
     * change's line), when the base cannot be read, a change cannot be applied or the result is
     * no valid package.
     */
    Prepared prepare(CriteriaTestCase c, List<CriteriaProblem> problems) {
        JsonNode tree;
        if (c.base() != null) {
            Optional<JsonNode> base = base(c, problems);
            if (base.isEmpty()) {
                return null;
            }
            tree = base.get().deepCopy();
        } else {
            tree = c.inline().deepCopy();
        }
        int before = problems.size();
        for (PackageEdit edit : c.changes()) {
            PackageEdits.apply(tree, edit).ifPresent(m -> problems.add(new CriteriaProblem(c.file(), edit.line(),
                    "用例“" + c.name() + "”的改动 " + edit.op().key + " 无法执行：" + m)));
        }
        if (problems.size() > before) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException("a tree read from JSON or YAML writes back as JSON", e);
        }
        PackageReading reading = reader.read(bytes, c.name(), org.civcheck.evidence.ReadBudget.NONE, assessor.vocabulary());
        if (!reading.isAccepted()) {
            for (InputProblem p : reading.faults()) {
                problems.add(new CriteriaProblem(c.file(), c.line(), "用例“" + c.name() + "”的证据包"
                        + (c.changes().isEmpty() ? "" : "（改动后）") + "不符合格式要求：" + p.path() + "：" + p.message()));
            }
            return null;
        }
        return new Prepared(c, reading.evidence(), reading.warnings());
    }

    private Optional<JsonNode> base(CriteriaTestCase c, List<CriteriaProblem> problems) {
        JsonNode cached = bases.get(c.base());
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!Files.isRegularFile(c.base())) {
            problems.add(new CriteriaProblem(c.file(), c.line(), "用例“" + c.name() + "”的基础证据包不存在：" + shown(c.base())
                    + "（base 相对于用例文件所在目录）"));
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(Files.readAllBytes(c.base()));
            if (tree == null || !tree.isObject()) {
                throw new IOException("不是一个 JSON 对象");
            }
            bases.put(c.base(), tree);
            return Optional.of(tree);
        } catch (IOException e) {
            problems.add(new CriteriaProblem(c.file(), c.line(), "用例“" + c.name() + "”的基础证据包 " + shown(c.base())
                    + " 不是 JSON 证据包（base 须为 .json 文件）：" + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Scores the case and compares the result with what it expects. */
    CaseResult run(Prepared p) {
        java.time.LocalDate asOf = p.testCase().asOf();
        Assessment a;
        try {
            a = asOf == null ? assessor.assess(p.evidence(), p.warnings(), true)
                    : assessor.assessAsOf(p.evidence(), p.warnings(), true, asOf);
        } catch (IllegalArgumentException e) {
            a = assessor.assess(p.evidence(), p.warnings(), true);
            List<String> out = new ArrayList<>(List.of("检查日期：" + e.getMessage()));
            out.addAll(differences(p.testCase().expect(), a));
            return new CaseResult(p.testCase(), a, out, p.warnings());
        }
        return new CaseResult(p.testCase(), a, differences(p.testCase().expect(), a), p.warnings());
    }

    private List<String> differences(Expectation e, Assessment a) {
        List<String> out = new ArrayList<>();
        if (e.verdict() != null && !e.verdict().equals(a.verdict())) {
            out.add("结论：预期“" + Words.verdict(e.verdict()) + "”，实际“" + Words.verdict(a.verdict()) + "”——"
                    + a.verdictReason());
        }
        if (e.progress() != null || !e.pace().isEmpty()) {
            if (!a.isPartial()) {
                out.add("进度：检查日期不早于评估期末，是整个评估期的检查，没有年中进度");
            } else {
                if (e.progress() != null && !e.progress().equals(a.progress().verdict())) {
                    out.add("进度结论：预期“" + Progress.chinese(e.progress()) + "”，实际“" + a.progress().verdictName()
                            + "”——" + a.progress().reason());
                }
                for (Progress.IndicatorProgress ip : a.progress().indicators()) {
                    String wanted = e.pace().get(ip.indicator());
                    if (wanted != null && !wanted.equals(ip.status())) {
                        out.add("指标" + Words.indicator(ip.name(), ip.indicator()) + "的进度：预期“"
                                + Progress.statusName(wanted) + "”，实际“" + ip.statusName() + "”——" + ip.finding());
                    }
                }
            }
        }
        if (!inRange(a.score(), e.scoreMin(), e.scoreMax())) {
            out.add("得分：预期" + Words.range(e.scoreMin(), e.scoreMax()) + "，实际" + Words.num(a.score()) + "分");
        }
        for (Assessment.IndicatorScore s : a.indicators()) {
            String wanted = e.statusOf(s.id());
            if (wanted != null && !wanted.equals(s.status())) {
                out.add("指标" + Words.indicator(s.name(), s.id()) + "：预期“" + Words.status(wanted) + "”，实际“"
                        + Words.status(s.status()) + "”（得" + Words.num(s.score()) + "/" + Words.num(s.max()) + "分）——"
                        + String.join("；", s.findings()));
            }
        }
        Set<String> actual = new TreeSet<>();
        a.gaps().forEach(g -> actual.add(g.problem()));
        Set<String> required = new LinkedHashSet<>(e.gapClassesIncluded());
        if (e.gapClasses() != null) {
            required.addAll(e.gapClasses());
        }
        for (String missing : required) {
            if (!actual.contains(missing)) {
                out.add("问题类别：预期有" + problemClass(missing) + "，实际没有");
            }
        }
        if (e.gapClasses() != null) {
            for (String extra : actual) {
                if (!e.gapClasses().contains(extra)) {
                    List<String> from = a.gaps().stream().filter(g -> g.problem().equals(extra))
                            .map(g -> Words.indicator(g.indicatorName(), g.indicator())).toList();
                    out.add("问题类别：实际还有" + problemClass(extra) + "，预期中没有——来自" + String.join("、", from));
                }
            }
        }
        for (Expectation.GapMention m : e.gaps()) {
            List<Assessment.Gap> candidates = a.gaps().stream()
                    .filter(g -> m.indicator() == null || g.indicator().equals(m.indicator())).toList();
            if (candidates.stream().noneMatch(g -> g.message().contains(m.contains()))) {
                String whose = m.indicator() == null ? "" : "指标" + indicatorName(m.indicator()) + "的";
                String seen = candidates.isEmpty()
                        ? (m.indicator() == null ? "实际没有任何差距" : "实际该指标没有差距")
                        : "实际" + (m.indicator() == null ? "各项" : "该指标的") + "差距是：" + String.join("；",
                                candidates.stream().limit(5).map(g -> "“" + g.message() + "”").toList())
                                + (candidates.size() > 5 ? "等" + candidates.size() + "项" : "");
                out.add("差距：预期有一条" + whose + "差距写有“" + m.contains() + "”，" + seen);
            }
        }
        return out;
    }

    private static boolean inRange(double score, Double min, Double max) {
        return (min == null || score >= min - 1e-9) && (max == null || score <= max + 1e-9);
    }

    private String problemClass(String id) {
        var pc = criteria.problems().get(id);
        return "“" + (pc == null ? id : pc.title()) + "”（" + id + "）";
    }

    private String indicatorName(String id) {
        return Words.indicator(criteria.indicator(id).map(i -> i.name())
                .orElse(id.startsWith("veto:") ? "一票否决" : id), id);
    }

    private static String shown(Path p) {
        Path here = Path.of("").toAbsolutePath();
        return p.startsWith(here) ? here.relativize(p).toString() : p.toString();
    }
}
