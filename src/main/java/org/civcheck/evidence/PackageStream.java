package org.civcheck.evidence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a package from JSON tokens into its records in one pass, beside the compiled schema
 * ({@link SchemaShape}), field by field as the contract names them: an unknown field is never
 * bound, so it can never reach a record; it is only warned about. On the way it finds what the
 * checks after the schema need from the tokens themselves: dates that are no calendar day,
 * attachment files that leave the package, attendance of unknown departments, and whether a
 * zip holds each attachment's file. Everything else is checked on the records
 * ({@link SemanticChecks}).
 *
 * <p>Two ways to read:
 *
 * <ul>
 * <li><b>Checking</b>, from the bytes, the usual way: every value is asked whether it surely
 *     passes the schema, and every object whether it has a key twice. At the first doubt, or a
 *     fault of the JSON text itself, the read stops with {@link Unsure}: then only the strict
 *     parser and the schema validator can say what is wrong, and they are what the reader
 *     runs next. A package read to its end this way surely passes both.</li>
 * <li><b>Trusting</b>, from the tree of a package the validator passed: no doubts are asked,
 *     and whole numbers written with a decimal point ({@code 20.0}) bind to integers.</li>
 * </ul>
 *
 * <p>The two give the same records, warnings and faults for every package both can read
 * ({@code FastPathTest}). A field added to the contract and its record needs a line here too.
 */
final class PackageStream {

    /** The checking read found something only the strict parser or the schema validator can judge. */
    static final class Unsure extends Exception {
        private static final long serialVersionUID = 1L;

        private Unsure() {
            super("The package may not pass the schema.", null, false, false);
        }
    }

    private static final Unsure UNSURE = new Unsure();

    private final JsonParser parser;
    private final boolean checking;
    private final int maxActivities;
    private final AttachmentFiles files;
    private final Words words = new Words();

    /** The first {@link ProblemList#SHOWN} unknown fields: no more are ever shown. */
    private final List<InputProblem> unknownFields = new ArrayList<>();
    private int unknownFieldsLeftOut;
    private final List<InputProblem> calendarFaults = new ArrayList<>();
    private final List<InputProblem> attendanceFaults = new ArrayList<>();
    private final List<InputProblem> fileFaults = new ArrayList<>();
    private int activityCount;
    /** The departments' ids in document order, once the unit is read. */
    private Set<String> departmentIds;
    /** Attendance read before the unit: checked once the departments are known. */
    private final List<Attendance> unchecked = new ArrayList<>();
    private EvidencePackage evidence;

    private PackageStream(JsonParser parser, boolean checking, int maxActivities, AttachmentFiles files) {
        this.parser = parser;
        this.checking = checking;
        this.maxActivities = maxActivities;
        this.files = files;
    }

    /**
     * Reads the package from the bytes, checking; {@code parser} is the quick one of
     * {@link StrictJsonParser}. A package over {@code maxActivities} is read to its end without
     * binding the activities over the limit, only counting them.
     *
     * @throws Unsure      when the package may not pass the schema
     * @throws IOException when the JSON text has a fault
     */
    static PackageStream checking(JsonParser parser, SchemaShape schema, int maxActivities, AttachmentFiles files)
            throws IOException, Unsure {
        PackageStream stream = new PackageStream(parser, true, maxActivities, files);
        stream.read(schema);
        return stream;
    }

    /** Reads a package that the schema validator passed, from its tree's tokens. */
    static PackageStream trusting(JsonParser parser, SchemaShape schema, AttachmentFiles files) {
        PackageStream stream = new PackageStream(parser, false, Integer.MAX_VALUE, files);
        try {
            stream.read(schema);
        } catch (IOException | Unsure | RuntimeException e) {
            throw new IllegalStateException("A package that passed the schema failed to bind: "
                    + "the schema and the records disagree.", e);
        }
        return stream;
    }

