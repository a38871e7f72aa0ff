package org.civcheck.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.civcheck.evidence.Activity;
import org.civcheck.evidence.Attachment;
import org.civcheck.evidence.Department;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.Incident;
import org.civcheck.evidence.Period;
import org.civcheck.evidence.PlanDocument;
import org.civcheck.evidence.Survey;
import org.civcheck.evidence.Unit;

/**
 * Builds evidence packages for rule tests: a unit of three departments (10 + 6 + 4 = 20 staff),
 * the calendar year 2025, inspection on 2026-01-15, and whatever activities a test adds.
 *
 * <pre>{@code
 * PackageBuilder.unit()
 *         .activities("theory-study", 12)
 *         .with(act("volunteer-service", "2025-03-05").id("vol-march").organizer("civilization-office").hours(40));
 * }</pre>
 */
final class PackageBuilder {

    static final LocalDate INSPECTION = LocalDate.of(2026, 1, 15);

    private List<Department> departments =
            List.of(new Department("zhk", "综合科", 10), new Department("ywk", "业务科", 6), new Department("hqk", "后勤科", 4));
    private LocalDate from = LocalDate.of(2025, 1, 1);
    private LocalDate to = LocalDate.of(2025, 12, 31);
    private Unit.Coordinator coordinator = new Unit.Coordinator("张三", true);
    private Integer volunteers;
    private List<String> materialKinds = List.of("photo");
    private final List<Activity> activities = new ArrayList<>();
    private final List<PlanDocument> plans = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<Survey> surveys = new ArrayList<>();

    static PackageBuilder unit() {
        return new PackageBuilder();
    }

    /** An activity to adjust and then add with {@link #with}: arranged by the unit, everyone attending, material dated that day. */
    static ActivityBuilder act(String type, String date) {
        return new ActivityBuilder(type, LocalDate.parse(date));
    }

    /** A piece of material present in the package, dated {@code date} (null: undated). */
    static Attachment material(String kind, String date) {
        return new Attachment(kind, kind + ".dat", date == null ? null : LocalDate.parse(date), true);
    }

    /** A piece of material the package lists but does not contain ({@code present: false}). */
    static Attachment absentMaterial(String kind, String date) {
        return new Attachment(kind, kind + ".dat", date == null ? null : LocalDate.parse(date), false);
    }

    int staff() {
        return departments.stream().mapToInt(Department::staff).sum();
    }

    List<Department> departments() {
        return departments;
    }

    PackageBuilder period(String from, String to) {
        this.from = LocalDate.parse(from);
        this.to = LocalDate.parse(to);
        return this;
    }

    /** Replaces the three default departments (and so the unit's staff, their sum). */
    PackageBuilder departments(Department... departments) {
        this.departments = List.of(departments);
        return this;
    }

    PackageBuilder coordinator(String name, boolean dedicated) {
        this.coordinator = name == null ? null : new Unit.Coordinator(name, dedicated);
        return this;
    }

    PackageBuilder volunteers(Integer registered) {
        this.volunteers = registered;
        return this;
    }

    /** The kinds of material every activity added from now on by default carries, dated its day (default: a photo). */
    PackageBuilder materialKinds(List<String> kinds) {
        this.materialKinds = List.copyOf(kinds);
        return this;
    }

    /** One activity of {@code type} on {@code date}, arranged by the unit, everyone attending, with photos. */
    PackageBuilder activity(String type, String date) {
        return activity(type, date, "self");
    }

    PackageBuilder activity(String type, String date, String organizer) {
        return with(act(type, date).organizer(organizer));
    }

    /** {@code count} activities of {@code type}, one on the 10th of each month from January, wrapping round. */
    PackageBuilder activities(String type, int count) {
        for (int i = 0; i < count; i++) {
            activity(type, String.format("2025-%02d-%02d", i % 12 + 1, 10 + i / 12 % 18));
        }
        return this;
    }

    /** Adds activities built with {@link #act}; those without an id get the next "a-NNN". */
    PackageBuilder with(ActivityBuilder... adding) {
        for (ActivityBuilder a : adding) {
            add(a.build(this));
        }
        return this;
    }

