package org.civcheck.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads an overlay: a folder holding only {@code overlay.yaml}, which names a base set and changes
 * it — points, parameters, remedies, whether an indicator is blocking, or that it does not apply —
 * so that a city adapts a provincial set without copying it.
 *
 * <pre>{@code
 * base: ../provincial          # the base set's folder, relative to this one (may itself be an overlay)
 * id: city-example
 * name: ××市文明单位复查测评体系
 * version: "2026.1"
 * passScore: 80                # optional, as is atRiskMargin; otherwise the base's
 * indicators:
 *   theory-study:
 *     params: { min: 36 }      # merged key by key into the base's params
 *   staff-satisfaction:
 *     notApplicable: 本单位职工不足30人，不单独开展职工满意度测评
 * }</pre>
 *
 * <p>A category's maximum becomes the sum of its applicable indicators' points, so changed points
 * always add up and a not-applicable indicator leaves both its category's maximum and the set's
 * (as XCCDF does). An {@code adjustments.yaml} beside the overlay (a city's own bonus and deduction
 * items) replaces the base's. The set's sha256 covers the overlay, that file and, through the base's
 * hash, the base's files.
 * Faults in the base are reported with the base's path ({@code ../provincial/indicators.yaml:42}).
 */
final class OverlayLoader {

    static final String FILE = "overlay.yaml";

    private static final String[] HEAD = {"base", "id", "name", "version", "passScore", "atRiskMargin", "indicators"};
    private static final String[] CHANGES = {"points", "params", "remedy", "blocking", "notApplicable"};

    private final CriteriaLoader loader;

    OverlayLoader(CriteriaLoader loader) {
        this.loader = loader;
    }

