package org.civcheck.report.draft;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.Survey;
import org.civcheck.report.Citations;

/**
 * Writes the draft of one assessment as a unit's 自查报告. Part 一 gathers the package's activities,
 * documents, coordinator, volunteers, signature activities, surveys and the unit's own 说明 of its
 * self-rated items under the sections that {@code report.yaml} lists, in its order, each section
 * closing with a marked place for the unit's own account of results; part 二 states each gap as an office states it (the wording's statement of
 * its indicator, never the checker's figures); part 三 gives the remedies; the checker's findings,
 * figures and the numbers of the material they rest on go to the appendix table. Nothing is measured
 * anew: part 一 only counts and sums what the package records, the rest restates the assessment.
 */
public final class DraftBuilder {

    /** At most this much material named in one appendix cell; the rest are counted. */
    static final int EVIDENCE_SHOWN = 5;
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final DraftTemplates t;

    public DraftBuilder(DraftTemplates templates) {
        this.t = Objects.requireNonNull(templates, "templates");
    }

    /** The draft for {@code a}, the assessment of {@code pkg} against {@code criteria}, dated {@code signed}. */
    public ReportDraft build(Assessment a, EvidencePackage pkg, CriteriaSet criteria, LocalDate signed) {
        String unit = pkg.unit().name();
        LocalDate from = pkg.period().from();
        LocalDate to = pkg.period().to();
        String year = from.getYear() == to.getYear() ? String.valueOf(from.getYear())
                : from.getYear() + "—" + to.getYear();
        String title = t.fill("title", Map.of("unit", unit, "year", year));
        String intro = t.fill("intro", Map.of("unit", unit, "year", year, "criteria", criteria.name(),
                "level", t.level(pkg.unit().level())));
        ReportDraft.Signature signature = new ReportDraft.Signature(unit, t.fill("signature.date", Map.of(
                "year", signed.getYear(), "month", signed.getMonthValue(), "day", signed.getDayOfMonth())));
        return new ReportDraft(title, t.fill("addressee", Map.of()), intro,
                List.of(work(a, pkg, criteria), problems(a, unit, criteria), next(a, unit)),
                t.fill("next.closing", Map.of()), t.fill("appendix.note", Map.of()), signature,
                appendix(a, Citations.of(pkg, criteria.taxonomy())));
    }

    // ---- 一、创建工作开展情况 ----

    /** One item of a section, with the number of activities it counts (for ordering). */
    private record Item(String text, int weight) {}

    private ReportDraft.Part work(Assessment assessment, EvidencePackage pkg, CriteriaSet criteria) {
        // The same activities the scoring counts: of the period, and of a type the criteria know;
        // otherwise part 一 could claim more than part 二 finds.
        Map<String, List<Activity>> byType = pkg.activities().stream()
                .filter(a -> pkg.period().contains(a.date()))
                .filter(a -> criteria.taxonomy().activityType(a.type()).isPresent())
                .collect(Collectors.groupingBy(Activity::type, LinkedHashMap::new, Collectors.toList()));
        String span = t.fill(pkg.period().from().getYear() == pkg.period().to().getYear()
                ? "work.activity.spans.year" : "work.activity.spans.years", Map.of());
        int periodMonths = (int) pkg.period().from().withDayOfMonth(1).datesUntil(
                pkg.period().to().plusDays(1), java.time.Period.ofMonths(1)).count();

        Set<String> placed = new LinkedHashSet<>();
        List<ReportDraft.Section> sections = new ArrayList<>();
        for (DraftTemplates.Section section : t.sections()) {
            List<Item> items = new ArrayList<>();
            for (String type : section.types()) {
                List<Activity> activities = byType.get(type);
                if (activities != null && placed.add(type)) {
                    items.add(new Item(activityText(type, activities, pkg, criteria, span, periodMonths),
                            activities.size()));
                }
            }
            items.sort(Comparator.comparingInt((Item i) -> -i.weight()));
            for (String fact : section.facts()) {
                items.addAll(facts(fact, assessment, pkg, criteria, span));
            }
            if (!items.isEmpty()) {
                sections.add(section(sections.size(), section.heading(),
                        t.opening(section, Map.of("unit", pkg.unit().name())), items));
            }
        }
        List<Item> rest = new ArrayList<>();
        byType.forEach((type, activities) -> {
            if (!placed.contains(type)) {
                rest.add(new Item(activityText(type, activities, pkg, criteria, span, periodMonths), activities.size()));
            }
        });
        if (!rest.isEmpty()) {
            rest.sort(Comparator.comparingInt((Item i) -> -i.weight()));
            sections.add(section(sections.size(), t.fill("work.other", Map.of()),
                    t.fill("work.otherOpening", Map.of("unit", pkg.unit().name())), rest));
        }
        if (sections.isEmpty()) {
            sections.add(new ReportDraft.Section(null, List.of(t.fill("work.none", Map.of("unit", pkg.unit().name())))));
        }
        return new ReportDraft.Part(t.fill("parts.work", Map.of()), sections);
    }

