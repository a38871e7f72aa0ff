package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One subschema of the contract's JSON Schema, compiled once with every {@code $ref} resolved.
 * It serves two purposes:
 *
 * <ul>
 * <li>{@link PackageStream} reads a package beside it: which fields the contract knows
 *     ({@link #propertyIndex}, {@link #additional}) and what array elements are ({@link #items}).</li>
 * <li>{@link #surelyAccepts}, {@link #surelyAcceptsObject} and {@link #surelyAcceptsArray} are
 *     quick, conservative answers to "does this value satisfy this subschema's own keywords".
 *     {@code true} means the networknt validator would surely find no fault there; anything
 *     unusual (a float where an integer belongs, an infinite number, a type mismatch...) gives
 *     {@code false}, and then the reader lets networknt validate the whole package and reports
 *     networknt's faults. So this class never decides what a fault says, only that there is
 *     surely none.</li>
 * </ul>
 *
 * <p>Known keywords: {@code type}, {@code const}, {@code enum}, {@code required},
 * {@code properties}, {@code additionalProperties}, {@code items}, {@code minimum},
 * {@code maximum}, {@code minItems}, {@code maxItems}, {@code minLength}, {@code maxLength},
 * {@code pattern} (judged by networknt itself, but for the date pattern on a plain
 * {@code yyyy-MM-dd}), {@code $ref} to {@code #/$defs/}, and annotations. A schema that uses any
 * other keyword, or another dialect than 2020-12, compiles with
 * {@link Compiled#fastPathSupported()} false: every package then goes to networknt.
 */
final class SchemaShape {

    private static final String DEFS_PREFIX = "#/$defs/";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final String ISO_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

    /** Keywords that never make a node invalid (annotations, or containers read elsewhere). */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$defs", "$comment", "title", "description");

    private static final int STRING = 1;
    private static final int INTEGER = 1 << 1;
    private static final int NUMBER = 1 << 2;
    private static final int OBJECT = 1 << 3;
    private static final int ARRAY = 1 << 4;
    private static final int BOOLEAN = 1 << 5;
    private static final int NULL = 1 << 6;

    private static final Map<String, Integer> TYPES = Map.of(
            "string", STRING, "integer", INTEGER, "number", NUMBER, "object", OBJECT,
            "array", ARRAY, "boolean", BOOLEAN, "null", NULL);

    /** The schema compiled, and whether {@link #surelyAccepts} may be trusted for it. */
    record Compiled(SchemaShape root, boolean fastPathSupported) {}

    /** Most known fields of one object: their presence is one bit each of a {@code long}. */
    static final int MAX_PROPERTIES = Long.SIZE;

    /** Positions of the known fields ({@code properties}) in {@link #propertyShapes}, or null when there are none. */
    private Map<String, Integer> propertyIndex;
    private SchemaShape[] propertyShapes = new SchemaShape[0];
    /** The known fields' names by position, for {@link #propertyIndex}. */
    private String[] propertyNames = new String[0];
    /** Bit {@code i} is set when known field {@code i} is {@code required}. */
    private long requiredMask;

    /** The subschema of every other field ({@code additionalProperties} as an object), or null. */
    SchemaShape additional;

    /** The subschema of array elements, or null. */
    SchemaShape items;

    private int types;
    private JsonNode constant;
    private Set<String> enumTexts;
    private String[] required = new String[0];
    private boolean noAdditional;
    private JsonNode minimum;
    private JsonNode maximum;
    /**
     * The groups of keywords beyond {@code type} this subschema has, set once compiled: a value of
     * another kind surely passes none of a group's keywords.
     */
    private int keywordGroups;
    private static final int VALUE_KEYWORDS = 1;      // const, enum
    private static final int OBJECT_KEYWORDS = 1 << 1; // required, additionalProperties: false
    private static final int ARRAY_KEYWORDS = 1 << 2;  // minItems, maxItems
    private static final int NUMBER_KEYWORDS = 1 << 3; // minimum, maximum
    private static final int TEXT_KEYWORDS = 1 << 4;   // minLength, maxLength, pattern
    private int minItems = -1;
    private int maxItems = -1;
    private int minLength = -1;
    private int maxLength = -1;
    private boolean isoDatePattern;
    private Schema pattern;

    private SchemaShape() {}

    /**
     * Compiles a schema document; {@code registry} builds the networknt schemas that judge
     * {@code pattern}s, so that regular expressions mean exactly what they mean to networknt.
     */
    static Compiled compile(JsonNode schemaRoot, SchemaRegistry registry) {
        Compiler compiler = new Compiler(schemaRoot, registry);
        JsonNode dialect = schemaRoot.get("$schema");
        if (dialect != null && !DRAFT_2020_12.equals(dialect.asText())) {
            compiler.supported = false;
        }
        SchemaShape root = compiler.compile(schemaRoot);
        compiler.finish();
        return new Compiled(root, compiler.supported);
    }

    /** The position of known field {@code name} (from 0), or -1 when the schema's {@code properties} do not name it. */
    int propertyIndex(String name) {
        if (propertyIndex == null) {
            return -1;
        }
        // Field names from Jackson are interned, as are the schema's own: most lookups end here.
        for (int i = 0; i < propertyNames.length; i++) {
            if (propertyNames[i] == name) {
                return i;
            }
        }
        Integer index = propertyIndex.get(name);
        return index == null ? -1 : index;
    }

    /** The subschema of the known field at {@code index}. */
    SchemaShape property(int index) {
        return propertyShapes[index];
    }

    /**
     * True when the networknt validator would surely find no fault, for this subschema's own
     * keywords, in an object that has the known fields whose bits are set in {@code present}
     * (see {@link #propertyIndex}) and, when {@code others}, fields that are not known.
     */
    boolean surelyAcceptsObject(long present, boolean others) {
        return only(OBJECT, OBJECT_KEYWORDS) && (present & requiredMask) == requiredMask && !(noAdditional && others);
    }

    /** True when the networknt validator would surely find no fault in an array of {@code size} elements, for this subschema's own keywords. */
    boolean surelyAcceptsArray(int size) {
        return only(ARRAY, ARRAY_KEYWORDS) && size >= minItems && (maxItems < 0 || size <= maxItems);
    }

    /** True when the whole number {@code value} surely passes this subschema; false when unsure. */
    boolean surelyAcceptsWhole(long value) {
        return only(INTEGER, NUMBER_KEYWORDS)
                && (minimum == null || isWhole(minimum) && value >= minimum.longValue())
                && (maximum == null || isWhole(maximum) && value <= maximum.longValue());
    }

    /** True when every string surely passes this subschema: it asks for nothing but, at most, a string. */
    boolean acceptsEveryText() {
        return only(STRING, 0);
    }

    /**
     * True when every text of the {@code yyyy-MM-dd} shape ({@link IsoDates#hasDateShape}) surely
     * passes this subschema: it asks only for a string of the contract's date pattern.
     */
    boolean acceptsEveryDateShapedText() {
        return only(STRING, TEXT_KEYWORDS) && isoDatePattern && minLength < 0 && maxLength < 0;
    }

    /**
     * True when a value of {@code type} may pass this subschema's {@code type}, and it has no
     * keywords but those of {@code allowed} (groups of {@link #keywordGroups}).
     */
    private boolean only(int type, int allowed) {
        return (types == 0 || (types & type) != 0) && (keywordGroups & ~allowed) == 0;
    }

    /**
     * True when the networknt validator would surely find no fault in {@code node} for this
     * subschema's own keywords (subschemas of fields and elements are asked separately).
     * False when there may be one.
     */
    boolean surelyAccepts(JsonNode node) {
        if (types != 0 && !surelyOfType(node)) {
            return false;
        }
        if (constant != null && !(constant.getClass() == node.getClass() && constant.equals(node))) {
            return false;
        }
        if (enumTexts != null && !(node.isTextual() && enumTexts.contains(node.textValue()))) {
            return false;
        }
        if (required.length > 0 || noAdditional) {
            if (!node.isObject() || !hasRequired(node) || noAdditional && hasAdditional(node)) {
                return false;
            }
        }
        if (minimum != null || maximum != null) {
            if (!node.isNumber() || minimum != null && !atLeast(node, minimum) || maximum != null && !atLeast(maximum, node)) {
                return false;
            }
        }
        if (minItems >= 0 || maxItems >= 0) {
            if (!node.isArray() || node.size() < minItems || maxItems >= 0 && node.size() > maxItems) {
                return false;
            }
        }
        if (minLength >= 0 || maxLength >= 0 || pattern != null || isoDatePattern) {
            return node.isTextual() && surelyAcceptsText(node);
        }
        return true;
    }

    private boolean surelyAcceptsText(JsonNode node) {
        String text = node.textValue();
        if (minLength >= 0 && text.codePointCount(0, text.length()) < minLength) {
            return false;
        }
        if (maxLength >= 0 && text.length() > maxLength) {
            return false;
        }
        if (isoDatePattern && IsoDates.hasDateShape(text)) {
            return true;
        }
        return pattern == null || pattern.validate(node).isEmpty();
    }

    private boolean surelyOfType(JsonNode node) {
        int kind;
        if (node.isTextual()) {
            kind = STRING;
        } else if (node.isInt() || node.isLong()) {
            kind = INTEGER | NUMBER;
        } else if (node.isDouble() && Double.isFinite(node.doubleValue())) {
            kind = NUMBER;
        } else if (node.isObject()) {
            kind = OBJECT;
        } else if (node.isArray()) {
            kind = ARRAY;
        } else if (node.isBoolean()) {
            kind = BOOLEAN;
        } else if (node.isNull()) {
            kind = NULL;
        } else {
            return false;
        }
        return (types & kind) != 0;
    }

    private boolean hasRequired(JsonNode node) {
        for (String name : required) {
            if (!node.has(name)) {
                return false;
            }
        }
        return true;
    }

    /** Fields other than the {@code properties}; counted, as iterating a node's fields may change it. */
    private boolean hasAdditional(JsonNode node) {
        int known = 0;
        if (propertyIndex != null) {
            for (String name : propertyIndex.keySet()) {
                if (node.has(name)) {
                    known++;
                }
            }
        }
        return known < node.size();
    }

    /** Surely {@code high >= low}, for whole numbers and finite doubles; false when unsure. */
    private static boolean atLeast(JsonNode high, JsonNode low) {
        if (isWhole(high) && isWhole(low)) {
            return high.longValue() >= low.longValue();
        }
        if (isFiniteDouble(high) && isExactDoubleWhole(low)) {
            return high.doubleValue() >= low.longValue();
        }
        if (isExactDoubleWhole(high) && isFiniteDouble(low)) {
            return high.longValue() >= low.doubleValue();
        }
        return false;
    }

    private static boolean isWhole(JsonNode node) {
        return node.isInt() || node.isLong();
    }

    private static boolean isFiniteDouble(JsonNode node) {
        return node.isDouble() && Double.isFinite(node.doubleValue());
    }

    /** A whole number that a double holds exactly, so comparing as doubles is comparing exactly. */
    private static boolean isExactDoubleWhole(JsonNode node) {
        return isWhole(node) && Math.abs(node.longValue()) <= (1L << 53);
    }

    /** Builds the shapes, one per subschema and one per {@code $defs} entry however often referenced. */
    private static final class Compiler {
        private final JsonNode root;
        private final SchemaRegistry registry;
        private final Map<String, SchemaShape> definitions = new HashMap<>();
        private final List<SchemaShape> compiled = new ArrayList<>();
        private boolean supported = true;

        Compiler(JsonNode root, SchemaRegistry registry) {
            this.root = root;
            this.registry = registry;
        }

        SchemaShape compile(JsonNode schema) {
            SchemaShape shape = newShape();
            if (schema.isBoolean()) {
                // true accepts everything; false nothing, which only networknt reports.
                supported &= schema.booleanValue();
                return shape;
            }
            if (!schema.isObject()) {
                supported = false; // e.g. the tuple form of items, which 2020-12 spells prefixItems
                return shape;
            }
            JsonNode ref = schema.get("$ref");
            if (ref != null) {
                if (schema.size() > 1) {
                    supported = false; // siblings of $ref: the walk follows only the $ref
                }
                return reference(ref.asText());
            }
            for (Map.Entry<String, JsonNode> keyword : schema.properties()) {
                read(shape, keyword.getKey(), keyword.getValue());
            }
            return shape;
        }

        private SchemaShape newShape() {
            SchemaShape shape = new SchemaShape();
            compiled.add(shape);
            return shape;
        }

        /**
         * Once every keyword is read: the required fields as bits of the known ones. A required
         * field the properties do not name, or more known fields than bits, leaves the fast
         * path unsupported.
         */
        void finish() {
            for (SchemaShape shape : compiled) {
                shape.keywordGroups = (shape.constant != null || shape.enumTexts != null ? VALUE_KEYWORDS : 0)
                        | (shape.required.length > 0 || shape.noAdditional ? OBJECT_KEYWORDS : 0)
                        | (shape.minItems >= 0 || shape.maxItems >= 0 ? ARRAY_KEYWORDS : 0)
                        | (shape.minimum != null || shape.maximum != null ? NUMBER_KEYWORDS : 0)
                        | (shape.minLength >= 0 || shape.maxLength >= 0 || shape.pattern != null || shape.isoDatePattern
                                ? TEXT_KEYWORDS : 0);
                if (shape.propertyShapes.length > MAX_PROPERTIES) {
                    supported = false;
                    continue;
                }
                for (String name : shape.required) {
                    int index = shape.propertyIndex(name);
                    if (index < 0) {
                        supported = false;
                    } else {
                        shape.requiredMask |= 1L << index;
                    }
                }
            }
        }

        private SchemaShape reference(String ref) {
            if (!ref.startsWith(DEFS_PREFIX)) {
                throw new IllegalStateException("Schema $ref " + ref + " is not a local #/$defs/ reference.");
            }
            String name = ref.substring(DEFS_PREFIX.length());
            SchemaShape known = definitions.get(name);
            if (known != null) {
                return known;
            }
            JsonNode target = root.path("$defs").get(name);
            if (target == null) {
                throw new IllegalStateException("Schema $ref " + ref + " names no $defs entry.");
            }
            if (target.has("$ref")) {
                supported = false; // a definition that is only a reference: not needed, not supported
                return reference(target.get("$ref").asText());
            }
            SchemaShape shape = newShape();
            definitions.put(name, shape); // before its body, for definitions that refer to themselves
            for (Map.Entry<String, JsonNode> keyword : target.properties()) {
                read(shape, keyword.getKey(), keyword.getValue());
            }
            return shape;
        }

        private void read(SchemaShape shape, String keyword, JsonNode value) {
            switch (keyword) {
                case "type" -> shape.types = types(value);
                case "const" -> shape.constant = value;
                case "enum" -> readEnum(shape, value);
                case "required" -> shape.required = names(value);
                case "properties" -> {
                    shape.propertyIndex = new HashMap<>();
                    List<SchemaShape> shapes = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> property : value.properties()) {
                        shape.propertyIndex.put(property.getKey(), shapes.size());
                        shapes.add(compile(property.getValue()));
                    }
                    shape.propertyShapes = shapes.toArray(new SchemaShape[0]);
                    shape.propertyNames = new String[shapes.size()];
                    shape.propertyIndex.forEach((name, index) -> shape.propertyNames[index] = name);
                }
                case "additionalProperties" -> {
                    if (value.isObject()) {
                        shape.additional = compile(value);
                    } else if (value.isBoolean()) {
                        shape.noAdditional = !value.booleanValue();
                    } else {
                        supported = false;
                    }
                }
                case "items" -> shape.items = compile(value);
                case "minimum" -> shape.minimum = number(value);
                case "maximum" -> shape.maximum = number(value);
                case "minItems" -> shape.minItems = count(value);
                case "maxItems" -> shape.maxItems = count(value);
                case "minLength" -> shape.minLength = count(value);
                case "maxLength" -> shape.maxLength = count(value);
                case "pattern" -> {
                    if (ISO_DATE_PATTERN.equals(value.asText())) {
                        shape.isoDatePattern = true;
                    }
                    shape.pattern = patternSchema(value);
                }
                default -> supported &= ANNOTATIONS.contains(keyword);
            }
        }

        private int types(JsonNode value) {
            int bits = 0;
            List<JsonNode> names = new ArrayList<>();
            if (value.isArray()) {
                value.forEach(names::add);
            } else {
                names.add(value);
            }
            for (JsonNode name : names) {
                Integer bit = TYPES.get(name.asText());
                if (bit == null || !name.isTextual()) {
                    supported = false;
                    return 0;
                }
                bits |= bit;
            }
            if (bits == 0) {
                supported = false;
            }
            return bits;
        }

        private void readEnum(SchemaShape shape, JsonNode value) {
            Set<String> texts = new HashSet<>();
            for (JsonNode option : value) {
                if (option.isTextual()) {
                    texts.add(option.textValue()); // other options never match surely: networknt decides
                }
            }
            shape.enumTexts = texts;
            if (!value.isArray()) {
                supported = false;
            }
        }

        private String[] names(JsonNode value) {
            List<String> names = new ArrayList<>();
            for (JsonNode name : value) {
                if (!name.isTextual()) {
                    supported = false;
                }
                names.add(name.asText());
            }
            return names.toArray(new String[0]);
        }

        private JsonNode number(JsonNode value) {
            if (!(value.isInt() || value.isLong() || isFiniteDouble(value))) {
                supported = false;
            }
            return value;
        }

        private int count(JsonNode value) {
            if (!value.isInt() || value.intValue() < 0) {
                supported = false;
                return -1;
            }
            return value.intValue();
        }

        private Schema patternSchema(JsonNode value) {
            ObjectNode alone = JsonNodeFactory.instance.objectNode();
            alone.put("$schema", DRAFT_2020_12);
            alone.set("pattern", value);
            return registry.getSchema(alone);
        }
    }
}
