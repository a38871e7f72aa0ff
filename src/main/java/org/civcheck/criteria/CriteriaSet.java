package org.civcheck.criteria;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One criteria set (测评体系): its categories and indicators, the pass line, the veto list,
 * the vocabulary packages may use, and the problem classes gaps map to.
 *
 * @param sha256 hash of the set's files (for an overlay: the overlay and its base's files), so a
 *     result can name exactly what scored it
 * @param progress what separates on track, at risk and behind in a check made before the period's end
 */
public record CriteriaSet(
        String id,
        String name,
        String version,
        String sha256,
        double passScore,
        double atRiskMargin,
        double scoreStep,
        List<Category> categories,
        Taxonomy taxonomy,
        Map<String, ProblemClass> problems,
        List<VetoRule> vetoes,
        Adjustments adjustments,
        ProgressPolicy progress) {

    /** A set whose as-of checks use its own at-risk margin (no progress section of its own). */
    public CriteriaSet(String id, String name, String version, String sha256, double passScore, double atRiskMargin,
            double scoreStep, List<Category> categories, Taxonomy taxonomy, Map<String, ProblemClass> problems,
            List<VetoRule> vetoes, Adjustments adjustments) {
        this(id, name, version, sha256, passScore, atRiskMargin, scoreStep, categories, taxonomy, problems, vetoes,
                adjustments, null);
    }

    /** A set without bonus or deduction items. */
    public CriteriaSet(String id, String name, String version, String sha256, double passScore, double atRiskMargin,
            double scoreStep, List<Category> categories, Taxonomy taxonomy, Map<String, ProblemClass> problems,
            List<VetoRule> vetoes) {
        this(id, name, version, sha256, passScore, atRiskMargin, scoreStep, categories, taxonomy, problems, vetoes,
                Adjustments.NONE);
    }

    public CriteriaSet {
        adjustments = adjustments == null ? Adjustments.NONE : adjustments;
        progress = progress == null ? ProgressPolicy.of(atRiskMargin) : progress;
        categories = List.copyOf(categories);
        problems = Map.copyOf(problems);
        vetoes = List.copyOf(vetoes);
    }

    /** The sum of the category maxima: the points of the applicable indicators. */
    public double maxScore() {
        return categories.stream().mapToDouble(Category::max).sum();
    }

    public List<Indicator> indicators() {
        return categories.stream().flatMap(c -> c.indicators().stream()).toList();
    }

    public Optional<Indicator> indicator(String id) {
        return indicators().stream().filter(i -> i.id().equals(id)).findFirst();
    }
}
