package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/**
 * Walks a schema-valid package beside its schema. It copies the fields the contract knows,
 * reports every other field as unknown, and finds the nodes of a named definition wherever
 * they occur ({@code date}, {@code attachment}), so that checks need no list of places.
 */
final class ContractWalk {

    static final String DATE = "date";
    static final String ATTACHMENT = "attachment";

    private static final String DEFS_PREFIX = "#/$defs/";

    /** A node of the known-fields copy, with its path in the input. */
    record Located(String path, JsonNode node) {}

    /**
     * What the walk found.
     *
     * @param known         a private copy of the package with only the contract's fields; safe to change
     * @param unknownFields a warning for every field the contract does not know
     * @param definitions   nodes of {@code known} by the name of their {@code $defs} entry, in document order
     */
    record Result(ObjectNode known, List<InputProblem> unknownFields, Map<String, List<Located>> definitions) {

        /** The nodes of one definition, in document order. */
        List<Located> nodesOf(String definition) {
            return definitions.getOrDefault(definition, List.of());
        }
    }

    private final JsonNode schemaRoot;

    ContractWalk(JsonNode schemaRoot) {
        this.schemaRoot = schemaRoot;
    }

    /** Walks a package that passed the schema (so its root is an object). */
    Result walk(JsonNode instance) {
        List<InputProblem> unknown = new ArrayList<>();
        Map<String, List<Located>> definitions = new HashMap<>();
        JsonNode known = walk(instance, schemaRoot, JsonPaths.ROOT, unknown, definitions);
        return new Result((ObjectNode) known, List.copyOf(unknown), definitions);
    }

    private JsonNode walk(JsonNode node, JsonNode schema, String path,
            List<InputProblem> unknown, Map<String, List<Located>> definitions) {
        String definition = null;
        if (schema.has("$ref")) {
            definition = definitionName(schema.get("$ref").asText());
            schema = schemaRoot.path("$defs").path(definition);
        }
        JsonNode copy;
        if (node.isObject()) {
            copy = walkObject(node, schema, path, unknown, definitions);
        } else if (node.isArray() && schema.has("items")) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                array.add(walk(node.get(i), schema.get("items"), JsonPaths.index(path, i), unknown, definitions));
            }
            copy = array;
        } else {
            copy = node.deepCopy();
        }
        if (definition != null) {
            definitions.computeIfAbsent(definition, name -> new ArrayList<>()).add(new Located(path, copy));
        }
        return copy;
    }

    private ObjectNode walkObject(JsonNode node, JsonNode schema, String path,
            List<InputProblem> unknown, Map<String, List<Located>> definitions) {
        JsonNode properties = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        if (properties == null && additional == null) {
            return (ObjectNode) node.deepCopy();
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        for (Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            String fieldPath = JsonPaths.field(path, name);
            if (properties != null && properties.has(name)) {
                copy.set(name, walk(field.getValue(), properties.get(name), fieldPath, unknown, definitions));
            } else if (additional != null && additional.isObject()) {
                copy.set(name, walk(field.getValue(), additional, fieldPath, unknown, definitions));
            } else {
                unknown.add(new InputProblem(fieldPath, "未知字段，已忽略"));
            }
        }
        return copy;
    }

    private static String definitionName(String ref) {
        if (!ref.startsWith(DEFS_PREFIX)) {
            throw new IllegalStateException("Schema $ref " + ref + " is not a local #/$defs/ reference.");
        }
        return ref.substring(DEFS_PREFIX.length());
    }
}
