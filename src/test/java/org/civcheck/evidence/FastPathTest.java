package org.civcheck.evidence;

import static org.civcheck.evidence.TestPackages.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The quick way of reading a package must never change what a package gets: reading the bytes
 * in one checking pass may only finish for what networknt passes, it must give exactly the
 * records, warnings and faults of the strict way (tree, validator, trusting read), and binding
 * field by field must give what Jackson's record binding gave. All three are tried on the
 * example package changed at every node in many ways, valid and not.
 */
class FastPathTest {

    private static final PackageSchema SCHEMA = PackageSchema.get();
    private static final EvidencePackageReader READER = new EvidencePackageReader(ReadLimits.defaults());

    /** Values put at every node: each kind of JSON, and the edges of the contract's keywords. */
    private static final List<String> VALUES = List.of(
            "\"\"", "\"x\"", "\"2025-03-14\"", "\"2025-02-30\"", "\"2025/3/6\"", "\"2025-03-14\\n\"",
            "\"2025-03-1\uFF14\"", "\"+2025-03-14\"", "\"JD-Office\"", "\"jd-office\"", "\"self\"", "\"minutes\"",
            "\"municipal\"", "\"featured\"", "\"../x.pdf\"", "\"C:/x.pdf\"",
            "0", "-1", "1", "2", "1.0", "20.0", "7.5", "-0.0", "1e2", "1e400", "-1e400", "2147483647",
            "2147483648", "3000000000", "-2147483648", "-2147483649", "12345678901234567890123",
            "true", "false", "null", "[]", "{}", "[\"x\"]", "[1, 2]", "{\"a\": 1}");

    /**
     * The old binding, kept as the reference: Jackson binds records from a copy whose two
     * differences from the contract are filled in as the reader did before.
     */
    private static final ObjectMapper RECORDS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("dates").addDeserializer(LocalDate.class, new JsonDeserializer<LocalDate>() {
                @Override
                public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                    return LocalDate.parse(parser.getValueAsString());
                }
            }))
            .build();

    @Test
    void shippedSchemaIsCompiledForTheFastPathAndTheExamplePassesIt() {
        assertTrue(SCHEMA.shape().fastPathSupported());
        assertTrue(readsChecking(TestPackages.bytes(example())));
    }

    @Test
    void optionalFieldsLeftOutAndUnknownFieldsAddedStillPassTheFastPath() {
        ObjectNode pkg = example();
        pkg.remove(List.of("plans", "volunteers", "honors", "incidents", "surveys", "inspectionDate"));
        TestPackages.object(pkg, "/unit").remove(List.of("titleSince", "partyMembers", "coordinator"));
        TestPackages.object(pkg, "/activities/0").remove(List.of("organizer", "attendance", "attachments"));
        TestPackages.object(pkg, "/activities/0").put("备注", "x").putObject("extra").put("a", 1);
        pkg.put("generator", "excel");

        assertTrue(readsChecking(TestPackages.bytes(pkg)));
    }

    @Test
    void fastPathOnlyPassesWhatTheValidatorPassesAndBindingMatchesJackson() {
        int variants = 0;
        int accepted = 0;
        for (String pointer : pointers(example(), "")) {
            for (String value : VALUES) {
                ObjectNode pkg = example();
                replace(pkg, pointer, node(value));
                accepted += check(pkg, pointer + " = " + value);
                variants++;
            }
            ObjectNode without = example();
            remove(without, pointer);
            accepted += check(without, "no " + pointer);
            variants++;
            ObjectNode extended = example();
            if (extended.at(pointer) instanceof ObjectNode object) {
                object.put("extra", 1).put("present", false).put("registeredVolunteers", 3);
                accepted += check(extended, pointer + " + unknown fields");
                variants++;
            }
        }
        assertTrue(variants > 3000, "variants: " + variants);
        assertTrue(accepted > 100, "accepted: " + accepted);
    }

    /**
     * Checks one variant; 1 when the reader accepted it. The variant is judged as the text
     * read ({@code 1e400} in a tree is written as the string {@code "Infinity"}).
     */
    private static int check(ObjectNode variant, String name) {
        byte[] bytes = TestPackages.bytes(variant);
        ObjectNode pkg = (ObjectNode) node(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        if (readsChecking(bytes)) {
            assertEquals(List.of(), SCHEMA.validate(pkg), "fast path passed " + name);
        }
        PackageReading reading = READER.read(bytes, "evidence.json");
        assertEquals(READER.readStrictly(bytes, null), reading, "both ways of " + name);
        if (!reading.isAccepted()) {
            return 0;
        }
        assertEquals(jacksonBinding(pkg), reading.evidence(), "binding of " + name);
        return 1;
    }

    /** True when the checking read gets to the end of the package without a doubt. */
    private static boolean readsChecking(byte[] bytes) {
        try (JsonParser parser = new StrictJsonParser(ReadLimits.defaults()).quickParser(bytes)) {
            PackageStream.checking(parser, SCHEMA.shape().root(), Integer.MAX_VALUE, new AttachmentFiles(null));
            return true;
        } catch (IOException | PackageStream.Unsure e) {
            return false;
        }
    }

    private static EvidencePackage jacksonBinding(ObjectNode accepted) {
        ObjectNode known = accepted.deepCopy();
        known.remove("registeredVolunteers");
        forEachAttachment(known, attachment -> attachment.put("present", true));
        JsonNode registered = known.path("volunteers").path("registered");
        if (!registered.isMissingNode()) {
            known.set("registeredVolunteers", registered);
        }
        known.remove("volunteers");
        try {
            return RECORDS.treeToValue(known, EvidencePackage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forEachAttachment(ObjectNode pkg, Consumer<ObjectNode> action) {
        for (String list : List.of("plans", "activities")) {
            for (JsonNode item : pkg.path(list)) {
                for (JsonNode attachment : item.path("attachments")) {
                    action.accept((ObjectNode) attachment);
                }
            }
        }
    }

    /** JSON pointers of every node below {@code node}. */
    private static List<String> pointers(JsonNode node, String at) {
        List<String> pointers = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                String pointer = at + "/" + name;
                pointers.add(pointer);
                pointers.addAll(pointers(node.get(name), pointer));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String pointer = at + "/" + i;
                pointers.add(pointer);
                pointers.addAll(pointers(node.get(i), pointer));
            }
        }
        return pointers;
    }

    private static void replace(ObjectNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    private static void remove(ObjectNode root, String pointer) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
    }

    private static JsonNode node(String json) {
        try {
            return TestPackages.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