    private ReportDraft.Section section(int index, String heading, String opening, List<Item> items) {
        StringBuilder text = new StringBuilder(opening);
        for (int i = 0; i < items.size(); i++) {
            text.append(t.fill("work.item", Map.of("ordinal", items.size() == 1 ? "" : t.ordinal(i),
                    "text", items.get(i).text())));
            text.append(i == items.size() - 1 ? "。" : "；");
        }
        return new ReportDraft.Section(t.fill("work.heading", Map.of("number", t.number(index), "heading", heading)),
                List.of(text.toString(), t.fill("work.highlights", Map.of())));
    }

    /**
     * The items a section's named fact gives: documents, the coordinator, volunteers, signature
     * activities, surveys, and the self-rated items the unit described (in its own words, as the
     * assessment kept them).
     */
    private List<Item> facts(String fact, Assessment assessment, EvidencePackage pkg, CriteriaSet criteria, String span) {
        List<Item> items = new ArrayList<>();
        switch (fact) {
            case "documents" -> pkg.plans().stream()
                    .collect(Collectors.groupingBy(PlanDocument::kind, LinkedHashMap::new, Collectors.toList()))
                    .forEach((kind, docs) -> items.add(new Item(t.fill("work.document", Map.of(
                            "kind", criteria.taxonomy().nameOf(criteria.taxonomy().documentKinds(), kind),
                            "count", docs.size(),
                            "dates", docs.stream().map(d -> date(d.date())).distinct()
                                    .collect(Collectors.joining("、")))), 0)));
            case "coordinator" -> {
                if (pkg.unit().coordinator() != null && !pkg.unit().coordinator().name().isBlank()) {
                    items.add(new Item(t.fill("work.coordinator", Map.of("name", pkg.unit().coordinator().name())), 0));
                }
            }
            case "volunteers" -> {
                Integer registered = pkg.registeredVolunteers();
                if (registered != null && pkg.unit().staff() > 0) {
                    items.add(new Item(t.fill("work.volunteers", Map.of("registered", registered,
                            "staff", pkg.unit().staff(),
                            "share", percent((double) registered / pkg.unit().staff()))), 0));
                }
            }
            case "featured" -> {
                List<Activity> featured = pkg.activities().stream()
                        .filter(a -> pkg.period().contains(a.date()) && a.tags().contains("featured")).toList();
                if (!featured.isEmpty()) {
                    String titles = featured.stream().map(a -> "“" + a.title() + "”").distinct().limit(3)
                            .collect(Collectors.joining("、"));
                    items.add(new Item(t.fill("work.featured", Map.of("titles", titles, "count", featured.size(),
                            "span", span)), 0));
                }
            }
            case "surveys" -> {
                for (Survey s : pkg.surveys()) {
                    items.add(new Item(t.fill("work.survey", Map.of("kind", t.surveyKind(s.kind()),
                            "date", date(s.date()), "respondents", s.respondents(), "satisfied", s.satisfied(),
                            "rate", percent(s.satisfactionRate()))), 0));
                }
            }
            case "claims" -> {
                if (assessment.claims() != null) {
                    for (Assessment.ClaimScore c : assessment.claims().items()) {
                        if (c.note() != null && !c.note().isBlank()) {
                            items.add(new Item(t.fill("work.claim", Map.of("indicator", c.name(),
                                    "note", clause(c.note()))), 0));
                        }
                    }
                }
            }
            default -> throw new IllegalStateException("Unknown fact " + fact + " passed the wording's check.");
        }
        return items;
    }

