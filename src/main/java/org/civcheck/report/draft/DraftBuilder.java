package org.civcheck.report.draft;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.civcheck.criteria.Category;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.criteria.Indicator;
import org.civcheck.engine.Assessment;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.Survey;

/**
 * Writes the draft of one assessment. Part 一 counts the package's activities, documents, volunteers
 * and surveys, each under the category whose indicators name it (an activity type under the
 * indicator naming it with fewest other types); part 二 takes the assessment's problem classes and
 * their gaps' findings; part 三 their remedies. Nothing is measured anew: part 一 only counts and
 * sums what the package records, parts 二 and 三 only restate the assessment.
 */
public final class DraftBuilder {

    private final DraftTemplates t;

    public DraftBuilder(DraftTemplates templates) {
        this.t = Objects.requireNonNull(templates, "templates");
    }

    /** The draft for {@code a}, the assessment of {@code pkg} against {@code criteria}. */
    public ReportDraft build(Assessment a, EvidencePackage pkg, CriteriaSet criteria) {
        String unit = pkg.unit().name();
        LocalDate from = pkg.period().from();
        LocalDate to = pkg.period().to();
        String year = from.getYear() == to.getYear() ? String.valueOf(from.getYear())
                : from.getYear() + "—" + to.getYear();
        String title = t.fill("title", Map.of("unit", unit, "year", year, "from", date(from), "to", date(to)));
        String intro = t.fill("intro", Map.of("unit", unit, "from", date(from), "to", date(to),
                "staff", pkg.unit().staff(), "criteria", criteria.name()));
        return new ReportDraft(title, intro, List.of(work(pkg, criteria), problems(a, unit, criteria), next(a, unit)));
    }

    // ---- 一、创建工作开展情况 ----

    /** One line of part 一, with the number of activities it counts (for ordering; 0 for other evidence). */
    private record Item(String text, int weight) {}

    private ReportDraft.Part work(EvidencePackage pkg, CriteriaSet criteria) {
        Map<String, String> typeCategory = typeCategories(criteria);
        Map<String, List<Item>> items = new LinkedHashMap<>();
        criteria.categories().forEach(c -> items.put(c.id(), new ArrayList<>()));
        String other = "";
        items.put(other, new ArrayList<>());

        // The same activities the scoring counts: of the period, and of a type the criteria know;
        // otherwise part 一 could claim more than part 二 finds.
        Map<String, List<Activity>> byType = pkg.activities().stream()
                .filter(a -> pkg.period().contains(a.date()))
                .filter(a -> criteria.taxonomy().activityType(a.type()).isPresent())
                .collect(Collectors.groupingBy(Activity::type, LinkedHashMap::new, Collectors.toList()));
        byType.forEach((type, activities) -> items.get(typeCategory.getOrDefault(type, other))
                .add(new Item(activityText(type, activities, pkg, criteria), activities.size())));

        Map<String, List<PlanDocument>> byKind = pkg.plans().stream()
                .collect(Collectors.groupingBy(PlanDocument::kind, LinkedHashMap::new, Collectors.toList()));
        byKind.forEach((kind, docs) -> categoryOf(criteria, "document", "documentKind", kind).ifPresent(c ->
                items.get(c).add(new Item(t.fill("work.document", Map.of(
                        "kind", criteria.taxonomy().nameOf(criteria.taxonomy().documentKinds(), kind),
                        "count", docs.size(),
                        "dates", docs.stream().map(d -> date(d.date())).collect(Collectors.joining("、")))), 0))));

        Integer registered = pkg.registeredVolunteers();
        if (registered != null && pkg.unit().staff() > 0) {
            categoryOf(criteria, "volunteer-registration", null, null).ifPresent(c -> items.get(c).add(new Item(
                    t.fill("work.volunteers", Map.of("registered", registered, "staff", pkg.unit().staff(),
                            "share", percent((double) registered / pkg.unit().staff()))), 0)));
        }
        for (Survey s : pkg.surveys()) {
            categoryOf(criteria, "satisfaction", "surveyKind", s.kind()).ifPresent(c -> items.get(c).add(new Item(
                    t.fill("work.survey", Map.of("kind", t.surveyKind(s.kind()), "date", date(s.date()),
                            "respondents", s.respondents(), "satisfied", s.satisfied(),
                            "rate", percent(s.satisfactionRate()))), 0)));
        }

        Map<String, String> names = new LinkedHashMap<>();
        criteria.categories().forEach(c -> names.put(c.id(), c.name()));
        List<String> order = new ArrayList<>(names.keySet());
        order.sort(Comparator.comparingInt((String c) -> -weight(items.get(c))));
        order.add(other);
        names.put(other, t.fill("work.other", Map.of()));

        List<ReportDraft.Section> sections = new ArrayList<>();
        for (String c : order) {
            List<Item> list = new ArrayList<>(items.get(c));
            if (list.isEmpty()) {
                continue;
            }
            list.sort(Comparator.comparingInt((Item i) -> -i.weight()));
            StringBuilder text = new StringBuilder(t.opening(c, Map.of("category", names.get(c),
                    "unit", pkg.unit().name())));
            for (int i = 0; i < list.size(); i++) {
                text.append(t.fill("work.item", Map.of("ordinal", list.size() == 1 ? "" : t.ordinal(i),
                        "text", list.get(i).text())));
                text.append(i == list.size() - 1 ? "。" : "；");
            }
            sections.add(new ReportDraft.Section(
                    t.fill("work.heading", Map.of("number", t.number(sections.size()), "category", names.get(c))),
                    List.of(text.toString())));
        }
        if (sections.isEmpty()) {
            sections.add(new ReportDraft.Section(null, List.of(t.fill("work.none", Map.of("unit", pkg.unit().name())))));
        }
        return new ReportDraft.Part(t.fill("parts.work", Map.of()), sections);
    }

