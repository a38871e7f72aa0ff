package org.civcheck.report.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.civcheck.engine.Verdicts;

/**
 * What the upload page shows: the criteria serving now (and, when several sets serve, a choice
 * among them), the example packages one click away, the latest assessments, after a refused
 * upload every fault with its path, and — when the last reload of the criteria failed — its problems.
 */
public record UploadPage(String criteria, String criteriaVersion, String passScore, String maxScore,
        List<Example> examples, List<Recent> recent, List<Fault> faults, List<CriteriaChoice> sets,
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
     * An example package: its file, the form action that checks it, what to call it (the unit's
     * name, else the file's name without its extension), its size, and whether it is a zip.
     */
    public record Example(String file, String action, String label, String size, boolean zip) {}

    /** A recent assessment, linking to its page. */
    public record Recent(String href, String unitName, String when, String verdict, String verdictName, String score,
            String maxScore) {}

    /** A reason an upload was refused, at a JSON path (or a file in the zip). */
    public record Fault(String path, String message) {}

    /** A recent assessment as the store lists it. */
    public record RecentInput(String id, String unitName, OffsetDateTime createdAt, String verdict, double score,
            double maxScore) {}

    /** An example as the examples folder lists it; {@code unitName} may be null. */
    public record ExampleInput(String file, String unitName, long bytes) {}

    /** @param criteriaName null when no criteria are loaded */
    public static UploadPage of(String criteriaName, String criteriaVersion, double passScore, double maxScore,
            List<ExampleInput> examples, List<RecentInput> recent, List<Fault> faults) {
        return new UploadPage(criteriaName, criteriaVersion, Formats.points(passScore), Formats.points(maxScore),
                examples.stream().map(e -> new Example(e.file(), "/examples/" + pathSegment(e.file()),
                        label(e, examples), Formats.bytes(e.bytes()), e.file().endsWith(".zip"))).toList(),
                recent.stream().map(r -> new Recent("/assessments/" + r.id(), r.unitName(),
                        Formats.dateTime(r.createdAt()), r.verdict(), Verdicts.chinese(r.verdict()),
                        Formats.points(r.score()), Formats.points(r.maxScore()))).toList(),
                List.copyOf(faults), List.of(), null);
    }

    /**
     * What an example's button says: its unit's name; for a zip, the unit of the JSON example of the
     * same name; else 示例 and its place in the list. Never the file's name.
     */
    static String label(ExampleInput e, List<ExampleInput> all) {
        if (e.unitName() != null) {
            return e.unitName();
        }
        return all.stream().filter(o -> o.unitName() != null && baseName(o.file()).equals(baseName(e.file())))
                .map(ExampleInput::unitName).findFirst().orElse("示例" + (all.indexOf(e) + 1));
    }

    /** "well-run-library.zip" → "well-run-library". */
    static String baseName(String file) {
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** A file name as one URL path segment: "seed office.json" → "seed%20office.json". */
    static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
