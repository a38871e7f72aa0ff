package org.civcheck.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test inputs: the example package as an editable tree, and zips built in memory. */
final class TestPackages {

    static final ObjectMapper JSON = new ObjectMapper();

    private TestPackages() {}

    /** A fresh, editable copy of {@code evidence/example-package.json}. */
    static ObjectNode example() {
        try (InputStream in = TestPackages.class.getResourceAsStream("/evidence/example-package.json")) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object at a JSON pointer of {@code root}, for editing. */
    static ObjectNode object(JsonNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }

    /** The array at a JSON pointer of {@code root}, for editing. */
    static ArrayNode array(JsonNode root, String pointer) {
        return (ArrayNode) root.at(pointer);
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The warnings of a plain JSON package after its first, which says that its attachments were
     * not verified (see {@code PackageWarningsTest}); for tests about the other warnings.
     */
    static java.util.List<org.civcheck.evidence.InputProblem> otherWarnings(PackageReading reading) {
        var warnings = reading.warnings();
        if (warnings.isEmpty() || !warnings.get(0).message().startsWith("这是单独的 JSON 证据包")) {
            throw new AssertionError("expected the unverified-attachments warning first: " + warnings);
        }
        return warnings.subList(1, warnings.size());
    }

    static PackageReading read(JsonNode tree) {
        return read(bytes(tree));
    }

    static PackageReading read(byte[] bytes) {
        return new EvidencePackageReader(ReadLimits.defaults()).read(bytes, "package.json");
    }

    /** A deflated zip of the entries, in the map's order, with UTF-8 names. */
    static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, StandardCharsets.UTF_8);
    }

    /** A deflated zip whose names are written in {@code names} (without the UTF-8 flag unless UTF-8). */
    static byte[] zip(Map<String, byte[]> entries, Charset names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, names)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
