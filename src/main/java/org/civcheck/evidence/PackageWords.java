package org.civcheck.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads every word of a package against the vocabulary of the criteria set in force: a code or
 * a Chinese name becomes the code; a word the set does not know is reported with the nearest
 * known word.
 *
 * <p>The rule (also in the contract section of the README): a word the set does not know is a
 * <b>fault</b> (the package is refused: exit 2, {@code 422}) in every field whose word decides how
 * a record is read — organizer, kind of material, kind of document, survey kind, severity, the
 * unit's and an honour's level — because guessing would change the score unseen. It is a
 * <b>warning</b>, listed before everything else in the result, for an activity type and an
 * incident type: the contract lets a package carry types another set declares, and the record
 * then counts for nothing under this set, which the warning says.
 */
final class PackageWords {

    private final PackageVocabulary vocabulary;
    final List<InputProblem> faults = new ArrayList<>();
    final List<InputProblem> warnings = new ArrayList<>();

    private PackageWords(PackageVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** The package with every known word as its code, and the unknown words as faults and warnings. */
    static Result resolve(EvidencePackage pkg, PackageVocabulary vocabulary) {
        PackageWords words = new PackageWords(vocabulary);
        EvidencePackage resolved = words.pkg(pkg);
        return new Result(resolved, List.copyOf(words.faults), List.copyOf(words.warnings));
    }

    /** A package read: its words as codes, the unknown ones reported. */
    record Result(EvidencePackage evidence, List<InputProblem> faults, List<InputProblem> warnings) {}

    private EvidencePackage pkg(EvidencePackage p) {
        Unit u = p.unit();
        String level = word(WordField.UNIT_LEVEL, u.level(), "$.unit.level");
        Unit unit = level.equals(u.level()) ? u
                : new Unit(u.id(), u.name(), level, u.titleSince(), u.staff(), u.partyMembers(), u.departments(), u.coordinator());
        List<PlanDocument> plans = new ArrayList<>(p.plans().size());
        for (int i = 0; i < p.plans().size(); i++) {
            PlanDocument d = p.plans().get(i);
            String at = JsonPaths.index("$.plans", i);
            String kind = word(WordField.DOCUMENT_KIND, d.kind(), at + ".kind");
            List<Attachment> attachments = attachments(d.attachments(), at);
            plans.add(kind.equals(d.kind()) && attachments == d.attachments() ? d
                    : new PlanDocument(d.id(), kind, d.title(), d.date(), attachments, d.tags()));
        }
        List<Activity> activities = new ArrayList<>(p.activities().size());
        for (int i = 0; i < p.activities().size(); i++) {
            activities.add(activity(p.activities().get(i), JsonPaths.index("$.activities", i)));
        }
        List<Honor> honors = new ArrayList<>(p.honors().size());
        for (int i = 0; i < p.honors().size(); i++) {
            Honor h = p.honors().get(i);
            String level2 = word(WordField.HONOR_LEVEL, h.level(), JsonPaths.index("$.honors", i) + ".level");
            honors.add(level2.equals(h.level()) ? h : new Honor(h.title(), level2, h.date()));
        }
        List<Incident> incidents = new ArrayList<>(p.incidents().size());
        for (int i = 0; i < p.incidents().size(); i++) {
            Incident inc = p.incidents().get(i);
            String at = JsonPaths.index("$.incidents", i);
            String type = word(WordField.INCIDENT_TYPE, inc.type(), at + ".type");
            String severity = word(WordField.SEVERITY, inc.severity(), at + ".severity");
            incidents.add(type.equals(inc.type()) && severity.equals(inc.severity()) ? inc
                    : new Incident(inc.id(), type, inc.date(), severity, inc.description(), inc.resolved(), inc.role(),
                            inc.count()));
        }
        List<Survey> surveys = new ArrayList<>(p.surveys().size());
        for (int i = 0; i < p.surveys().size(); i++) {
            Survey s = p.surveys().get(i);
            String kind = word(WordField.SURVEY_KIND, s.kind(), JsonPaths.index("$.surveys", i) + ".kind");
            surveys.add(kind.equals(s.kind()) ? s : new Survey(kind, s.respondents(), s.satisfied(), s.date()));
        }
        return new EvidencePackage(p.schemaVersion(), unit, p.period(), p.inspectionDate(), plans, activities,
                p.registeredVolunteers(), honors, incidents, surveys, p.previousFindings(), p.claims());
    }

    private Activity activity(Activity a, String at) {
        String type = word(WordField.ACTIVITY_TYPE, a.type(), at + ".type");
        String organizer = word(WordField.ORGANIZER, a.organizer(), at + ".organizer");
        List<Attachment> attachments = attachments(a.attachments(), at);
        if (type.equals(a.type()) && organizer.equals(a.organizer()) && attachments == a.attachments()) {
            return a;
        }
        return new Activity(a.id(), type, a.title(), a.date(), a.endDate(), organizer, a.attendance(), a.participants(),
                a.volunteerHours(), a.amount(), a.tags(), attachments);
    }

    /** The attachments with their kinds as codes; the same list when every kind is a code already. */
    private List<Attachment> attachments(List<Attachment> list, String owner) {
        List<Attachment> out = null;
        for (int j = 0; j < list.size(); j++) {
            Attachment att = list.get(j);
            String kind = word(WordField.ATTACHMENT_KIND, att.kind(), owner + ".attachments[" + j + "].kind");
            if (out == null && !kind.equals(att.kind())) {
                out = new ArrayList<>(list.subList(0, j));
            }
            if (out != null) {
                out.add(kind.equals(att.kind()) ? att : new Attachment(kind, att.file(), att.date(), att.present()));
            }
        }
        return out == null ? list : out;
    }

    /** The code {@code spelling} means; when unknown, the spelling itself, with a fault or warning at {@code path}. */
    private String word(WordField field, String spelling, String path) {
        if (spelling == null) {
            return null;
        }
        String code = vocabulary.code(field, spelling);
        if (code != null) {
            return code;
        }
        String nearest = vocabulary.nearest(field, spelling);
        StringBuilder message = new StringBuilder(field.label()).append(InputTexts.quote(spelling)).append("不在测评体系中");
        if (nearest != null) {
            message.append(" → 是否为").append(InputTexts.quote(nearest)).append("？");
        }
        if (field.soft()) {
            message.append(nearest != null ? "" : "，").append(field.whenUnknown());
            warnings.add(new InputProblem(path, message.toString(), spelling, nearest));
        } else {
            message.append(nearest != null ? "" : "；").append("可填：").append(choices(field));
            faults.add(new InputProblem(path, message.toString(), spelling, nearest));
        }
        return spelling;
    }

    private String choices(WordField field) {
        List<String> names = new ArrayList<>();
        vocabulary.words(field).forEach(w -> names.add(w.name()));
        return String.join("、", names);
    }
}