    /** The package read; null when it has more activities than allowed. */
    EvidencePackage evidence() {
        return activityCount > maxActivities ? null : evidence;
    }

    /** Elements of {@code activities}, also those over the limit. */
    int activityCount() {
        return activityCount;
    }

    /** A warning for each of the first {@link ProblemList#SHOWN} fields the contract does not know, in document order. */
    List<InputProblem> unknownFields() {
        return unknownFields;
    }

    /** Fields the contract does not know beyond those of {@link #unknownFields()}: only counted. */
    int unknownFieldsLeftOut() {
        return unknownFieldsLeftOut;
    }

    /** Dates of the right shape that name no day ({@code 2025-02-30}), in document order. */
    List<InputProblem> calendarFaults() {
        return calendarFaults;
    }

    /** Attendance of departments the unit does not have, activity by activity. */
    List<InputProblem> attendanceFaults() {
        return attendanceFaults;
    }

    /** Attachment files that leave the package ({@code ../x.pdf}), in document order. */
    List<InputProblem> fileFaults() {
        return fileFaults;
    }

    private void read(SchemaShape schema) throws IOException, Unsure {
        expect(parser.nextToken() != null);
        Root root = new Root();
        object(schema, root);
        expect(parser.nextToken() == null);
        if (activityCount <= maxActivities) {
            for (Attendance attendance : unchecked) {
                attendance.check();
            }
            evidence = root.build();
        }
    }

    // ----- the generic part: objects, arrays, scalars, beside their subschema -----

    /** The fields of one object, bound as they come; {@code field} is called with the parser at the value. */
    private interface Fields {
        void field(String name, SchemaShape shape) throws IOException, Unsure;
    }