    /** Counts, months, attendance, hours, amounts and outside organizers of one type's activities. */
    private String activityText(String type, List<Activity> activities, EvidencePackage pkg, CriteriaSet criteria) {
        StringBuilder s = new StringBuilder(t.fill("work.activity.count", Map.of(
                "type", criteria.taxonomy().nameOf(criteria.taxonomy().activityTypes(), type),
                "count", activities.size())));
        if (activities.size() == 1) {
            s.append(t.fill("work.activity.date", Map.of("date", date(activities.get(0).date()))));
        } else {
            Set<YearMonth> months = new TreeSet<>();
            activities.forEach(a -> months.add(YearMonth.from(a.date())));
            boolean oneYear = months.stream().map(YearMonth::getYear).distinct().count() == 1;
            s.append(t.fill("work.activity.months", Map.of("months", months.size(), "monthList", months.stream()
                    .map(m -> (oneYear ? "" : m.getYear() + "年") + m.getMonthValue() + "月")
                    .collect(Collectors.joining("、")))));
        }
        List<Integer> people = activities.stream().map(Activity::effectiveParticipants).filter(p -> p > 0).toList();
        if (!people.isEmpty() && pkg.unit().staff() > 0) {
            double average = people.stream().mapToInt(Integer::intValue).average().orElse(0);
            s.append(t.fill(activities.size() == 1 ? "work.activity.people" : "work.activity.attendance",
                    Map.of("average", number(average), "rate", percent(average / pkg.unit().staff()))));
        }
        double hours = activities.stream().map(Activity::volunteerHours).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).sum();
        if (hours > 0) {
            s.append(t.fill("work.activity.hours", Map.of("hours", number(hours))));
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

    /** Each activity type's category: that of the applicable indicator naming it among fewest types. */
    private static Map<String, String> typeCategories(CriteriaSet criteria) {
        Map<String, String> category = new LinkedHashMap<>();
        Map<String, Integer> breadth = new LinkedHashMap<>();
        for (Category c : criteria.categories()) {
            for (Indicator i : c.applicableIndicators()) {
                if (i.params().get("types") instanceof Collection<?> types) {
                    for (Object type : types) {
                        String id = String.valueOf(type);
                        if (types.size() < breadth.getOrDefault(id, Integer.MAX_VALUE)) {
                            breadth.put(id, types.size());
                            category.put(id, c.id());
                        }
                    }
                }
            }
        }
        return category;
    }

    /** The category of the first applicable indicator of check {@code check} (whose {@code param} is {@code value}). */
    private static java.util.Optional<String> categoryOf(CriteriaSet criteria, String check, String param,
            String value) {
        return criteria.categories().stream()
                .filter(c -> c.applicableIndicators().stream().anyMatch(i -> i.check().equals(check)
                        && (param == null || value.equals(String.valueOf(i.params().get(param))))))
                .map(Category::id).findFirst();
    }

    private static int weight(List<Item> items) {
        return items.stream().mapToInt(Item::weight).sum();
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
                String findings = gapsOf(a, p).stream()
                        .map(g -> t.fill("problems.finding", Map.of("message", clause(g.message()),
                                "indicator", g.indicatorName() == null ? g.indicator() : g.indicatorName(),
                                "points", number(g.pointsAtStake()))))
                        .collect(Collectors.joining("；"));
                paragraphs.add(t.fill("problems.lead", Map.of("ordinal", t.ordinal(i), "title", p.title()))
                        + (findings.isEmpty() ? "" : findings + "。"));
            }
        }
        return new ReportDraft.Part(t.fill("parts.problems", Map.of()),
                List.of(new ReportDraft.Section(null, paragraphs)));
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
        return d == null ? "日期不详" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String percent(double share) {
        return org.civcheck.engine.facts.Texts.pct(share);
    }

    static String number(double x) {
        return org.civcheck.engine.facts.Texts.num(x);
    }
}