    /** Counts, months, attendance, hours, amounts and outside organizers of one type's activities. */
    private String activityText(String type, List<Activity> activities, EvidencePackage pkg, CriteriaSet criteria,
            String span, int periodMonths) {
        Map<String, Object> counted = Map.of("span", span, "count", activities.size(),
                "type", criteria.taxonomy().nameOf(criteria.taxonomy().activityTypes(), type));
        StringBuilder s = new StringBuilder(t.phrase(type, counted).orElseGet(() -> t.fill("work.activity.count", counted)));
        if (activities.size() == 1) {
            s.append(t.fill("work.activity.date", Map.of("date", date(activities.get(0).date()))));
        } else {
            Set<YearMonth> months = new TreeSet<>();
            activities.forEach(a -> months.add(YearMonth.from(a.date())));
            s.append(months.size() >= periodMonths ? t.fill("work.activity.everyMonth", Map.of())
                    : t.fill("work.activity.months", Map.of("months", months.size())));
        }
        List<Integer> people = activities.stream().map(Activity::effectiveParticipants).filter(p -> p > 0).toList();
        if (!people.isEmpty() && pkg.unit().staff() > 0) {
            double average = people.stream().mapToInt(Integer::intValue).average().orElse(0);
            s.append(t.fill(activities.size() == 1 ? "work.activity.people" : "work.activity.attendance",
                    Map.of("average", Math.round(average), "rate", percent(average / pkg.unit().staff()))));
        }
        double hours = activities.stream().map(Activity::volunteerHours).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
        if (hours > 0) {
            s.append(t.fill("work.activity.hours", Map.of("hours", number(Math.round(hours)))));
        }
        double amount = activities.stream().map(Activity::amount).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
        if (amount > 0) {
            s.append(t.fill("work.activity.amount", Map.of("amount", number(amount))));
        }
        List<Activity> external = activities.stream().filter(a -> !"self".equals(a.organizer())).toList();
        if (!external.isEmpty()) {
            Set<String> organizers = new LinkedHashSet<>();
            external.forEach(a -> organizers.add(
                    criteria.taxonomy().nameOf(criteria.taxonomy().organizers(), a.organizer())));
            s.append(t.fill("work.activity.external", Map.of("external", external.size(),
                    "organizers", String.join("、", organizers))));
        }
        return s.toString();
    }

    // ---- 二、创建工作中存在的主要问题 ----

    private ReportDraft.Part problems(Assessment a, String unit, CriteriaSet criteria) {
        List<String> paragraphs = new ArrayList<>();
        List<Assessment.ProblemSummary> classes = ranked(a);
        if (classes.isEmpty()) {
            paragraphs.add(t.fill("problems.none", Map.of("unit", unit)));
        } else {
            paragraphs.add(t.fill("problems.opening", Map.of("unit", unit, "criteria", criteria.name())));
            for (int i = 0; i < classes.size(); i++) {
                Assessment.ProblemSummary p = classes.get(i);
                String statements = gapsOf(a, p).stream().map(g -> statement(a, g)).distinct()
                        .collect(Collectors.joining("；"));
                paragraphs.add(t.fill("problems.lead", Map.of("ordinal", t.ordinal(i), "title", p.title()))
                        + (statements.isEmpty() ? "" : statements + "。"));
            }
        }
        return new ReportDraft.Part(t.fill("parts.problems", Map.of()),
                List.of(new ReportDraft.Section(null, paragraphs)));
    }

    /** How an office states a gap: the veto's name, the wording's statement of the indicator, or the default. */
    private String statement(Assessment a, Assessment.Gap g) {
        String veto = vetoName(a, g);
        if (veto != null) {
            return t.fill("problems.veto", Map.of("veto", veto));
        }
        return t.statement(g.indicator()).orElseGet(() -> t.fill("problems.default",
                Map.of("indicator", g.indicatorName() == null ? "" : g.indicatorName())));
    }

    /** The name of the veto a gap stands for, or null for an indicator's gap. */
    private static String vetoName(Assessment a, Assessment.Gap g) {
        if (a.vetoes() == null) {
            return null;
        }
        return a.vetoes().stream().filter(v -> g.indicator().equals("veto:" + v.id())).map(Assessment.Veto::name)
                .findFirst().orElse(null);
    }

    // ---- 三、下步工作思路 ----

