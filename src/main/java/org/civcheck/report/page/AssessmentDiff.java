package org.civcheck.report.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessment.Gap;
import org.civcheck.engine.Verdicts;

/**
 * What changed since the unit's previous assessment: the score and verdict then and now, the
 * gaps resolved (in the previous result, not in this one), the gaps new, and the gaps still open
 * whose points at stake changed — each list most points first. Gaps are matched by indicator;
 * vetoes by id.
 *
 * @param previousWhen when the previous assessment was made, or null when not known
 * @param criteriaChanged the two were scored with different criteria (version or hash), so part
 *     of the change may come from the criteria rather than from the unit's work
 */
public record AssessmentDiff(String previousWhen, String previousVerdict, String previousVerdictName,
        String previousScore, String scoreDelta, int direction, boolean criteriaChanged, List<Change> resolved,
        List<Change> added, List<Change> changed, int unchanged, List<String> vetoesLifted, List<String> vetoesNew) {

    /**
     * One gap's change.
     *
     * @param before points at stake before (null for a new gap); {@code after} now (null when resolved)
     */
    public record Change(String indicator, String name, String problemTitle, String before, String after,
            String delta, String message) {}

    /** The difference, or null when there is no previous assessment. */
    public static AssessmentDiff of(Assessment current, Assessment previous, String previousWhen) {
        if (previous == null) {
            return null;
        }
        Map<String, Gap> now = byIndicator(current.gaps());
        Map<String, Gap> then = byIndicator(previous.gaps());
        List<Gap[]> resolved = new ArrayList<>();
        List<Gap[]> added = new ArrayList<>();
        List<Gap[]> changed = new ArrayList<>();
        int unchanged = 0;
        for (Gap g : then.values()) {
            if (!now.containsKey(g.indicator())) {
                resolved.add(new Gap[] {g, null});
            }
        }
        for (Gap g : now.values()) {
            Gap before = then.get(g.indicator());
            if (before == null) {
                added.add(new Gap[] {null, g});
            } else if (Math.abs(before.pointsAtStake() - g.pointsAtStake()) > 1e-9) {
                changed.add(new Gap[] {before, g});
            } else {
                unchanged++;
            }
        }
        double delta = current.score() - previous.score();
        boolean criteriaChanged = current.criteria() != null && previous.criteria() != null
                && (!Objects.equals(current.criteria().version(), previous.criteria().version())
                        || !Objects.equals(current.criteria().sha256(), previous.criteria().sha256()));
        return new AssessmentDiff(previousWhen, previous.verdict(), Verdicts.chinese(previous.verdict()),
                Formats.points(previous.score()), Formats.signedPoints(delta),
                Math.abs(delta) < 1e-9 ? 0 : delta > 0 ? 1 : -1, criteriaChanged, changes(resolved), changes(added),
                changes(changed), unchanged,
                vetoNames(previous, current), vetoNames(current, previous));
    }

    /** Whether nothing at all changed in the gaps. */
    public boolean gapsSame() {
        return resolved.isEmpty() && added.isEmpty() && changed.isEmpty();
    }

    /** The pairs (before, after) as changes, most points at stake (before or after) first. */
    private static List<Change> changes(List<Gap[]> pairs) {
        return pairs.stream()
                .sorted(Comparator.comparingDouble((Gap[] p) -> -Math.max(points(p[0]), points(p[1]))))
                .map(p -> change(p[0], p[1]))
                .toList();
    }

    private static double points(Gap g) {
        return g == null ? 0 : g.pointsAtStake();
    }

    private static Change change(Gap before, Gap after) {
        Gap g = after != null ? after : before;
        double b = before == null ? 0 : before.pointsAtStake();
        double a = after == null ? 0 : after.pointsAtStake();
        return new Change(g.indicator(), g.indicatorName(), g.problemTitle(),
                before == null ? null : Formats.points(b), after == null ? null : Formats.points(a),
                Formats.signedPoints(a - b), g.message());
    }

    /** The gaps by indicator; an indicator with several gaps counts their points together. */
    private static Map<String, Gap> byIndicator(List<Gap> gaps) {
        Map<String, Gap> out = new LinkedHashMap<>();
        if (gaps == null) {
            return out;
        }
        for (Gap g : gaps) {
            out.merge(g.indicator(), g, (x, y) -> new Gap(x.indicator(), x.indicatorName(), x.problem(),
                    x.problemTitle(), x.pointsAtStake() + y.pointsAtStake(), x.blocking() || y.blocking(), x.message(),
                    x.remedy(), x.evidence()));
        }
        return out;
    }

    /** The names of the vetoes in {@code a} that {@code b} does not have. */
    private static List<String> vetoNames(Assessment a, Assessment b) {
        List<String> inB = b.vetoes() == null ? List.of() : b.vetoes().stream().map(Assessment.Veto::id).toList();
        return a.vetoes() == null ? List.of()
                : a.vetoes().stream().filter(v -> !inB.contains(v.id())).map(Assessment.Veto::name).toList();
    }
}

