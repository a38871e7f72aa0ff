package org.civcheck.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civcheck.criteria.Taxonomy;
import org.civcheck.engine.facts.Texts;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.Period;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.PreviousFinding;

/**
 * The evidence a finding cites, as the liaison knows it: not the id a program gave an activity,
 * document or incident, but its date and title ("3月5日“学雷锋志愿服务”") and its place in the
 * package ({@code $.activities[6]}, which a page names 第7项活动). The terminal report, the
 * drafts and the page all name evidence through this one reading.
 *
 * <p>Ids are unique within each list, not across them: an id two lists share could name either
 * item, so it is named by its 编号 alone, as is an id the package does not hold.
 */
public final class Citations {

    private static final Citations NONE = new Citations(Map.of(), Set.of(), null);

    /**
     * One cited item: {@code place} its JSON path in the package, {@code text} its title, or the
     * name of its type when it has none ({@code titled} false: then it is not quoted).
     */
    public record Citation(String id, String place, LocalDate date, String text, boolean titled) {

        /** "3月5日“学雷锋志愿服务”", "2024年12月30日安全责任事故", or the title alone when undated. */
        String name(boolean withYear) {
            String what = titled ? Texts.quoted(text) : text;
            return date == null ? what : (withYear ? Texts.date(date) : Texts.monthDay(date)) + what;
        }
    }

    private final Map<String, Citation> byId;
    private final Set<String> shared;
    private final Period period;

    private Citations(Map<String, Citation> byId, Set<String> shared, Period period) {
        this.byId = byId;
        this.shared = shared;
        this.period = period;
    }

    /** Names nothing: every id is named by its 编号. */
    public static Citations none() {
        return NONE;
    }

    /**
     * The citations of {@code evidence}; {@code taxonomy} (when known) names the type of an item
     * without a title. {@link #none()} when {@code evidence} is null.
     */
    public static Citations of(EvidencePackage evidence, Taxonomy taxonomy) {
        if (evidence == null) {
            return NONE;
        }
        List<Citation> all = new ArrayList<>();
        List<Activity> activities = evidence.activities();
        for (int i = 0; i < activities.size(); i++) {
            Activity a = activities.get(i);
            all.add(item(a.id(), "$.activities[" + i + "]", a.date(), a.title(), word(taxonomy, "activityTypes", a.type())));
        }
        List<PlanDocument> plans = evidence.plans();
        for (int i = 0; i < plans.size(); i++) {
            PlanDocument d = plans.get(i);
            all.add(item(d.id(), "$.plans[" + i + "]", d.date(), d.title(), word(taxonomy, "documentKinds", d.kind())));
        }
        List<Incident> incidents = evidence.incidents();
        for (int i = 0; i < incidents.size(); i++) {
            Incident x = incidents.get(i);
            all.add(item(x.id(), "$.incidents[" + i + "]", x.date(), x.description(), word(taxonomy, "incidentTypes", x.type())));
        }
        List<PreviousFinding> previous = evidence.previousFindings();
        for (int i = 0; i < previous.size(); i++) {
            PreviousFinding p = previous.get(i);
            all.add(item(p.id(), "$.previousFindings[" + i + "]", p.rectifiedOn(), p.finding(), "上次反馈问题"));
        }
        Map<String, Citation> byId = new HashMap<>();
        Map<String, String> listOf = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Citation c : all) {
            String list = c.place().substring(0, c.place().indexOf('['));
            String earlier = listOf.putIfAbsent(c.id(), list);
            if (earlier != null && !earlier.equals(list)) {
                shared.add(c.id());
            }
            byId.putIfAbsent(c.id(), c);
        }
        shared.forEach(byId::remove);
        return new Citations(byId, Set.copyOf(shared), evidence.period());
    }

    /** A word of the taxonomy list {@code list} in Chinese; the word itself when the taxonomy is unknown. */
    private static String word(Taxonomy taxonomy, String list, String id) {
        return taxonomy == null ? id : taxonomy.nameOf(taxonomy.list(list), id);
    }

    private static Citation item(String id, String place, LocalDate date, String title, String typeName) {
        boolean titled = title != null && !title.isBlank();
        return new Citation(id, place, date, titled ? title.strip() : typeName, titled);
    }

    /** Whether the package holds an item with id {@code id}, in one list or in two. */
    public boolean holds(String id) {
        return byId.containsKey(id) || shared.contains(id);
    }

    /** The name of one cited item, as {@link #names} gives it. */
    public String name(String id) {
        Citation c = byId.get(id);
        if (c == null) {
            return "编号" + Texts.quoted(id);
        }
        boolean withYear = c.date() == null || period.from().getYear() != period.to().getYear()
                || c.date().getYear() != period.to().getYear();
        return c.name(withYear);
    }

    /** The item with id {@code id}; null when the package does not hold it, or two of its lists do. */
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
        return Texts.firstOf(names(ids, Integer.MAX_VALUE), limit);
    }

    /**
     * The names of the cited items, the earliest first, at most {@code limit}. A day says its
     * year when the period covers more than one or the day falls outside the period's year. An
     * id not named (see the class) comes last, as 编号“…”.
     */
    public List<String> names(List<String> ids, int limit) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().distinct()
                .sorted(Comparator.comparing((String id) -> byId.containsKey(id) ? 0 : 1)
                        .thenComparing(id -> dateOf(id), Comparator.nullsLast(Comparator.naturalOrder())))
                .limit(limit)
                .map(this::name)
                .toList();
    }

    private LocalDate dateOf(String id) {
        Citation c = byId.get(id);
        return c == null ? null : c.date();
    }
}
