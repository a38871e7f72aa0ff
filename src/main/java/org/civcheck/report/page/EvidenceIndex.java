package org.civcheck.report.page;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.PreviousFinding;
import org.civcheck.report.Citations;

/**
 * The package's activities, documents and incidents as the page's appendix, each with an
 * anchor, so that the evidence a finding names links to it: activity {@code X} at
 * {@code #act-X}, document {@code X} at {@code #doc-X}, incident {@code X} at {@code #inc-X}.
 * Characters outside {@code [A-Za-z0-9_.-]} in an id are percent-encoded in its anchor.
 *
 * <p>A package may hold far more activities than a page can list: past {@value #LIST_LIMIT}, only
 * the activities the findings cite are listed (at most {@value #LIST_LIMIT} of them), the rest
 * counted in {@code omittedActivities}; a link to an activity not listed has no {@code href}.
 */
public record EvidenceIndex(boolean available, List<ActivityRow> activities, int omittedActivities,
        List<DocumentRow> documents, List<IncidentRow> incidents, Map<String, EvidenceLink> links) {

    static final int LIST_LIMIT = 1000;

    /** One line of the activity list. */
    public record ActivityRow(String anchor, String id, String date, String type, String title, String organizer,
            boolean external, int participants, int attachments, int missingAttachments) {}

    public record DocumentRow(String anchor, String id, String kind, String title, String date) {}

    public record IncidentRow(String anchor, String id, String date, String type, String severity,
            String description, boolean resolved) {}

    /**
     * What a finding's evidence id points at: its anchor ({@code href} null when the package does
     * not hold it), its date and what it is (a title, or an incident's description).
     */
    public record EvidenceLink(String id, String href, String place, String date, String text) {

        /** "第7项活动 · 2025年3月5日 学雷锋志愿服务"; null when it is not known which item it is. */
        public String label() {
            return place == null ? null : place + (date == null ? "" : " · " + date) + " " + text;
        }

        /** The date without its year, "3月5日", for a compact chip; null when unknown. */
        public String shortDate() {
            return date == null ? null : Formats.withoutYear(date);
        }
    }

    /** An index of {@code evidence} that lists every activity up to the limit; an unavailable one when it is null. */
    public static EvidenceIndex of(EvidencePackage evidence, Vocabulary words) {
        return of(evidence, words, Set.of());
    }

    /**
     * An index of {@code evidence}; past the limit it lists only the activities in {@code cited}.
     * An unavailable, empty index when {@code evidence} is null.
     */
    public static EvidenceIndex of(EvidencePackage evidence, Vocabulary words, Set<String> cited) {
        if (evidence == null) {
            return new EvidenceIndex(false, List.of(), 0, List.of(), List.of(), Map.of());
        }
        List<Activity> sorted = evidence.activities().stream()
                .sorted(Comparator.comparing(Activity::date).thenComparing(Activity::id))
                .toList();
        List<Activity> listed = sorted.size() <= LIST_LIMIT ? sorted
                : sorted.stream().filter(a -> cited.contains(a.id())).limit(LIST_LIMIT).toList();
        Set<String> listedIds = new HashSet<>();
        listed.forEach(a -> listedIds.add(a.id()));
        Citations citations = Citations.of(evidence, words.taxonomy().orElse(null));
        Map<String, EvidenceLink> links = new HashMap<>();
        Map<String, String> numbers = numbers(evidence.activities().stream().map(Activity::id).toList());
        List<ActivityRow> activities = listed.stream().map(a -> activityRow(a, numbers.get(a.id()), words)).toList();
        for (Activity a : evidence.activities()) {
            links.putIfAbsent(a.id(), link(citations, a.id(), listedIds.contains(a.id()) ? "#" + anchor("act-", a.id()) : null));
        }
        Map<String, String> docNumbers = numbers(evidence.plans().stream().map(PlanDocument::id).toList());
        List<DocumentRow> documents = evidence.plans().stream()
                .sorted(Comparator.comparing(PlanDocument::date).thenComparing(PlanDocument::id))
                .map(d -> new DocumentRow(anchor("doc-", d.id()), docNumbers.get(d.id()), words.documentKindName(d.kind()),
                        d.title(), Formats.date(d.date())))
                .toList();
        for (PlanDocument d : evidence.plans()) {
            links.putIfAbsent(d.id(), link(citations, d.id(), "#" + anchor("doc-", d.id())));
        }
        Map<String, String> incNumbers = numbers(evidence.incidents().stream().map(Incident::id).toList());
        List<IncidentRow> incidents = evidence.incidents().stream()
                .sorted(Comparator.comparing(Incident::date).thenComparing(Incident::id))
                .map(i -> new IncidentRow(anchor("inc-", i.id()), incNumbers.get(i.id()), Formats.date(i.date()),
                        words.incidentTypeName(i.type()), words.severityName(i.severity()),
                        i.description() == null ? "" : i.description(), i.resolved()))
                .toList();
        for (Incident i : evidence.incidents()) {
            links.putIfAbsent(i.id(), link(citations, i.id(), "#" + anchor("inc-", i.id())));
        }
        for (PreviousFinding p : evidence.previousFindings()) {
            links.putIfAbsent(p.id(), link(citations, p.id(), null));
        }
        return new EvidenceIndex(true, activities, sorted.size() - listed.size(), documents, incidents, links);
    }

    /**
     * The link for an evidence id: without a target when the activity is not listed, and with
     * neither target nor date when the package does not hold it (or is unavailable).
     */
    public EvidenceLink link(String id) {
        EvidenceLink link = links.get(id);
        return link != null ? link : new EvidenceLink(id, null, null, null, null);
    }

    public List<EvidenceLink> links(List<String> ids) {
        return ids == null ? List.of() : ids.stream().map(this::link).toList();
    }

    /** {@code prefix} then the id, with every character outside {@code [A-Za-z0-9_.-]} percent-encoded. */
    static String anchor(String prefix, String id) {
        StringBuilder out = new StringBuilder(prefix);
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /**
     * The link to the item {@code id}, at {@code href} when it is listed. An id two lists share
     * could be either item: it links nowhere and is named by its 编号.
     */
    private static EvidenceLink link(Citations citations, String id, String href) {
        Citations.Citation c = citations.find(id);
        if (c == null) {
            return new EvidenceLink(id, null, null, null, citations.name(id));
        }
        return new EvidenceLink(id, href, PlaceNames.of(c.place()), Formats.date(c.date()), c.text());
    }

    /**
     * What the page calls each item: its place in the package's list, as the 台账 numbers its rows
     * (第13项), not the id a program gave it.
     */
    static Map<String, String> numbers(List<String> ids) {
        Map<String, String> numbers = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            numbers.putIfAbsent(ids.get(i), "第" + (i + 1) + "项");
        }
        return numbers;
    }

    private static ActivityRow activityRow(Activity a, String number, Vocabulary words) {
        int missing = (int) a.attachments().stream().filter(x -> !x.present()).count();
        return new ActivityRow(anchor("act-", a.id()), number, Formats.date(a.date()), words.activityTypeName(a.type()),
                a.title(), words.organizerName(a.organizer()), !"self".equals(a.organizer()), a.effectiveParticipants(),
                a.attachments().size(), missing);
    }
}
