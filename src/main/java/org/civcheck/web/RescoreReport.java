package org.civcheck.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civcheck.engine.Verdicts;
import org.civcheck.store.RescoreStore;

/**
 * Where a re-scoring run stands and, once every unit is done, what it changed: how many verdicts
 * moved, which way, and for which units. The API answers it as JSON; the page shows the same.
 */
public record RescoreReport(String id, OffsetDateTime startedAt, OffsetDateTime finishedAt, String criteriaId,
        String criteriaSha256, int total, int done, int failed, boolean finished, int changed, int better, int worse,
        List<Transition> transitions, List<Change> changes, List<Failure> failures, String summary) {

    /** How many units went from one verdict to another. */
    public record Transition(String from, String to, String fromName, String toName, int units) {}

    /** A unit whose verdict changed. */
    public record Change(String unit, String unitName, String before, String after, String beforeName,
            String afterName, double beforeScore, double afterScore, boolean better, String assessment) {}

    /** A unit that could not be re-scored, and why (Chinese). */
    public record Failure(String unit, String unitName, String reason) {}

    /** A run in a list: its progress only. */
    public record Line(String id, OffsetDateTime startedAt, OffsetDateTime finishedAt, String criteriaId, int total,
            int done) {
        static Line of(RescoreStore.Run run, int done) {
            return new Line(run.id(), run.startedAt(), run.finishedAt(), run.criteriaId(), run.unitsTotal(), done);
        }

        /** Done as a whole percentage (100 for a run of no units). */
        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(100.0 * done / total);
        }
    }

    static RescoreReport of(RescoreStore.Run run, List<RescoreStore.Unit> units) {
        int done = 0;
        int better = 0;
        int worse = 0;
        List<Change> changes = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, Integer> moves = new LinkedHashMap<>();
        for (RescoreStore.Unit u : units) {
            if (!u.done()) {
                continue;
            }
            done++;
            if (u.failure() != null) {
                failures.add(new Failure(u.unitId(), u.unitName(), u.failure()));
                continue;
            }
            int way = Verdicts.compare(u.beforeVerdict(), u.afterVerdict());
            if (way == 0) {
                continue;
            }
            if (way < 0) {
                better++;
            } else {
                worse++;
            }
            moves.merge(u.beforeVerdict() + "→" + u.afterVerdict(), 1, Integer::sum);
            changes.add(new Change(u.unitId(), u.unitName(), u.beforeVerdict(), u.afterVerdict(),
                    Verdicts.chinese(u.beforeVerdict()), Verdicts.chinese(u.afterVerdict()), u.beforeScore(),
                    u.afterScore() == null ? 0 : u.afterScore(), way < 0, u.afterAssessment()));
        }
        List<Transition> transitions = new ArrayList<>();
        moves.forEach((move, n) -> {
            String[] parts = move.split("→", 2);
            transitions.add(new Transition(parts[0], parts[1], Verdicts.chinese(parts[0]), Verdicts.chinese(parts[1]), n));
        });
        transitions.sort((a, b) -> Integer.compare(b.units(), a.units()));
        boolean finished = run.finished();
        int total = run.unitsTotal();
        String summary = finished
                ? "共重新评分 " + total + " 个单位，结论变化 " + changes.size() + " 个：好转 " + better + " 个，变差 " + worse
                        + " 个" + (failures.isEmpty() ? "。" : "；另有 " + failures.size() + " 个未能重新评分。")
                : "正在重新评分：已完成 " + done + " 个，共 " + total + " 个单位。";
        return new RescoreReport(run.id(), run.startedAt(), run.finishedAt(), run.criteriaId(), run.criteriaSha256(),
                total, done, failures.size(), finished, changes.size(), better, worse, transitions, changes, failures,
                summary);
    }

    /** Done as a whole percentage (100 for a run of no units). */
    public int percent() {
        return total == 0 ? 100 : (int) Math.floor(100.0 * done / total);
    }
}