    /** Loads the overlay in {@code dir} over its base; {@code overlays} are the overlays already on the way here. */
    CriteriaLoading load(Path dir, Set<Path> overlays) {
        List<CriteriaProblem> problems = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dir.resolve(FILE));
        } catch (IOException e) {
            problems.add(new CriteriaProblem(FILE, 0, "无法读取：" + e.getMessage()));
            return new CriteriaLoading(null, problems);
        }
        YamlFile file = YamlFile.parse(FILE, bytes, problems);
        if (!problems.isEmpty()) {
            return new CriteriaLoading(null, problems);
        }
        Fields head = new Fields(file, file.root, "", problems).allow(HEAD);
        String baseName = head.text("base");
        if (baseName.isEmpty()) {
            return new CriteriaLoading(null, problems);
        }
        Path baseDir = dir.resolve(baseName).normalize();
        if (!Files.isDirectory(baseDir)) {
            head.fault("base", "基础测评体系“" + baseName + "”不是一个目录（相对于 " + dir + "）");
            return new CriteriaLoading(null, problems);
        }
        if (!overlays.add(realPath(dir))) {
            head.fault("base", "叠加文件的 base 绕回了自身：" + dir + " 的基础体系链形成循环");
            return new CriteriaLoading(null, problems);
        }
        CriteriaLoading base = loader.load(baseDir, overlays);
        base.problems().forEach(p -> problems.add(new CriteriaProblem(inBase(baseName, p.file()), p.line(), p.message())));
        if (base.criteria() == null) {
            return new CriteriaLoading(null, problems);
        }

        CriteriaSet set = base.criteria();
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (Indicator i : set.indicators()) {
            lines.put(i.id(), base.lineOf(i.id()));
            files.put(i.id(), inBase(baseName, base.fileOf(i.id())));
        }
        Map<String, Indicator> changed = changes(head, set, lines, files);

        List<Category> categories = new ArrayList<>();
        for (Category c : set.categories()) {
            List<Indicator> indicators = c.indicators().stream().map(i -> changed.getOrDefault(i.id(), i)).toList();
            double max = indicators.stream().filter(Indicator::applicable).mapToDouble(Indicator::points).sum();
            categories.add(new Category(c.id(), c.name(), max, indicators));
        }
        double max = categories.stream().mapToDouble(Category::max).sum();
        double pass = head.number("passScore", set.passScore());
        double margin = head.number("atRiskMargin", set.atRiskMargin());
        if (pass > max) {
            head.fault(head.raw("passScore") != null ? "passScore" : "base", "合格线 " + CriteriaLoader.fmt(pass)
                    + " 高于满分 " + CriteriaLoader.fmt(max) + "（满分已除去不适用指标的分值）");
        }
        if (margin < 0) {
            head.fault("atRiskMargin", "atRiskMargin 不能为负数");
        }
        // The overlay's own adjustments.yaml (a city's 加分项 and 扣分项) replaces the base's.
        Adjustments adjustments = set.adjustments();
        byte[] adjustmentBytes = new byte[0];
        if (Files.isRegularFile(dir.resolve(Adjustments.FILE))) {
            try {
                adjustmentBytes = Files.readAllBytes(dir.resolve(Adjustments.FILE));
                YamlFile own = YamlFile.parse(Adjustments.FILE, adjustmentBytes, problems);
                if (own != null && own.root != null) {
                    java.util.Set<String> ids = new java.util.LinkedHashSet<>();
                    set.indicators().forEach(i -> ids.add(i.id()));
                    adjustments = loader.adjustments(CriteriaLoader.root(own, problems), set.taxonomy(), ids);
                }
            } catch (IOException e) {
                problems.add(new CriteriaProblem(Adjustments.FILE, 0, "无法读取：" + e.getMessage()));
            }
        }
        String sha = sha256(bytes, adjustmentBytes, set.sha256());
        CriteriaSet overlaid = new CriteriaSet(head.text("id"), head.text("name"), head.text("version"), sha, pass,
                margin, set.scoreStep(), categories, set.taxonomy(), set.problems(), set.vetoes(), adjustments,
                set.progress());
        return new CriteriaLoading(overlaid, problems, lines, files, passLineWarnings(head, set, overlaid));
    }

    /**
     * Not-applicable indicators take their points out of the maximum, but an inherited pass line
     * stays as the base wrote it: a unit then needs a larger share of what is left. Said when the
     * overlay drops points and does not give its own passScore.
     */
    private static List<CriteriaProblem> passLineWarnings(Fields head, CriteriaSet base, CriteriaSet overlaid) {
        long dropped = overlaid.indicators().stream().filter(i -> !i.applicable()).count();
        if (dropped == 0 || head.raw("passScore") != null) {
            return List.of();
        }
        double full = overlaid.indicators().stream().mapToDouble(Indicator::points).sum();
        double max = overlaid.maxScore();
        double pass = overlaid.passScore();
        double scaled = Math.round(pass * max / full * 2) / 2.0;
        if (full <= 0 || scaled == pass) {
            return List.of();
        }
        return List.of(new CriteriaProblem(FILE, head.fileOf().line("base"),
                dropped + "项不适用指标使满分由 " + CriteriaLoader.fmt(full) + " 降为 " + CriteriaLoader.fmt(max)
                        + "，沿用基准的合格线 " + CriteriaLoader.fmt(pass) + " 相当于提高了要求（原为满分的 "
                        + Math.round(pass / full * 100) + "%，现为 " + Math.round(pass / max * 100)
                        + "%）；如要保持同样的比例，写 passScore: " + CriteriaLoader.fmt(scaled)));
    }

    /**
     * The base's indicators as the overlay's {@code indicators:} changes them, by id; an indicator
     * whose params or points the overlay changes is then located in the overlay.
     */
    private Map<String, Indicator> changes(Fields head, CriteriaSet base, Map<String, Integer> lines,
            Map<String, String> files) {
        Map<String, Indicator> changed = new LinkedHashMap<>();
        JsonNode node = head.raw("indicators");
        if (node == null || node.isNull()) {
            return changed;
        }
        if (!node.isObject()) {
            head.fault("indicators", "indicators 应为以指标 id 为键的映射，如 theory-study: { params: { min: 36 } }");
            return changed;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String id = it.next();
            String path = head.at("indicators") + "." + id;
            Indicator indicator = base.indicator(id).orElse(null);
            if (indicator == null) {
                head.fault(path, "基础测评体系中没有指标“" + id + "”，叠加文件只能修改已有的指标");
                continue;
            }
            Fields change = new Fields(head.fileOf(), node.get(id), path, head.problems());
            if (!node.get(id).isObject()) {
                continue; // Fields has reported it
            }
            change.allow(CHANGES);
            changed.put(id, change(change, indicator, base.taxonomy()));
            if (change.raw("params") != null || change.raw("points") != null || change.raw("notApplicable") != null) {
                // What later checks of an indicator look at — its params and points — is now written here.
                lines.put(id, head.fileOf().line(change.path()));
                files.put(id, FILE);
            }
        }
        return changed;
    }

    /** One indicator with the overlay's changes to it. */
    private Indicator change(Fields change, Indicator i, Taxonomy taxonomy) {
        if (change.raw("notApplicable") != null) {
            JsonNode reason = change.raw("notApplicable");
            if (!reason.isTextual() || reason.asText().isBlank()) {
                change.fault(change.at("notApplicable"), "notApplicable 应写明不适用的理由（文字），如 notApplicable: 本单位无对外服务窗口");
            }
            for (String other : CHANGES) {
                if (!other.equals("notApplicable") && change.raw(other) != null) {
                    change.fault(change.at(other), "指标“" + i.id() + "”已标为不适用，不再评分，无需再改 " + other);
                }
            }
            return new Indicator(i.id(), i.categoryId(), i.name(), i.points(), i.method(), i.check(), i.params(),
                    i.problem(), i.blocking(), i.remedy(), reason.asText().strip(), i.due(), i.dueBy());
        }
        double points = change.number("points", i.points());
        if (points < 0) {
            change.fault(change.at("points"), "指标“" + i.id() + "”的分值不能为负数");
        }
        boolean blocking = change.raw("blocking") != null ? change.flag("blocking") : i.blocking();
        String remedy = change.raw("remedy") != null ? change.optionalText("remedy") : i.remedy();
        Map<String, Object> params = new LinkedHashMap<>(i.params());
        if (change.raw("params") != null) {
            Map<String, Object> given = loader.params(change, taxonomy, i.check());
            // A replaced "@class" list takes its class label with it; a new one brings its own.
            given.keySet().forEach(key -> params.remove(key + "Label"));
            params.putAll(given);
        }
        return new Indicator(i.id(), i.categoryId(), i.name(), points, i.method(), i.check(), params, i.problem(),
                blocking, remedy, null, i.due(), i.dueBy());
    }

    /** The base folder {@code dir}'s overlay.yaml names, or null when it is no overlay or names none readable. */
    static Path baseOf(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode base = Yaml.MAPPER.readTree(file.toFile()).path("base");
            return base.isTextual() && !base.asText().isBlank() ? dir.resolve(base.asText()).normalize() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A base file's name as seen from the overlay: {@code ../provincial/indicators.yaml}. */
    private static String inBase(String baseName, String file) {
        return Path.of(baseName).resolve(file).normalize().toString();
    }

    private static Path realPath(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    /** The overlay's bytes, its adjustments' (if any), then the base's hash (which covers the base's own files). */
    private static String sha256(byte[] overlay, byte[] adjustments, String baseSha) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(FILE.getBytes(StandardCharsets.UTF_8));
            digest.update(overlay);
            if (adjustments.length > 0) {
                digest.update(Adjustments.FILE.getBytes(StandardCharsets.UTF_8));
                digest.update(adjustments);
            }
            digest.update(baseSha.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