    PackageBuilder add(Activity activity) {
        activities.add(activity);
        return this;
    }

    /** Drops the activities added so far that {@code which} selects. */
    PackageBuilder withoutActivities(Predicate<Activity> which) {
        activities.removeIf(which);
        return this;
    }

    PackageBuilder plan(String id, String kind, String date) {
        plans.add(new PlanDocument(id, kind, kind, LocalDate.parse(date), List.of()));
        return this;
    }

    PackageBuilder withoutPlans(String kind) {
        plans.removeIf(p -> p.kind().equals(kind));
        return this;
    }

    PackageBuilder incident(String id, String type, String date, String severity, boolean resolved) {
        incidents.add(new Incident(id, type, LocalDate.parse(date), severity, "测试事件", resolved));
        return this;
    }

    PackageBuilder survey(String kind, int respondents, int satisfied) {
        return survey(kind, respondents, satisfied, "2025-12-01");
    }

    PackageBuilder survey(String kind, int respondents, int satisfied, String date) {
        surveys.add(new Survey(kind, respondents, satisfied, LocalDate.parse(date)));
        return this;
    }

    PackageBuilder withoutSurveys(String kind) {
        surveys.removeIf(s -> s.kind().equals(kind));
        return this;
    }

    String nextId() {
        return String.format("a-%03d", activities.size() + 1);
    }

    Map<String, Integer> everyone() {
        Map<String, Integer> all = new LinkedHashMap<>();
        departments.forEach(d -> all.put(d.id(), d.staff()));
        return all;
    }

    EvidencePackage build() {
        Unit unit = new Unit("test-unit", "测试单位", "municipal", 2020, staff(), null, departments, coordinator);
        return new EvidencePackage(1, unit, new Period(from, to), INSPECTION, plans, activities, volunteers, List.of(),
                incidents, surveys);
    }

    /** One activity being described; unset parts take the package's defaults when it is added. */
    static final class ActivityBuilder {

        private final String type;
        private final LocalDate date;
        private String id;
        private String title;
        private LocalDate endDate;
        private String organizer = "self";
        private Map<String, Integer> attendance;
        private Integer participants;
        private Double hours;
        private final List<String> tags = new ArrayList<>();
        private List<Attachment> attachments;

        private ActivityBuilder(String type, LocalDate date) {
            this.type = type;
            this.date = date;
        }

        ActivityBuilder id(String id) {
            this.id = id;
            return this;
        }

        /** The title the 台账 gives it; the type id when not set. */
        ActivityBuilder title(String title) {
            this.title = title;
            return this;
        }

        ActivityBuilder endDate(String endDate) {
            this.endDate = LocalDate.parse(endDate);
            return this;
        }

        ActivityBuilder organizer(String organizer) {
            this.organizer = organizer;
            return this;
        }

        /** People present by department id; an empty map records no attendance. */
        ActivityBuilder attendance(Map<String, Integer> attendance) {
            this.attendance = Map.copyOf(attendance);
            return this;
        }

        /** A head count without a split by department. */
        ActivityBuilder participants(int participants) {
            this.participants = participants;
            this.attendance = this.attendance == null ? Map.of() : this.attendance;
            return this;
        }

        ActivityBuilder hours(double volunteerHours) {
            this.hours = volunteerHours;
            return this;
        }

        /** Tagged {@code featured}: the unit's signature activity. */
        ActivityBuilder featured() {
            tags.add("featured");
            return this;
        }

        /** Exactly this material, instead of the package's default kinds dated the activity's day. */
        ActivityBuilder attachments(Attachment... attachments) {
            this.attachments = List.of(attachments);
            return this;
        }

        private Activity build(PackageBuilder pkg) {
            List<Attachment> material = attachments != null ? attachments
                    : pkg.materialKinds.stream().map(k -> new Attachment(k, k + ".dat", date, true)).toList();
            return new Activity(id != null ? id : pkg.nextId(), type, title != null ? title : type, date, endDate, organizer,
                    attendance != null ? attendance : pkg.everyone(), participants, hours, null, tags, material);
        }
    }
}
