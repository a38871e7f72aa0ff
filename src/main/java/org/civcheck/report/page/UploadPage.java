package org.civcheck.report.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.engine.Verdicts;

/**
 * What the upload page shows: the criteria serving now (and, when several sets serve, a choice
 * among them), the example units with their workbooks and packages one click away, the latest
 * assessments, after a refused upload every fault with its path, and — when the last reload of
 * the criteria failed — its problems.
 */
public record UploadPage(String criteria, String criteriaVersion, String passScore, String maxScore,
        List<ExampleUnit> examples, List<Recent> recent, List<Fault> faults, List<CriteriaChoice> sets,
        ReloadFailure reloadFailure) {

    /** A criteria set to choose for an upload; {@code selected} marks the default. */
    public record CriteriaChoice(String id, String label, boolean selected) {}

    /** The last reload of the criteria failed (the sets before it still serve): when, and every problem. */
    public record ReloadFailure(String when, List<String> problems) {

        public ReloadFailure(OffsetDateTime at, List<String> problems) {
            this(Formats.dateTime(at), List.copyOf(problems));
        }
    }

    /** Whether to offer a choice of criteria sets: only when there is more than one. */
    public boolean offersSets() {
        return sets.size() > 1;
    }

    /** This page with a choice of {@code sets} and the failed reload (null when the last one worked). */
    public UploadPage withCriteria(List<CriteriaChoice> sets, ReloadFailure reloadFailure) {
        return new UploadPage(criteria, criteriaVersion, passScore, maxScore, examples, recent, faults,
                List.copyOf(sets), reloadFailure);
    }

    /**
     * An example unit: what to call it (its unit's name, else 示例 and its place in the list, never
     * a file's name), its filled-in 台账 workbook (null when the examples have none) and its other
     * packages (JSON, zip).
     */
    public record ExampleUnit(String name, Example workbook, List<Example> packages) {}

    /**
     * An example file: the form action that checks it, where to download it (the same address,
     * fetched), what kind of file it is in words, and its size.
     */
    public record Example(String file, String action, String download, String kind, String size) {}

    /** A recent assessment, linking to its page. */
    public record Recent(String href, String unitName, String when, String verdict, String verdictName, String score,
            String maxScore) {}

    /** A reason an upload was refused, at a JSON path (or a file in the zip). */
    public record Fault(String path, String message) {}

    /** A recent assessment as the store lists it. */
    public record RecentInput(String id, String unitName, OffsetDateTime createdAt, String verdict, double score,
            double maxScore) {}

    /**
     * An example as the examples folder lists it: its file (folders separated by "/"), the unit it
     * shows (examples of one unit share it), the unit's name (may be null), its size.
     */
    public record ExampleInput(String file, String unit, String unitName, long bytes) {}

    /** @param criteriaName null when no criteria are loaded */
    public static UploadPage of(String criteriaName, String criteriaVersion, double passScore, double maxScore,
            List<ExampleInput> examples, List<RecentInput> recent, List<Fault> faults) {
        return new UploadPage(criteriaName, criteriaVersion, Formats.points(passScore), Formats.points(maxScore),
                units(examples),
                recent.stream().map(r -> new Recent("/assessments/" + r.id(), r.unitName(),
                        Formats.dateTime(r.createdAt()), r.verdict(), Verdicts.chinese(r.verdict()),
                        Formats.points(r.score()), Formats.points(r.maxScore()))).toList(),
                List.copyOf(faults), List.of(), null);
    }

    /** The examples by unit, in the order each unit first appears. */
    static List<ExampleUnit> units(List<ExampleInput> examples) {
        Map<String, List<ExampleInput>> byUnit = new LinkedHashMap<>();
        examples.forEach(e -> byUnit.computeIfAbsent(e.unit(), u -> new ArrayList<>()).add(e));
        List<ExampleUnit> units = new ArrayList<>();
        for (List<ExampleInput> files : byUnit.values()) {
            String name = files.stream().map(ExampleInput::unitName).filter(n -> n != null && !n.isBlank())
                    .findFirst().orElse("示例" + (units.size() + 1));
            Example workbook = files.stream().filter(UploadPage::isWorkbook).findFirst().map(UploadPage::example)
                    .orElse(null);
            units.add(new ExampleUnit(name, workbook,
                    files.stream().filter(e -> !isWorkbook(e)).map(UploadPage::example).toList()));
        }
        return List.copyOf(units);
    }

    private static boolean isWorkbook(ExampleInput e) {
        return e.file().endsWith(".xlsx");
    }

    private static Example example(ExampleInput e) {
        String href = "/examples/" + path(e.file());
        String kind = isWorkbook(e) ? "示例台账（Excel）" : e.file().endsWith(".zip") ? "ZIP 证据包（含附件）" : "JSON 证据包";
        return new Example(e.file(), href, href, kind, Formats.bytes(e.bytes()));
    }

    /** A relative file name as a URL path, each folder and the name encoded: "a b/c.json" → "a%20b/c.json". */
    static String path(String file) {
        return java.util.Arrays.stream(file.split("/")).map(UploadPage::pathSegment)
                .collect(java.util.stream.Collectors.joining("/"));
    }

    /** A file name as one URL path segment: "seed office.json" → "seed%20office.json". */
    static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
