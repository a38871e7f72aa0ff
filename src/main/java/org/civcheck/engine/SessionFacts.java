package org.civcheck.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civcheck.criteria.Category;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.criteria.Taxonomy;
import org.civcheck.criteria.VetoRule;
import org.civcheck.engine.facts.ActivityFact;
import org.civcheck.engine.facts.ActivityIndex;
import org.civcheck.engine.facts.CategoryFact;
import org.civcheck.engine.facts.Check;
import org.civcheck.engine.facts.DepartmentFact;
import org.civcheck.engine.facts.DocumentFact;
import org.civcheck.engine.facts.HonorFact;
import org.civcheck.engine.facts.PreviousFindingFact;
import org.civcheck.engine.facts.IncidentFact;
import org.civcheck.engine.facts.PeriodFact;
import org.civcheck.engine.facts.Policy;
import org.civcheck.engine.facts.RecordFact;
import org.civcheck.engine.facts.SurveyFact;
import org.civcheck.engine.facts.Texts;
import org.civcheck.engine.facts.UnitFact;
import org.civcheck.engine.facts.VetoRuleFact;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.Attachment;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PlanDocument;

/**
 * Turns a package and a criteria set into the facts the rules reason over, with the dates
 * already turned into months and day counts. Also notes the package's words the criteria do not
 * know (warnings, not faults).
 */
final class SessionFacts {

    /** The check kind of the items the unit rates itself (rules/self-rated.drl). */
    static final String SELF_RATED = "self-rated";

    final List<Object> facts = new ArrayList<>();
    final List<InputProblem> warnings = new ArrayList<>();
    final Texts texts;
    /** Activity type → its term, for the types the criteria know. */
    private final Map<String, Taxonomy.Term> activityTypes = new HashMap<>();
    /**
     * One String instance per month: the rules compare them for every activity. Words of the
     * package (type, organizer, kind) are one instance each already: the reader makes them so.
     */
    /** Months of the period by their number from the period's first ({@link #month}); filled as met. */
    private String[] monthNames = new String[0];
    private int firstMonth;

