package org.civcheck.report.page;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civcheck.engine.Assessment;
import org.civcheck.evidence.EvidencePackage;

/**
 * Everything the results page shows, computed once: the verdict banner, vetoes, the category
 * chart, the gap list (with what closing each gap would change), the activity calendar,
 * department participation, the unit's history and what changed since its previous assessment,
 * every indicator's score with what decided it (when the result carries the rules' explanation),
 * the package's warnings, and the evidence appendix the findings link to.
 *
 * <pre>{@code
 * ResultsPage page = ResultsPage.of(new ResultsPage.Source(id, createdAt, "seed.json", 87433),
 *         result, evidence, history, previous, previousWhen, Vocabulary.of(criteria));
 * }</pre>
 */
public record ResultsPage(Header header, VerdictBanner verdict, List<VetoItem> vetoes, CategoryChart categories,
        GapList gaps, ActivityCalendar calendar, DepartmentBars departments, ScoreHistory history,
        AssessmentDiff diff, List<CategoryDetail> indicators, List<Assessment.Warning> warnings,
        EvidenceIndex evidence, Assessment.Claims claims, ProgressPanel progress) {

    private static final Map<String, String> STATUS = Map.of(
            "met", "达标", "partial", "部分达标", "unmet", "未达标", "not-applicable", "不适用");

    /** The words of the package the criteria set does not know: shown above the verdict. */
    public List<Assessment.Warning> unknownWords() {
        return warnings.stream().filter(Assessment.Warning::isUnknownWord).toList();
    }

    /** The other warnings, shown near the end. */
    public List<Assessment.Warning> otherWarnings() {
        return warnings.stream().filter(w -> !w.isUnknownWord()).toList();
    }

    /**
     * The stored assessment the page is about; {@code id} null for an example's result shown
     * without being stored (the page then offers no downloads, history or deletion).
     */
    public record Source(String id, OffsetDateTime createdAt, String packageName, long packageSize) {}

    /** Whether the result is stored: false for an example's result shown and forgotten. */
    public boolean stored() {
        return header.id() != null;
    }

    public record Header(String id, String unitId, String unitName, String criteria, String criteriaVersion,
            String period, String inspectionDate, String checkedAt, String packageName, String packageSize,
            String packageHref) {}

    public record VetoItem(String id, String name, String finding, List<EvidenceIndex.EvidenceLink> evidence) {}

    public record CategoryDetail(String id, String name, String score, String max, List<IndicatorRow> indicators) {}

    /** One indicator; {@code trace} is what decided it, null when the result has no explanation. */
    public record IndicatorRow(String id, String name, String score, String max, String status, String statusName,
            String method, boolean blocking, List<String> findings, DecisionTrace trace) {}

    /**
     * @param evidence the package re-read, or null (the calendar and the appendix then say they are unavailable)
     * @param history the unit's assessments, any order
     * @param previous the unit's assessment before this one, or null
     * @param previousWhen when {@code previous} was made, for the page; may be null
     */
    public static ResultsPage of(Source source, Assessment result, EvidencePackage evidence,
            List<ScoreHistory.Entry> history, Assessment previous, String previousWhen, Vocabulary words) {
        EvidenceIndex index = EvidenceIndex.of(evidence, words, cited(result));
        List<ScoreHistory.Entry> entries = new ArrayList<>(history == null ? List.of() : history);
        if (source.id() != null && entries.stream().noneMatch(e -> e.id().equals(source.id()))) {
            entries.add(new ScoreHistory.Entry(source.id(), source.createdAt(), result.score(), result.maxScore(),
                    result.verdict(), result.isPartial() ? result.asOf() : null,
                    result.isPartial() ? result.progress().verdict() : null));
        }
        List<VetoItem> vetoes = result.vetoes() == null ? List.of()
                : result.vetoes().stream()
                        .map(v -> new VetoItem(v.id(), v.name(), v.finding(), index.links(v.evidence()))).toList();
        return new ResultsPage(header(source, result), VerdictBanner.of(result), vetoes, CategoryChart.of(result),
                GapList.of(result, index), calendar(result, evidence, words), DepartmentBars.of(result, words),
                ScoreHistory.of(entries, source.id(), result.passScore()),
                AssessmentDiff.of(result, previous, previousWhen),
                indicators(result, DecisionTrace.of(result, words, index)),
                result.warnings() == null ? List.of() : result.warnings(), index, result.claims(),
                ProgressPanel.of(result, source.id()));
    }

    /** The activity calendar; for a check made before the period's end, with the year's pace beside the actual. */
    private static ActivityCalendar calendar(Assessment result, EvidencePackage evidence, Vocabulary words) {
        ActivityCalendar calendar = ActivityCalendar.of(evidence, words);
        if (!result.isPartial() || result.progress().activityPace() == null || result.period() == null) {
            return calendar;
        }
        var pace = result.progress().activityPace();
        return calendar.withPace(result.asOf(), pace.byMonth().stream().mapToInt(Integer::intValue).toArray(),
                pace.perYear(), result.period().from(), result.period().to());
    }

    /** Whether any indicator has its 判定依据 to unfold (results stored before explanations have none). */
    public boolean hasTraces() {
        return indicators.stream().flatMap(c -> c.indicators().stream()).anyMatch(i -> i.trace() != null);
    }

    /** Every evidence id the gaps and vetoes name. */
    private static Set<String> cited(Assessment r) {
        Set<String> ids = new HashSet<>();
        if (r.gaps() != null) {
            r.gaps().forEach(g -> ids.addAll(g.evidence() == null ? List.of() : g.evidence()));
        }
        if (r.vetoes() != null) {
            r.vetoes().forEach(v -> ids.addAll(v.evidence() == null ? List.of() : v.evidence()));
        }
        return ids;
    }

    private static Header header(Source source, Assessment r) {
        String period = r.period() == null ? "" : Formats.date(r.period().from()) + "至" + Formats.date(r.period().to());
        return new Header(source.id(), r.unit() == null ? "" : r.unit().id(), r.unit() == null ? "" : r.unit().name(),
                r.criteria() == null ? "" : r.criteria().name(), r.criteria() == null ? "" : r.criteria().version(),
                period, Formats.date(r.inspectionDate()), Formats.dateTime(source.createdAt()), source.packageName(),
                Formats.bytes(source.packageSize()), source.id() == null ? null : "/assessments/" + source.id() + "/package");
    }

    private static List<CategoryDetail> indicators(Assessment r, Map<String, DecisionTrace> traces) {
        if (r.categories() == null) {
            return List.of();
        }
        List<Assessment.IndicatorScore> all = r.indicators() == null ? List.of() : r.indicators();
        return r.categories().stream().map(c -> new CategoryDetail(c.id(), c.name(), Formats.points(c.score()),
                Formats.points(c.max()), all.stream().filter(i -> c.id().equals(i.category()))
                        .map(i -> new IndicatorRow(i.id(), i.name(), Formats.points(i.score()), Formats.points(i.max()),
                                i.status(), STATUS.getOrDefault(i.status(), i.status()), i.method(), i.blocking(),
                                i.findings() == null ? List.of() : i.findings(), traces.get(i.id())))
                        .toList()))
                .toList();
    }
}
