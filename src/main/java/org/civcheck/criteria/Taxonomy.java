package org.civcheck.criteria;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The vocabulary of a criteria set: activity classes, activity types (each in a class),
 * evidence kinds, organizers, document kinds, incident types, severities from least to most
 * severe, and the kinds of satisfaction survey (群众, 职工).
 */
public record Taxonomy(
        List<Term> activityClasses,
        List<Term> activityTypes,
        List<Term> evidenceKinds,
        List<Term> organizers,
        List<Term> documentKinds,
        List<Term> incidentTypes,
        List<Term> severities,
        List<Term> surveyKinds,
        Map<String, List<Term>> more) {

    /** The optional lists a set may add to taxonomy.yaml: who an incident involved, the levels of honours. */
    public static final List<String> MORE = List.of("roles", "honorLevels");

    /** A taxonomy without the optional lists. */
    public Taxonomy(List<Term> activityClasses, List<Term> activityTypes, List<Term> evidenceKinds,
            List<Term> organizers, List<Term> documentKinds, List<Term> incidentTypes, List<Term> severities,
            List<Term> surveyKinds) {
        this(activityClasses, activityTypes, evidenceKinds, organizers, documentKinds, incidentTypes, severities,
                surveyKinds, Map.of());
    }

    public Taxonomy {
        more = Map.copyOf(more);
    }

    /**
     * A word of the vocabulary; {@code group} is the activity class, null elsewhere; {@code counter}
     * the measure word an evidence kind is counted in (照片 张, 视频 段), null for 份 and elsewhere.
     */
    public record Term(String id, String name, String group, String counter) {

        public Term(String id, String name, String group) {
            this(id, name, group, null);
        }
    }

    public Optional<Term> activityType(String id) {
        return find(activityTypes, id);
    }

    public String nameOf(List<Term> terms, String id) {
        return find(terms, id).map(Term::name).orElse(id);
    }

    /** A list of the taxonomy by its name in taxonomy.yaml ({@code documentKinds}); null when there is none. */
    public List<Term> list(String name) {
        return switch (name) {
            case "activityClasses" -> activityClasses;
            case "activityTypes" -> activityTypes;
            case "evidenceKinds" -> evidenceKinds;
            case "organizers" -> organizers;
            case "documentKinds" -> documentKinds;
            case "incidentTypes" -> incidentTypes;
            case "severities" -> severities;
            case "surveyKinds" -> surveyKinds;
            default -> more.get(name);
        };
    }

    /** The rank of a severity, 0 for the least severe; -1 when unknown. */
    public int severityRank(String severity) {
        for (int i = 0; i < severities.size(); i++) {
            if (severities.get(i).id().equals(severity)) {
                return i;
            }
        }
        return -1;
    }

    public Map<String, String> names(List<Term> terms) {
        Map<String, String> names = new LinkedHashMap<>();
        terms.forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    private static Optional<Term> find(List<Term> terms, String id) {
        return terms.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
