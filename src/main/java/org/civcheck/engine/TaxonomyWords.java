package org.civcheck.engine;

import java.util.List;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Taxonomy;
import org.civcheck.evidence.PackageVocabulary;
import org.civcheck.evidence.Word;
import org.civcheck.evidence.WordField;

/**
 * The words a package may use under a criteria set: each field the taxonomy declares takes the
 * taxonomy's words (its ids and Chinese names, and the contract's names of the ids it shares);
 * the rest, and any list the taxonomy leaves empty, the contract's standard words.
 */
public final class TaxonomyWords {

    private TaxonomyWords() {}

    public static PackageVocabulary vocabulary(Taxonomy taxonomy) {
        if (taxonomy == null) {
            return PackageVocabulary.standard();
        }
        return PackageVocabulary.standard()
                .declaring(WordField.ACTIVITY_TYPE, words(taxonomy.activityTypes()))
                .declaring(WordField.ORGANIZER, words(taxonomy.organizers()))
                .declaring(WordField.ATTACHMENT_KIND, words(taxonomy.evidenceKinds()))
                .declaring(WordField.DOCUMENT_KIND, words(taxonomy.documentKinds()))
                .declaring(WordField.INCIDENT_TYPE, words(taxonomy.incidentTypes()))
                .declaring(WordField.SEVERITY, words(taxonomy.severities()))
                .declaring(WordField.SURVEY_KIND, words(taxonomy.surveyKinds()))
                .declaring(WordField.ROLE, words(taxonomy.list("roles")));
    }

    /** The words of {@code criteria}'s taxonomy, and its self-rated indicators by their Chinese names. */
    public static PackageVocabulary vocabulary(CriteriaSet criteria) {
        List<Word> selfRated = criteria.indicators().stream()
                .filter(i -> SessionFacts.SELF_RATED.equals(i.check()))
                .map(i -> new Word(i.id(), i.name() == null || i.name().isBlank() ? List.of() : List.of(i.name())))
                .toList();
        return vocabulary(criteria.taxonomy()).declaring(WordField.SELF_RATED_INDICATOR, selfRated);
    }

    private static List<Word> words(List<Taxonomy.Term> terms) {
        return terms == null ? List.of() : terms.stream()
                .map(t -> new Word(t.id(), t.name() == null || t.name().isBlank() ? List.of() : List.of(t.name())))
                .toList();
    }
}
