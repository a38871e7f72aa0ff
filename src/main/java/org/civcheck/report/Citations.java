package org.civcheck.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.civcheck.criteria.Taxonomy;
import org.civcheck.engine.facts.Texts;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.PreviousFinding;

/**
 * The evidence a finding cites, as the liaison knows it: not the id a program gave an activity,
 * document or incident, but its place in the 台账 ("第7项"), its date and its title. The terminal
 * report, the drafts and the page all name evidence through this one reading.
 */
public final class Citations {

    private static final Citations NONE = new Citations(Map.of());

    /**
     * One cited item: {@code number} its place in its list of the package, {@code text} its title
     * (an incident's description, else its type's name).
     */
    public record Citation(String id, String number, LocalDate date, String text) {

        /** "3月5日“学雷锋志愿服务”", with the year when {@code withYear}. */
        public String name(boolean withYear) {
            return Texts.dated(date, text, withYear);
        }
    }

    private final Map<String, Citation> byId;

    private Citations(Map<String, Citation> byId) {
        this.byId = byId;
    }

    /** Names nothing: every id stays as it is. */
    public static Citations none() {
        return NONE;
    }

    /**
     * The citations of {@code evidence}; {@code taxonomy} (when known) names the type of an
     * incident given without a description. {@link #none()} when {@code evidence} is null.
     */
    public static Citations of(EvidencePackage evidence, Taxonomy taxonomy) {
        if (evidence == null) {
            return NONE;
        }
        Map<String, Citation> byId = new HashMap<>();
        List<Activity> activities = evidence.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            byId.putIfAbsent(a.id(), new Citation(a.id(), number(i), a.date(), a.title()));
        }
        List<PlanDocument> plans = evidence.plans();
        for (int i = 0; i < plans.size(); i++) {
            PlanDocument d = plans.get(i);
            byId.putIfAbsent(d.id(), new Citation(d.id(), number(i), d.date(), d.title()));
        }
        List<Incident> incidents = evidence.incidents();
        for (int i = 0; i < incidents.size(); i++) {
            Incident x = incidents.get(i);
            String what = x.description() != null && !x.description().isBlank() ? x.description()
                    : taxonomy == null ? x.type() : taxonomy.nameOf(taxonomy.incidentTypes(), x.type());
            byId.putIfAbsent(x.id(), new Citation(x.id(), number(i), x.date(), what));
        }
        List<PreviousFinding> previous = evidence.previousFindings();
        for (int i = 0; i < previous.size(); i++) {
            PreviousFinding p = previous.get(i);
            byId.putIfAbsent(p.id(), new Citation(p.id(), number(i), p.rectifiedOn(), p.finding()));
        }
        return new Citations(byId);
    }

    private LocalDate dateOf(String id) {
        Citation c = byId.get(id);
        return c == null ? null : c.date();
    }

    /** "第7项": what the 台账 calls the item at {@code index} of its list. */
    public static String number(int index) {
        return "第" + (index + 1) + "项";
    }

    /** The item with id {@code id}; null when the package does not hold it. */
    public Citation find(String id) {
        return byId.get(id);
    }

    /**
     * Cited items for a line of text, the earliest first: "3月5日“学雷锋志愿服务”、4月2日“道德讲堂”", at
     * most {@code limit} then "等N项".
     */
    public String list(List<String> ids, int limit) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        long count = ids.stream().distinct().count();
        String joined = String.join("、", names(ids, limit));
        return count <= limit ? joined : joined + "等" + count + "项";
    }

    /**
     * The names of the first {@code limit} cited items, the earliest first. Every day says its
     * year when those named fall in more than one. An id the package does not hold comes last, as
     * it is: the only name it has.
     */
    public List<String> names(List<String> ids, int limit) {
        if (ids == null) {
            return List.of();
        }
        List<String> shown = ids.stream().distinct()
                .sorted(Comparator.comparing(this::dateOf, Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(limit).toList();
        boolean withYear = shown.stream().map(this::dateOf).filter(Objects::nonNull)
                .map(LocalDate::getYear).distinct().count() > 1;
        List<String> names = new ArrayList<>();
        for (String id : shown) {
            Citation c = byId.get(id);
            names.add(c == null ? id : c.date() == null ? Texts.quoted(c.text()) : c.name(withYear));
        }
        return names;
    }
}
