package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON Schema of the contract ({@code /schema/evidence-package.schema.json}), loaded and
 * compiled once per JVM: validates a tree into Chinese faults (networknt), and gives its
 * compiled shape ({@link SchemaShape}) to {@link PackageStream}, which tells on the way the
 * packages that surely pass it, so that only the others need networknt.
 */
final class PackageSchema {

    static final String RESOURCE = "/schema/evidence-package.schema.json";

    private static final PackageSchema INSTANCE = load();

    private final Schema schema;
    private final SchemaShape.Compiled shape;
    private final String unitIdPattern;

    private PackageSchema(Schema schema, SchemaShape.Compiled shape, String unitIdPattern) {
        this.schema = schema;
        this.shape = shape;
        this.unitIdPattern = unitIdPattern;
    }

    /** The pattern of {@code unit.id}, as the schema states it ({@link UnitIds}). */
    String unitIdPattern() {
        return unitIdPattern;
    }

    /** The schema on the class path; it is part of the program, so a missing one is a bug. */
    static PackageSchema get() {
        return INSTANCE;
    }

    /** The schema compiled for {@link PackageStream}. */
    SchemaShape.Compiled shape() {
        return shape;
    }

    /** Every schema violation of {@code instance}, in document order, without repeats. */
    List<InputProblem> validate(JsonNode instance) {
        Set<InputProblem> faults = new LinkedHashSet<>();
        for (com.networknt.schema.Error error : schema.validate(instance)) {
            faults.add(SchemaMessages.toProblem(error));
        }
        return List.copyOf(faults);
    }

    private static PackageSchema load() {
        try (InputStream in = PackageSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Schema resource " + RESOURCE + " is missing from the class path.");
            }
            JsonNode tree = new ObjectMapper().readTree(in);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
            Schema schema = registry.getSchema(tree);
            String unitId = tree.at("/$defs/unit/properties/id/pattern").asText();
            if (unitId.isEmpty()) {
                throw new IllegalStateException("Schema resource " + RESOURCE + " states no pattern for unit.id.");
            }
            return new PackageSchema(schema, SchemaShape.compile(tree, registry), unitId);
        } catch (IOException e) {
            throw new IllegalStateException("Schema resource " + RESOURCE + " cannot be read.", e);
        }
    }
}
