package org.civcheck.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of checking one package: the output contract of {@code shared/spec/assessment-result.md}.
 * Serialises to that JSON as it is; the fields past the contract's are additions it allows.
 *
 * @param asOf the day a check made before the period's end stands on (records after it ignored);
 *     null for a check of the whole period
 * @param progress where the unit stands against what is due by {@code asOf}; null with it
 * @param resultVersion {@value #RESULT_VERSION} for results that may carry {@code asOf}; null in
 *     results stored before there was one (version 1: never an as-of check)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Assessment(
        UnitRef unit,
        CriteriaRef criteria,
        double score,
        double maxScore,
        double passScore,
        String verdict,
        String verdictReason,
        Period period,
        LocalDate inspectionDate,
        List<CategoryScore> categories,
        List<IndicatorScore> indicators,
        List<Veto> vetoes,
        List<Gap> gaps,
        List<ProblemSummary> problems,
        List<DepartmentParticipation> participation,
        List<Warning> warnings,
        Explanation explain,
        List<AdjustmentScore> adjustments,
        List<Outcome> outcomes,
        Claims claims,
        LocalDate asOf,
        Progress progress,
        Integer resultVersion) {

    /** The version of this result's JSON: 2 added {@code asOf} and {@code progress}. */
    public static final int RESULT_VERSION = 2;

    /** A whole-period result of the current version. */
    public Assessment(UnitRef unit, CriteriaRef criteria, double score, double maxScore, double passScore,
            String verdict, String verdictReason, Period period, LocalDate inspectionDate, List<CategoryScore> categories,
            List<IndicatorScore> indicators, List<Veto> vetoes, List<Gap> gaps, List<ProblemSummary> problems,
            List<DepartmentParticipation> participation, List<Warning> warnings, Explanation explain,
            List<AdjustmentScore> adjustments, List<Outcome> outcomes, Claims claims) {
        this(unit, criteria, score, maxScore, passScore, verdict, verdictReason, period, inspectionDate, categories,
                indicators, vetoes, gaps, problems, participation, warnings, explain, adjustments, outcomes, claims,
                null, null, RESULT_VERSION);
    }

    /** A result of a set without bonus, deduction or self-rated items (absent from its JSON). */
    public Assessment(UnitRef unit, CriteriaRef criteria, double score, double maxScore, double passScore,
            String verdict, String verdictReason, Period period, LocalDate inspectionDate, List<CategoryScore> categories,
            List<IndicatorScore> indicators, List<Veto> vetoes, List<Gap> gaps, List<ProblemSummary> problems,
            List<DepartmentParticipation> participation, List<Warning> warnings, Explanation explain) {
        this(unit, criteria, score, maxScore, passScore, verdict, verdictReason, period, inspectionDate, categories,
                indicators, vetoes, gaps, problems, participation, warnings, explain, null, null, null);
    }

    /** This result with its explanation. */
    public Assessment withExplanation(Explanation explanation) {
        return new Assessment(unit, criteria, score, maxScore, passScore, verdict, verdictReason, period,
                inspectionDate, categories, indicators, vetoes, gaps, problems, participation, warnings, explanation,
                adjustments, outcomes, claims, asOf, progress, resultVersion);
    }

    /** This result as a check made on {@code day}, with its progress. */
    public Assessment withProgress(LocalDate day, Progress of) {
        return new Assessment(unit, criteria, score, maxScore, passScore, verdict, verdictReason, period,
                inspectionDate, categories, indicators, vetoes, gaps, problems, participation, warnings, explain,
                adjustments, outcomes, claims, day, of, RESULT_VERSION);
    }

    /** Whether this is a check made before the period's end. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPartial() {
        return asOf != null && progress != null;
    }

    /**
     * A bonus (加分项) or deduction (扣分项) item: the points it adds (positive) or takes off
     * (negative) after its cap, and why. The total score includes them.
     *
     * @param kind "bonus" or "deduction"
     */
    public record AdjustmentScore(String id, String name, String kind, double points, String finding,
            List<String> evidence) {

        public AdjustmentScore {
            // A deduction of nothing is −0.0 once negated; written out that reads "-0.0" in the result
            // and "−0分" where a sign is shown. Adding +0.0 makes it plain 0.
            points = points + 0.0;
        }
    }

    /** An outcome beside the verdict (黄牌警告, 限期整改), reached by a deduction item. */
    public record Outcome(String item, String name, String finding, List<String> evidence) {}

    /**
     * The self-rated items (自评): the indicators only an inspector can judge on site, scored by
     * the unit's own claims. {@code scoredByRules} + {@code claimedByUnit} = the score.
     *
     * @param claimedShare the share of the score that rests on the unit's claims
     */
    public record Claims(double scoredByRules, double claimedByUnit, double claimedShare, List<ClaimScore> items) {}

    /**
     * One self-rated indicator: what the unit claimed and what counts.
     *
     * @param claimed the 自评分 the unit gave, or null when it gave none
     * @param counted what counts toward the score: the claim, at most the indicator's points, and 0
     *     without evidence
     * @param flags what is wrong with the claim, in Chinese (no evidence, above the points, 说明 missing)
     */
    public record ClaimScore(String indicator, String name, String method, double max, Double claimed, double counted,
            String note, List<String> files, List<String> flags) {}

    public record UnitRef(String id, String name) {}

    /** The criteria that scored this: the set's id and version, and sha256 over its files and the rules. */
    public record CriteriaRef(String id, String name, String version, String sha256) {}

    public record Period(LocalDate from, LocalDate to) {}

    public record CategoryScore(String id, String name, double score, double max) {}

    public record IndicatorScore(String id, String category, String name, double score, double max, String status,
            String method, boolean blocking, List<String> findings, List<String> evidence) {}

    public record Veto(String id, String name, String finding, List<String> evidence) {}

    /** A shortfall, with the points closing it would recover and the remedy (下步工作思路). */
    public record Gap(String indicator, String indicatorName, String problem, String problemTitle, double pointsAtStake,
            boolean blocking, String message, String remedy, List<String> evidence) {}

    /**
     * A problem class the gaps show (存在的主要问题), with its 下步工作思路, the points its gaps put
     * at stake and how many they are; the class losing most first.
     */
    public record ProblemSummary(String id, String title, String remedy, double pointsAtStake, int gapCount) {}

    /**
     * How much a department took part, as the department-participation rule measured it: the
     * average over the counted activities of its people present ÷ its staff.
     */
    public record DepartmentParticipation(String id, String name, int staff, double rate, String indicator) {}

    /**
     * An input problem that did not refuse the package. For a word the criteria set does not
     * know, {@code unknownWord} is the word and {@code nearest} the nearest known one (null
     * otherwise); these warnings come first, and reports show them above the score.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Warning(String path, String message, String unknownWord, String nearest) {

        public Warning(String path, String message) {
            this(path, message, null, null);
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isUnknownWord() {
            return unknownWord != null;
        }
    }

    /** The warnings about words the criteria set does not know. */
    public List<Warning> unknownWords() {
        return warnings.stream().filter(Warning::isUnknownWord).toList();
    }
}
