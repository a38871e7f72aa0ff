package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Walks a package beside its compiled schema ({@link SchemaShape}), once. It reports every field
 * the contract does not know as unknown, finds the nodes of the named definitions it is asked
 * for ({@code date}, {@code attachment}) wherever they occur, so that checks need no list of
 * places, and meanwhile asks every node whether it surely passes the schema.
 *
 * <p>The package is only read, never changed or copied: the checks and {@link PackageBinder}
 * read the contract's fields by name, so unknown fields never reach a record. The walk keeps
 * the path of the node at hand as a stack of steps, and makes an {@link InputPath} only for a
 * node it keeps or warns about; a package of 100,000 activities has millions of nodes.
 */
final class ContractWalk {

    static final String DATE = "date";
    static final String ATTACHMENT = "attachment";

    /** Selects every node of a definition. */
    static final Predicate<JsonNode> EVERY = node -> true;

    /** A node of the package, with its path in the input. */
    static final class Located {
        private final InputPath path;
        private final JsonNode node;

        Located(InputPath path, JsonNode node) {
            this.path = path;
            this.node = node;
        }

        /** The JSON path of the node, such as {@code $.activities[12].attachments[0]}. */
        String path() {
            return path.toString();
        }

        JsonNode node() {
            return node;
        }

        @Override
        public String toString() {
            return path() + "=" + node;
        }
    }

    /**
     * What the walk found.
     *
     * @param root          the package walked (not a copy; unknown fields are still in it)
     * @param unknownFields a warning for every field the contract does not know
     * @param definitions   the selected nodes by the name of their {@code $defs} entry, in document order
     * @param surelyValid   true when the package surely passes the JSON Schema; false when it
     *                      may not, and only the schema validator can tell
     */
    record Result(JsonNode root, List<InputProblem> unknownFields, Map<String, List<Located>> definitions,
            boolean surelyValid) {

        /** The selected nodes of one definition, in document order. */
        List<Located> nodesOf(String definition) {
            return definitions.getOrDefault(definition, List.of());
        }
    }

    private final SchemaShape schema;
    private final boolean fastPathSupported;

    ContractWalk(SchemaShape.Compiled schema) {
        this.schema = schema.root();
        this.fastPathSupported = schema.fastPathSupported();
    }

    /**
     * Walks a package; it may be any JSON (an invalid package is walked as far as it matches the
     * schema). Of the definitions named by the keys of {@code select}, it keeps the nodes that
     * the value selects ({@link #EVERY} for all of them). A selection is applied while the walk
     * is at the node, so it may read the node cheaply, and it must take any JSON.
     */
    Result walk(JsonNode instance, Map<String, Predicate<JsonNode>> select) {
        Walk walk = new Walk(select, fastPathSupported);
        walk.visit(instance, schema);
        return new Result(instance, List.copyOf(walk.unknown), walk.definitions, walk.surelyValid);
    }

    /** The state of one walk; it is the visitor of object fields, to need no object per object. */
    private static final class Walk implements BiConsumer<String, JsonNode> {
        private final Map<String, Predicate<JsonNode>> select;
        private final List<InputProblem> unknown = new ArrayList<>();
        private final Map<String, List<Located>> definitions = new HashMap<>();
        private boolean surelyValid;

        /** Steps from the root to the node at hand: field names, or null and an index for elements. */
        private String[] names = new String[16];
        private int[] indices = new int[16];
        private int depth;
        /** {@code paths[d]}: the path of the first {@code d} steps once made, null until needed. */
        private InputPath[] paths = new InputPath[17];

        /** The schema of the object whose fields are being visited. */
        private SchemaShape fields;

        Walk(Map<String, Predicate<JsonNode>> select, boolean surelyValid) {
            this.select = select;
            this.surelyValid = surelyValid;
        }

        void visit(JsonNode node, SchemaShape shape) {
            if (surelyValid && !shape.surelyAccepts(node)) {
                surelyValid = false;
            }
            if (node.isObject()) {
                if (shape.properties != null || shape.additional != null) {
                    SchemaShape outer = fields;
                    fields = shape;
                    // forEachEntry, not properties(): the latter stores a new entry set in every object's map
                    ((ObjectNode) node).forEachEntry(this);
                    fields = outer;
                }
            } else if (node.isArray() && shape.items != null) {
                for (int i = 0; i < node.size(); i++) {
                    push(null, i);
                    visit(node.get(i), shape.items);
                    depth--;
                }
            }
            if (shape.definition != null) {
                Predicate<JsonNode> selected = select.get(shape.definition);
                if (selected != null && selected.test(node)) {
                    definitions.computeIfAbsent(shape.definition, name -> new ArrayList<>()).add(new Located(path(depth), node));
                }
            }
        }

        /** Visits field {@code name} of the object whose schema is {@link #fields}. */
        @Override
        public void accept(String name, JsonNode value) {
            SchemaShape known = fields.properties == null ? null : fields.properties.get(name);
            if (known == null) {
                known = fields.additional;
            }
            push(name, -1);
            if (known != null) {
                visit(value, known);
            } else {
                unknown.add(new InputProblem(path(depth).toString(), "未知字段，已忽略"));
            }
            depth--;
        }

        private void push(String name, int index) {
            if (depth == names.length) {
                names = Arrays.copyOf(names, depth * 2);
                indices = Arrays.copyOf(indices, depth * 2);
                paths = Arrays.copyOf(paths, depth * 2 + 1);
            }
            names[depth] = name;
            indices[depth] = index;
            depth++;
            paths[depth] = null;
        }

        private InputPath path(int steps) {
            if (steps == 0) {
                return InputPath.ROOT;
            }
            InputPath path = paths[steps];
            if (path == null) {
                InputPath parent = path(steps - 1);
                path = names[steps - 1] != null ? parent.field(names[steps - 1]) : parent.index(indices[steps - 1]);
                paths[steps] = path;
            }
            return path;
        }
    }
}
