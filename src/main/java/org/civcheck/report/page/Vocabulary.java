package org.civcheck.report.page;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.criteria.Taxonomy;
import org.civcheck.criteria.Taxonomy.Term;

/**
 * The words and the few thresholds the pages take from the criteria serving now: Chinese names
 * of activity types, classes, organizers and the like, the weeks before the inspection the
 * regularity check watches, and a department's minimum participation rate. Without criteria
 * ({@link #none()}) names fall back to the ids and the thresholds are unknown.
 */
public final class Vocabulary {

    private static final Vocabulary NONE = new Vocabulary(null);

    private final CriteriaSet criteria;

    private Vocabulary(CriteriaSet criteria) {
        this.criteria = criteria;
    }

    /** The vocabulary of {@code criteria}; {@link #none()} when it is null. */
    public static Vocabulary of(CriteriaSet criteria) {
        return criteria == null ? NONE : new Vocabulary(criteria);
    }

    public static Vocabulary none() {
        return NONE;
    }

    public boolean isKnown() {
        return criteria != null;
    }

    /** The activity classes in the criteria's order; empty without criteria. */
    public List<Term> activityClasses() {
        return taxonomy().map(Taxonomy::activityClasses).orElse(List.of());
    }

    /** The activity types in the criteria's order; empty without criteria. */
    public List<Term> activityTypes() {
        return taxonomy().map(Taxonomy::activityTypes).orElse(List.of());
    }

    public String activityTypeName(String id) {
        return name(Taxonomy::activityTypes, id);
    }

    /** The class an activity type belongs to, or null when the type is not in the criteria. */
    public String activityClassOf(String typeId) {
        return taxonomy().flatMap(t -> t.activityType(typeId)).map(Term::group).orElse(null);
    }

    /** The name of an activity class ("creation" → 创建活动); the id when unknown. */
    public String activityClassName(String id) {
        return name(Taxonomy::activityClasses, id);
    }

    public String evidenceKindName(String id) {
        return name(Taxonomy::evidenceKinds, id);
    }

    public String organizerName(String id) {
        return name(Taxonomy::organizers, id);
    }

    public String documentKindName(String id) {
        return name(Taxonomy::documentKinds, id);
    }

    public String incidentTypeName(String id) {
        return name(Taxonomy::incidentTypes, id);
    }

    /** A word of the taxonomy list named {@code list} ({@code documentKinds}) by its Chinese name; the id when unknown. */
    public String termName(String list, String id) {
        return name(t -> t.list(list) == null ? List.of() : t.list(list), id);
    }

    public String severityName(String id) {
        return name(Taxonomy::severities, id);
    }

    /**
     * The weeks before the inspection in which the regularity checks count work as bunched
     * (the largest {@code bunchingWeeks} of any regularity indicator); empty when none says.
     */
    public Optional<Integer> bunchingWeeks() {
        return regularityIndicators().stream()
                .map(i -> i.params().get("bunchingWeeks"))
                .filter(Number.class::isInstance)
                .map(n -> ((Number) n).intValue())
                .max(Integer::compare);
    }

    /**
     * The activity types whose spread over the year the regularity check with
     * {@code bunchingWeeks} watches (the 创建 activities); empty when unknown.
     */
    public Set<String> watchedTypes() {
        Set<String> types = new LinkedHashSet<>();
        regularityIndicators().stream()
                .filter(i -> i.params().get("bunchingWeeks") instanceof Number)
                .map(i -> i.params().get("types"))
                .filter(Collection.class::isInstance)
                .forEach(c -> ((Collection<?>) c).forEach(t -> types.add(String.valueOf(t))));
        return types;
    }

    /** A number parameter of an indicator, e.g. the department rule's {@code minDepartmentRate}. */
    public Optional<Double> indicatorNumber(String indicatorId, String param) {
        if (criteria == null || indicatorId == null) {
            return Optional.empty();
        }
        return criteria.indicator(indicatorId).map(i -> i.params().get(param))
                .filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue());
    }

    private List<Indicator> regularityIndicators() {
        if (criteria == null) {
            return List.of();
        }
        List<Indicator> out = new ArrayList<>();
        for (Indicator i : criteria.indicators()) {
            if ("regularity".equals(i.check())) {
                out.add(i);
            }
        }
        return out;
    }

    /** The taxonomy of the criteria; empty when they are unknown. */
    public Optional<Taxonomy> taxonomy() {
        return Optional.ofNullable(criteria).map(CriteriaSet::taxonomy);
    }

    private String name(java.util.function.Function<Taxonomy, List<Term>> terms, String id) {
        if (id == null) {
            return "";
        }
        return taxonomy().map(t -> t.nameOf(terms.apply(t), id)).orElse(id);
    }
}