    SessionFacts(EvidencePackage pkg, CriteriaSet criteria) {
        Taxonomy taxonomy = criteria.taxonomy();
        texts = new Texts(names(taxonomy), lists(taxonomy), counters(taxonomy),
                pkg.period().from().getYear() != pkg.period().to().getYear());
        taxonomy.activityTypes().forEach(t -> activityTypes.put(t.id(), t));
        LocalDate inspection = pkg.effectiveInspectionDate();

        facts.add(new PeriodFact(pkg.period().from(), pkg.period().to(), inspection, months(pkg)));
        firstMonth = monthNumber(pkg.period().from());
        monthNames = new String[Math.max(0, monthNumber(pkg.period().to()) - firstMonth + 1)];
        var coordinator = pkg.unit().coordinator();
        facts.add(new UnitFact(pkg.unit().name(), pkg.unit().staff(),
                coordinator == null ? null : coordinator.name(),
                coordinator == null ? null : coordinator.dedicated(),
                pkg.registeredVolunteers()));
        var departments = pkg.unit().departments();
        for (int i = 0; i < departments.size(); i++) {
            facts.add(new DepartmentFact(departments.get(i).id(), i, departments.get(i).name(), departments.get(i).staff()));
        }
        var adjustments = criteria.adjustments();
        facts.add(new Policy(criteria.passScore(), criteria.atRiskMargin(), criteria.scoreStep(), criteria.maxScore(),
                adjustments.bonusCap() == null ? Double.MAX_VALUE : adjustments.bonusCap(),
                adjustments.deductionCap() == null ? Double.MAX_VALUE : adjustments.deductionCap()));
        int order = 0;
        for (Category c : criteria.categories()) {
            // The category's maximum is its applicable indicators' points; a not-applicable
            // indicator gets no Check, so no rule measures, scores or gaps it.
            facts.add(new CategoryFact(c.id(), c.name(), c.max()));
            for (Indicator i : c.applicableIndicators()) {
                facts.add(Check.of(i.id(), order++, c.id(), i.check(), i.name(), i.points(), i.problem(), i.blocking(), i.params()));
            }
        }
        for (org.civcheck.criteria.Adjustment a : adjustments.items()) {
            facts.add(Check.adjustment(a.id(), order++, a.direction(), a.check(), a.name(), a.cap(), a.params()));
        }
        pkg.honors().forEach(h -> facts.add(new HonorFact(h.title(), h.level(), h.date())));
        List<org.civcheck.evidence.Claim> claims = pkg.claims();
        Map<String, Object> claimed = new java.util.LinkedHashMap<>(); // the last claim of an indicator counts
        for (int i = 0; i < claims.size(); i++) {
            var c = claims.get(i);
            var indicator = criteria.indicator(c.indicator());
            if (indicator.isEmpty() || !SELF_RATED.equals(indicator.get().check())) {
                warnings.add(new InputProblem("$.claims[" + i + "].indicator", "测评体系中没有需要单位自评的指标“"
                        + c.indicator() + "”，该自评分不计入得分"));
                continue;
            }
            claimed.put(c.indicator(), new org.civcheck.engine.facts.ClaimFact(c.indicator(), c.score(), c.note(),
                    c.files().size()));
        }
        facts.addAll(claimed.values());
        pkg.previousFindings().forEach(f -> facts.add(
                new PreviousFindingFact(f.id(), f.finding(), f.rectified(), f.rectifiedOn(), f.files().size())));
        for (VetoRule v : criteria.vetoes()) {
            facts.add(new VetoRuleFact(v.id(), v.name(), Set.copyOf(v.incidentTypes()), v.minSeverity(),
                    taxonomy.severityRank(v.minSeverity()), v.lookbackYears(), v.from(pkg.period().from(), inspection),
                    v.lookbackMonths(), v.since() != null, v.withinPeriod(), Set.copyOf(v.roles()), v.minCount()));
        }
        List<Activity> activities = pkg.activities();
        List<ActivityFact> indexed = new ArrayList<>(activities.size());
        List<RecordFact> records = new ArrayList<>();
        List<RecordFact> undated = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            addActivity(activities.get(i), i, pkg, taxonomy, inspection, indexed, records, undated);
        }
        facts.add(new ActivityIndex(indexed, records, undated));
        for (PlanDocument d : pkg.plans()) {
            facts.add(new DocumentFact(d.id(), d.kind(), d.title(), d.date(), java.util.Set.copyOf(d.tags())));
        }
        List<Incident> incidents = pkg.incidents();
        for (int i = 0; i < incidents.size(); i++) {
            Incident inc = incidents.get(i);
            int rank = taxonomy.severityRank(inc.severity());
            if (taxonomy.incidentTypes().stream().noneMatch(t -> t.id().equals(inc.type()))) {
                warnings.add(new InputProblem("$.incidents[" + i + "].type",
                        "测评体系不认识事件类型“" + inc.type() + "”，该事件不参与一票否决判断"));
            }
            facts.add(new IncidentFact(inc.id(), inc.type(), inc.date(), inc.severity(), rank, inc.resolved(),
                    pkg.period().contains(inc.date()), inc.description(), inc.role(), inc.count()));
        }
        pkg.surveys().forEach(s -> facts.add(
                new SurveyFact(s.kind(), s.respondents(), s.satisfied(), s.satisfactionRate(), s.date())));
    }

    /** Indexes an activity of the period of a known type, with its dated material; warns of an unknown type. */
    private void addActivity(Activity a, int index, EvidencePackage pkg, Taxonomy taxonomy, LocalDate inspection,
            List<ActivityFact> indexed, List<RecordFact> records, List<RecordFact> undated) {
        Taxonomy.Term term = activityTypes.get(a.type());
        if (term == null) {
            warnings.add(new InputProblem("$.activities[" + index + "].type",
                    "测评体系不认识活动类型“" + a.type() + "”，该活动不计入任何指标"));
            return;
        }
        if (!pkg.period().contains(a.date())) {
            return;
        }
        String type = term.id();
        String[] kinds = new String[a.attachments().size()];
        int distinctKinds = 0;
        // Day counts as differences of epoch days: what ChronoUnit.DAYS.between computes, each date converted once.
        long endDay = (a.endDate() != null ? a.endDate() : a.date()).toEpochDay();
        long inspectionDay = inspection.toEpochDay();
        for (Attachment att : a.attachments()) {
            if (!att.present()) {
                continue;
            }
            String kind = att.kind(); // one instance per word already (the reader's)
            if (!contains(kinds, distinctKinds, kind)) {
                kinds[distinctKinds++] = kind;
            }
            if (att.date() != null) {
                long day = att.date().toEpochDay();
                records.add(new RecordFact(a.id(), type, kind, true, Math.max(0, day - endDay), inspectionDay - day));
            } else {
                undated.add(new RecordFact(a.id(), type, kind, false, 0, 0));
            }
        }
        indexed.add(new ActivityFact(a.id(), type, a.title(),
                term.group(), a.organizer(), a.date(), month(a.date()), true,
                inspectionDay - a.date().toEpochDay(), a.effectiveParticipants(), a.attendance(),
                a.volunteerHours() == null ? 0 : a.volunteerHours(), a.tags().contains("featured"),
                Set.of(java.util.Arrays.copyOf(kinds, distinctKinds))));
    }

    private static boolean contains(String[] words, int count, String word) {
        for (int i = 0; i < count; i++) {
            if (words[i].equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** "2025-03" for a date, one instance per month of the period (other dates get their own). */
    private String month(LocalDate date) {
        int i = monthNumber(date) - firstMonth;
        if (i < 0 || i >= monthNames.length) {
            return YearMonth.from(date).toString();
        }
        String name = monthNames[i];
        if (name == null) {
            name = YearMonth.from(date).toString();
            monthNames[i] = name;
        }
        return name;
    }

    private static int monthNumber(LocalDate date) {
        return date.getYear() * 12 + date.getMonthValue() - 1;
    }

    private static List<String> months(EvidencePackage pkg) {
        List<String> months = new ArrayList<>();
        YearMonth last = YearMonth.from(pkg.period().to());
        for (YearMonth m = YearMonth.from(pkg.period().from()); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    private static Map<String, Map<String, String>> lists(Taxonomy t) {
        Map<String, Map<String, String>> lists = new HashMap<>();
        for (String list : List.of("activityTypes", "evidenceKinds", "organizers", "documentKinds", "incidentTypes",
                "severities", "surveyKinds", "roles", "honorLevels")) {
            lists.put(list, t.names(t.list(list)));
        }
        return lists;
    }

    private static Map<String, String> counters(Taxonomy t) {
        Map<String, String> counters = new HashMap<>();
        t.evidenceKinds().stream().filter(k -> k.counter() != null).forEach(k -> counters.put(k.id(), k.counter()));
        return counters;
    }

    private static Map<String, String> names(Taxonomy t) {
        Map<String, String> names = new HashMap<>();
        for (var list : List.of(t.incidentTypes(), t.severities(), t.documentKinds(), t.organizers(),
                t.evidenceKinds(), t.surveyKinds(), t.activityTypes())) {
            names.putAll(t.names(list));
        }
        return names;
    }
}