    private ReportDraft.Part next(Assessment a, String unit) {
        List<String> paragraphs = new ArrayList<>();
        List<Assessment.ProblemSummary> classes = ranked(a);
        for (int i = 0; i < classes.size(); i++) {
            Assessment.ProblemSummary p = classes.get(i);
            StringBuilder text = new StringBuilder(t.fill("next.item", Map.of("number", t.number(i),
                    "remedy", p.remedy())));
            Set<String> seen = new LinkedHashSet<>();
            seen.add(p.remedy());
            for (Assessment.Gap g : gapsOf(a, p)) {
                if (g.remedy() != null && !g.remedy().isBlank() && seen.add(g.remedy())) {
                    text.append(t.fill("next.detail", Map.of("remedy", g.remedy())));
                }
            }
            paragraphs.add(text.toString());
        }
        if (paragraphs.isEmpty()) {
            paragraphs.add(t.fill("next.none", Map.of("unit", unit)));
        }
        return new ReportDraft.Part(t.fill("parts.next", Map.of()), List.of(new ReportDraft.Section(null, paragraphs)));
    }

    // ---- 附件：问题与佐证清单 ----

    private ReportDraft.Appendix appendix(Assessment a, Citations citations) {
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (Assessment.ProblemSummary p : ranked(a)) {
            for (Assessment.Gap g : gapsOf(a, p)) {
                String veto = vetoName(a, g);
                String name = veto != null ? t.fill("appendix.veto", Map.of("veto", veto))
                        : g.indicatorName() == null ? g.indicator() : g.indicatorName();
                rows.add(List.of(String.valueOf(++n), name, finding(g.message()),
                        veto != null ? "" : number(g.pointsAtStake()), evidence(g.evidence(), citations)));
            }
        }
        if (rows.isEmpty()) {
            rows.add(List.of("", t.fill("appendix.none", Map.of()), "", "", ""));
        }
        return new ReportDraft.Appendix(t.fill("appendix.label", Map.of()), t.fill("appendix.title", Map.of()),
                t.columns(), rows);
    }

    /** A checker's finding as the appendix gives it: dates written out, symbols as words, no full stop. */
    private String finding(String message) {
        Matcher m = ISO_DATE.matcher(clause(message));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.parseInt(m.group(1)) + "年" + Integer.parseInt(m.group(2)) + "月"
                    + Integer.parseInt(m.group(3)) + "日");
        }
        m.appendTail(out);
        return t.withoutSymbols(out.toString());
    }

    /** The material a gap rests on, by date and title, at most {@value #EVIDENCE_SHOWN} then "等N项". */
    private String evidence(List<String> ids, Citations citations) {
        if (ids == null || ids.isEmpty()) {
            return "";
        }
        List<String> all = citations.names(ids, Integer.MAX_VALUE);
        String shown = String.join("、", all.subList(0, Math.min(all.size(), EVIDENCE_SHOWN)));
        return all.size() <= EVIDENCE_SHOWN ? shown
                : shown + t.fill("appendix.more", Map.of("count", all.size()));
    }

    /** The problem classes, the one with most points at stake first. */
    private static List<Assessment.ProblemSummary> ranked(Assessment a) {
        List<Assessment.ProblemSummary> classes = new ArrayList<>(a.problems() == null ? List.of() : a.problems());
        classes.sort(Comparator.comparingDouble(p -> -p.pointsAtStake()));
        return classes;
    }

    /** A class's gaps, the one with most points at stake first. */
    private static List<Assessment.Gap> gapsOf(Assessment a, Assessment.ProblemSummary p) {
        return (a.gaps() == null ? List.<Assessment.Gap>of() : a.gaps()).stream()
                .filter(g -> p.id().equals(g.problem()))
                .sorted(Comparator.comparingDouble(g -> -g.pointsAtStake()))
                .toList();
    }

    // ---- words ----

    /** A finding as a clause: without the full stop it may end with. */
    private static String clause(String message) {
        String m = message.strip();
        while (!m.isEmpty() && "。；;.".indexOf(m.charAt(m.length() - 1)) >= 0) {
            m = m.substring(0, m.length() - 1);
        }
        return m;
    }

    static String date(LocalDate d) {
        return d == null ? "日期不详" : org.civcheck.engine.facts.Texts.date(d);
    }

    static String percent(double share) {
        return org.civcheck.engine.facts.Texts.pct(share);
    }

    static String number(double x) {
        return org.civcheck.engine.facts.Texts.num(x);
    }
}