    /**
     * Reads the object at hand. Known fields and, where the schema has
     * {@code additionalProperties}, every other field go to {@code fields}, which must refuse a
     * repeated one of the latter itself; other fields are warned about and skipped.
     */
    private void object(SchemaShape shape, Fields fields) throws IOException, Unsure {
        expect(parser.currentToken() == JsonToken.START_OBJECT);
        long present = 0;
        boolean others = false;
        Set<String> unknownNames = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int index = shape.propertyIndex(name);
            if (index >= 0) {
                long bit = 1L << index;
                expect((present & bit) == 0);
                present |= bit;
                parser.nextToken();
                fields.field(name, shape.property(index));
            } else if (shape.additional != null) {
                others = true;
                parser.nextToken();
                fields.field(name, shape.additional);
            } else {
                others = true;
                if (checking) {
                    unknownNames = unknownNames == null ? new HashSet<>() : unknownNames;
                    expect(unknownNames.add(name));
                }
                if (unknownFields.size() < ProblemList.SHOWN) {
                    unknownFields.add(new InputProblem(path(), "未知字段，已忽略"));
                } else {
                    unknownFieldsLeftOut++;
                }
                parser.nextToken();
                skip();
            }
        }
        if (checking && !shape.surelyAcceptsObject(present, others)) {
            throw UNSURE;
        }
    }

    private interface Element<T> {
        T read(SchemaShape shape) throws IOException, Unsure;
    }

    /** Reads the array at hand, element by element. */
    private <T> List<T> list(SchemaShape shape, Element<T> element) throws IOException, Unsure {
        expect(parser.currentToken() == JsonToken.START_ARRAY && shape.items != null);
        List<T> elements = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            elements.add(element.read(shape.items));
        }
        if (checking && !shape.surelyAcceptsArray(elements.size())) {
            throw UNSURE;
        }
        return elements;
    }

    /**
     * Skips the value at hand. Checking, it is read as a tree, which refuses repeated keys in
     * it (the quick parser has no detector of its own), and looked through for numbers beyond a
     * double.
     */
    private void skip() throws IOException, Unsure {
        if (checking) {
            JsonNode value = parser.readValueAsTree();
            if (!allFinite(value)) {
                throw UNSURE; // a number beyond a double is a fault wherever it is (the strict way names it)
            }
        } else {
            parser.skipChildren();
        }
    }

    private static boolean allFinite(JsonNode node) {
        if (node.isDouble()) {
            return Double.isFinite(node.doubleValue());
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!allFinite(child)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A field the schema knows and no line here binds: checking, a doubt (nothing here checked
     * it against the schema; the validator will); trusting, skipped, as it reaches no record.
     */
    private void unbound() throws IOException, Unsure {
        if (checking) {
            throw UNSURE;
        }
        parser.skipChildren();
    }

    /** The value at hand as a node, as the tree builder makes it; null for an object or array. */
    private JsonNode scalar(SchemaShape shape) throws IOException, Unsure {
        JsonNode node = switch (parser.currentToken()) {
            case VALUE_STRING -> TextNode.valueOf(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> IntNode.valueOf(parser.getIntValue());
                case LONG -> LongNode.valueOf(parser.getLongValue());
                default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(parser.getDoubleValue());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> null;
        };
        expect(node != null);
        if (checking && !shape.surelyAccepts(node)) {
            throw UNSURE;
        }
        return node;
    }

    /**
     * True when the value at hand is a string that may be read from the parser's buffer: short,
     * and within the parser's length limit, which only {@link JsonParser#getText()} enforces.
     */
    private boolean shortString() throws IOException {
        return parser.currentToken() == JsonToken.VALUE_STRING && parser.getTextLength() <= SHORT
                && parser.getTextLength() <= parser.streamReadConstraints().getMaxStringLength();
    }

    /** The longest string read from the parser's buffer. */
    private static final int SHORT = 64;

    /**
     * A text that is one of a few words used again and again (a type, a kind, a tag): the
     * reading's shared instance ({@link Words}), made from the parser's buffer.
     */
    private String word(SchemaShape shape) throws IOException, Unsure {
        if (!shortString()) {
            return text(shape); // a doubt when checking, or a long text
        }
        String word = words.of(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (checking && !shape.acceptsEveryText() && !shape.surelyAccepts(TextNode.valueOf(word))) {
            throw UNSURE;
        }
        return word;
    }

    private String text(SchemaShape shape) throws IOException, Unsure {
        if (parser.currentToken() == JsonToken.VALUE_STRING && (!checking || shape.acceptsEveryText())) {
            return parser.getText(); // what the node would hold, without the node
        }
        JsonNode node = scalar(shape);
        expect(node.isTextual());
        return node.textValue();
    }

    /**
     * A date; one that names no day is a fault, and binds to null. A plain {@code yyyy-MM-dd}
     * day is read from the parser's buffer, with no string: a package of 100,000 activities
     * holds some 300,000 dates.
     */
    private LocalDate date(SchemaShape shape) throws IOException, Unsure {
        if (shortString() && shape.acceptsEveryDateShapedText()) {
            LocalDate day = IsoDates.parseDay(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (day != null) {
                return day;
            }
        }
        String text = text(shape);
        LocalDate date = IsoDates.parse(text);
        if (date == null) {
            calendarFaults.add(new InputProblem(path(), InputTexts.quote(text) + "不是有效的日历日期"));
        }
        return date;
    }

    /** A whole number, also when written as {@code 20.0}; the schema keeps it within int. */
    private Integer integer(SchemaShape shape) throws IOException, Unsure {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            int value = parser.getIntValue();
            if (!checking || shape.surelyAcceptsWhole(value)) {
                return value; // what the node would give, without the node
            }
        }
        JsonNode node = scalar(shape);
        expect(node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToInt());
        return node.intValue();
    }

    private Double decimal(SchemaShape shape) throws IOException, Unsure {
        JsonNode node = scalar(shape);
        expect(node.isNumber());
        return node.doubleValue();
    }

    private boolean bool(SchemaShape shape) throws IOException, Unsure {
        JsonNode node = scalar(shape);
        expect(node.isBoolean());
        return node.booleanValue();
    }

    /**
     * Checking, a doubt; trusting, a bug: the validator passed what the records cannot hold.
     */
    private void expect(boolean fits) throws Unsure {
        if (!fits) {
            if (checking) {
                throw UNSURE;
            }
            throw new IllegalStateException("Cannot bind the value at " + path() + ".");
        }
    }

    /** The JSON path of the field or element at hand, such as {@code $.activities[12].date}. */
    private String path() {
        return JsonPaths.of(parser.getParsingContext());
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    // ----- the contract: one class per record, a line per field -----

    private final class Root implements Fields {
        private Integer schemaVersion;
        private Unit unit;
        private Period period;
        private LocalDate inspectionDate;
        private List<PlanDocument> plans;
        private List<Activity> activities;
        private Integer registeredVolunteers;
        private List<Honor> honors;
        private List<Incident> incidents;
        private List<Survey> surveys;
        private List<PreviousFinding> previousFindings;
        private List<Claim> claims;

        @Override
        public void field(String name, SchemaShape shape) throws IOException, Unsure {
            switch (name) {
                case "schemaVersion" -> schemaVersion = integer(shape);
                case "unit" -> unit = unit(shape);
                case "period" -> period = period(shape);
                case "inspectionDate" -> inspectionDate = date(shape);
                case "plans" -> plans = list(shape, PackageStream.this::plan);
                case "activities" -> activities = activities(shape);
                case "volunteers" -> registeredVolunteers = volunteers(shape);
                case "honors" -> honors = list(shape, PackageStream.this::honor);
                case "incidents" -> incidents = list(shape, PackageStream.this::incident);
                case "surveys" -> surveys = list(shape, PackageStream.this::survey);
                case "previousFindings" -> previousFindings = list(shape, PackageStream.this::previousFinding);
                case "claims" -> claims = list(shape, PackageStream.this::claim);
                default -> unbound();
            }
        }

        EvidencePackage build() {
            return new EvidencePackage(orZero(schemaVersion), unit, period, inspectionDate, plans, activities,
                    registeredVolunteers, honors, incidents, surveys, previousFindings, claims);
        }
    }

    private Unit unit(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String id;
            String name;
            String level;
            Integer titleSince;
            Integer staff;
            Integer partyMembers;
            List<Department> departments;
            Unit.Coordinator coordinator;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "id" -> f.id = text(field);
                case "name" -> f.name = text(field);
                case "level" -> f.level = word(field);
                case "titleSince" -> f.titleSince = integer(field);
                case "staff" -> f.staff = integer(field);
                case "partyMembers" -> f.partyMembers = integer(field);
                case "departments" -> f.departments = list(field, this::department);
                case "coordinator" -> f.coordinator = coordinator(field);
                default -> unbound();
            }
        });
        Unit unit = new Unit(f.id, f.name, f.level, f.titleSince, orZero(f.staff), f.partyMembers, f.departments,
                f.coordinator);
        departmentIds = new LinkedHashSet<>();
        for (Department department : unit.departments()) {
            departmentIds.add(department.id());
        }
        return unit;
    }

    private Unit.Coordinator coordinator(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String name;
            boolean dedicated;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "name" -> f.name = text(field);
                case "dedicated" -> f.dedicated = bool(field);
                default -> unbound();
            }
        });
        return new Unit.Coordinator(f.name, f.dedicated);
    }

    private Department department(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String id;
            String name;
            Integer staff;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "id" -> f.id = text(field);
                case "name" -> f.name = text(field);
                case "staff" -> f.staff = integer(field);
                default -> unbound();
            }
        });
        return new Department(f.id, f.name, orZero(f.staff));
    }

    private Period period(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            LocalDate from;
            LocalDate to;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "from" -> f.from = date(field);
                case "to" -> f.to = date(field);
                default -> unbound();
            }
        });
        return new Period(f.from, f.to);
    }

    private Integer volunteers(SchemaShape shape) throws IOException, Unsure {
        Integer[] registered = {null};
        object(shape, (name, field) -> {
            if (name.equals("registered")) {
                registered[0] = integer(field);
            } else {
                unbound();
            }
        });
        return registered[0];
    }

    private PlanDocument plan(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String id;
            String kind;
            String title;
            LocalDate date;
            List<Attachment> attachments;
            List<String> tags;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "id" -> f.id = text(field);
                case "kind" -> f.kind = word(field);
                case "title" -> f.title = text(field);
                case "date" -> f.date = date(field);
                case "attachments" -> f.attachments = list(field, this::attachment);
                case "tags" -> f.tags = list(field, this::word);
                default -> unbound();
            }
        });
        return new PlanDocument(f.id, f.kind, f.title, f.date, f.attachments, f.tags);
    }

    /** The activities; beyond the limit they are only counted (and, checking, their keys checked). */
    private List<Activity> activities(SchemaShape shape) throws IOException, Unsure {
        return list(shape, items -> {
            activityCount++;
            if (activityCount > maxActivities) {
                skip();
                return null;
            }
            return activity(items, activityCount - 1);
        });
    }

    private Activity activity(SchemaShape shape, int index) throws IOException, Unsure {
        var f = new Object() {
            String id;
            String type;
            String title;
            LocalDate date;
            LocalDate endDate;
            String organizer;
            AttendanceCounts attendance;
            Integer participants;
            Double volunteerHours;
            Double amount;
            List<String> tags;
            List<Attachment> attachments;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "id" -> f.id = text(field);
                case "type" -> f.type = word(field);
                case "title" -> f.title = text(field);
                case "date" -> f.date = date(field);
                case "endDate" -> f.endDate = date(field);
                case "organizer" -> f.organizer = word(field);
                case "attendance" -> f.attendance = attendance(field, index);
                case "participants" -> f.participants = integer(field);
                case "volunteerHours" -> f.volunteerHours = decimal(field);
                case "amount" -> f.amount = decimal(field);
                case "tags" -> f.tags = list(field, this::word);
                case "attachments" -> f.attachments = list(field, this::attachment);
                default -> unbound();
            }
        });
        return new Activity(f.id, f.type, f.title, f.date, f.endDate, f.organizer,
                f.attendance, f.participants, f.volunteerHours, f.amount,
                f.tags, f.attachments);
    }

    private AttendanceCounts attendance(SchemaShape shape, int activity) throws IOException, Unsure {
        var f = new Object() {
            String[] departments = new String[8];
            int[] counts = new int[8];
            int size;
            Set<String> seen; // for a long list only: a short one is scanned
        };
        object(shape, (name, field) -> {
            if (f.size == f.departments.length) {
                f.departments = Arrays.copyOf(f.departments, f.size * 2);
                f.counts = Arrays.copyOf(f.counts, f.size * 2);
            }
            expect(!repeated(name, f.departments, f.size, f.seen)); // a department twice
            if (f.size == SCANNED) {
                f.seen = new HashSet<>(Arrays.asList(f.departments).subList(0, f.size));
            }
            if (f.seen != null) {
                f.seen.add(name);
            }
            f.departments[f.size] = name;
            f.counts[f.size] = integer(field);
            f.size++;
        });
        AttendanceCounts counts = new AttendanceCounts(Arrays.copyOf(f.departments, f.size), Arrays.copyOf(f.counts, f.size));
        Attendance attendance = new Attendance(activity, counts);
        if (departmentIds != null) {
            attendance.check();
        } else {
            unchecked.add(attendance);
        }
        return counts;
    }

    /** Departments of one attendance scanned for repeats; beyond, a set. */
    private static final int SCANNED = 16;

    private static boolean repeated(String name, String[] departments, int size, Set<String> seen) {
        if (seen != null) {
            return seen.contains(name);
        }
        for (int i = 0; i < size; i++) {
            if (departments[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The attendance of one activity, to check once the departments are known. */
    private final class Attendance {
        private final int activity;
        private final AttendanceCounts counts;

        Attendance(int activity, AttendanceCounts counts) {
            this.activity = activity;
            this.counts = counts;
        }

        // Attendance is counted per department, so every key names one.
        void check() {
            for (int i = 0; i < counts.size(); i++) {
                String key = counts.department(i);
                if (!departmentIds.contains(key)) {
                    String attendancePath = JsonPaths.index("$.activities", activity) + ".attendance";
                    attendanceFaults.add(new InputProblem(JsonPaths.field(attendancePath, key),
                            InputTexts.quote(key) + "不是任何科室的编号（科室编号有：" + String.join("、", departmentIds) + "）"));
                }
            }
        }
    }

    private Attachment attachment(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String kind;
            String file;
            LocalDate date;
            boolean present = true;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "kind" -> f.kind = word(field);
                case "file" -> {
                    f.file = text(field);
                    // An attachment names a file inside the package, never outside it.
                    String problem = RelativePaths.attachmentProblem(f.file);
                    if (problem != null) {
                        fileFaults.add(new InputProblem(path(), problem));
                    } else {
                        f.present = files.present(f.file, this::path);
                    }
                }
                case "date" -> f.date = date(field);
                default -> unbound();
            }
        });
        return new Attachment(f.kind, f.file, f.date, f.present);
    }

    private Honor honor(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String title;
            String level;
            LocalDate date;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "title" -> f.title = text(field);
                case "level" -> f.level = word(field);
                case "date" -> f.date = date(field);
                default -> unbound();
            }
        });
        return new Honor(f.title, f.level, f.date);
    }

    private Incident incident(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String id;
            String type;
            LocalDate date;
            String severity;
            String description;
            boolean resolved;
            String role;
            Integer count;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "id" -> f.id = text(field);
                case "type" -> f.type = word(field);
                case "date" -> f.date = date(field);
                case "severity" -> f.severity = word(field);
                case "description" -> f.description = text(field);
                case "resolved" -> f.resolved = bool(field);
                case "role" -> f.role = word(field);
                case "count" -> f.count = integer(field);
                default -> unbound();
            }
        });
        return new Incident(f.id, f.type, f.date, f.severity, f.description, f.resolved, f.role,
                f.count == null ? 1 : f.count);
    }

    private PreviousFinding previousFinding(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String id;
            String finding;
            boolean rectified;
            LocalDate rectifiedOn;
            List<String> files;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "id" -> f.id = text(field);
                case "finding" -> f.finding = text(field);
                case "rectified" -> f.rectified = bool(field);
                case "rectifiedOn" -> f.rectifiedOn = date(field);
                case "files" -> f.files = list(field, this::text);
                default -> unbound();
            }
        });
        return new PreviousFinding(f.id, f.finding, f.rectified, f.rectifiedOn, f.files);
    }

    private Claim claim(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String indicator;
            double score;
            String note;
            List<String> files;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "indicator" -> f.indicator = word(field);
                case "score" -> f.score = decimal(field);
                case "note" -> f.note = text(field);
                case "files" -> f.files = list(field, this::text);
                default -> unbound();
            }
        });
        return new Claim(f.indicator, f.score, f.note, f.files);
    }

    private Survey survey(SchemaShape shape) throws IOException, Unsure {
        var f = new Object() {
            String kind;
            Integer respondents;
            Integer satisfied;
            LocalDate date;
        };
        object(shape, (name, field) -> {
            switch (name) {
                case "kind" -> f.kind = word(field);
                case "respondents" -> f.respondents = integer(field);
                case "satisfied" -> f.satisfied = integer(field);
                case "date" -> f.date = date(field);
                default -> unbound();
            }
        });
        return new Survey(f.kind, orZero(f.respondents), orZero(f.satisfied), f.date);
    }
}
