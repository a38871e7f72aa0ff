package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.InputProblem;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadBudget;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The words a package may use are the set's: a set that declares its own survey kind, attachment
 * kind and incident type in taxonomy.yaml gets packages using them accepted and read as its codes,
 * while the set that does not declare them names each place, in Chinese, with the nearest word it
 * knows. Met and refused, side by side, for the same package.
 */
class OpenVocabularyTest {

    @TempDir
    static Path dir;

    private static Assessor provincial;
    private static Assessor own;
    private static byte[] pkg;
    private static byte[] incidentOnly;

    @BeforeAll
    static void aSetWithItsOwnWords() throws IOException {
        Path set = dir.resolve("own-words");
        Files.createDirectories(set);
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, set.resolve(f.getFileName()));
            }
        }
        Path taxonomy = set.resolve("taxonomy.yaml");
        String yaml = Files.readString(taxonomy);
        for (String[] r : new String[][] {
                {"  - { id: public, name: 群众 }", "  - { id: public, name: 群众 }\n  - { id: patients, name: 患者 }"},
                {"  - { id: other,            name: 其他材料 }", "  - { id: host-script, name: 主持词 }\n  - { id: other,            name: 其他材料 }"},
                {"  - { id: ethics-scandal,       name: 道德失范 }", "  - { id: ethics-scandal,       name: 道德失范 }\n  - { id: uncivil-behaviour, name: 不文明行为 }"}}) {
            assertTrue(yaml.contains(r[0]), r[0]);
            yaml = yaml.replace(r[0], r[1]);
        }
        Files.writeString(taxonomy, yaml);
        provincial = load(Path.of("criteria/provincial"));
        own = load(set);

        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Path.of("examples/well-run-library.json").toFile());
        root.withArray("surveys").addObject().put("kind", "患者").put("respondents", 120).put("satisfied", 110)
                .put("date", "2025-11-20");
        ((ObjectNode) root.withArray("activities").get(0)).withArray("attachments").addObject().put("kind", "主持词")
                .put("file", "taizhang/host-script.docx");
        ObjectNode plain = (ObjectNode) json.readTree(Path.of("examples/well-run-library.json").toFile());
        for (ObjectNode r : List.of(root, plain)) {
            r.putArray("incidents").addObject().put("id", "inc-1").put("type", "不文明行为").put("date", "2025-06-01")
                .put("severity", "minor").put("description", "职工在公共场所吸烟").put("resolved", true);
        }
        pkg = json.writeValueAsBytes(root);
        incidentOnly = json.writeValueAsBytes(plain);
    }

    private static Assessor load(Path set) {
        AssessorLoading loading = AssessorLoading.load(set, Path.of("rules"));
        assertTrue(loading.isLoaded(), () -> loading.problems().toString());
        return loading.assessor();
    }

    private static PackageReading read(Assessor set) {
        return read(set, pkg);
    }

    private static PackageReading read(Assessor set, byte[] bytes) {
        return new EvidencePackageReader(ReadLimits.defaults()).read(bytes, "package.json", ReadBudget.NONE, set.vocabulary());
    }

    @Test
    void theSetThatDeclaresTheWordsReadsThemAsItsCodes() {
        PackageReading reading = read(own);
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        assertEquals("patients", reading.evidence().surveys().get(2).kind());
        assertEquals("host-script", reading.evidence().activities().get(0).attachments().stream()
                .filter(a -> a.file().equals("taizhang/host-script.docx")).findFirst().orElseThrow().kind());
        assertEquals("uncivil-behaviour", reading.evidence().incidents().get(0).type());
        assertTrue(reading.warnings().stream().noneMatch(w -> w.path().startsWith("$.incidents")), reading.warnings()::toString);
    }

    @Test
    void theSetThatDoesNotNamesEachPlaceInChineseWithItsChoices() {
        PackageReading reading = read(provincial);
        assertFalse(reading.isAccepted());
        List<String> said = Stream.concat(reading.faults().stream(), reading.warnings().stream())
                .map(p -> p.path() + " " + p.message()).toList();
        assertTrue(said.stream().anyMatch(s -> s.startsWith("$.surveys[2].kind 测评对象“患者”不在测评体系中")), said::toString);
        assertTrue(said.stream().anyMatch(s -> s.startsWith("$.activities[0].attachments[")
                && s.contains("材料种类“主持词”不在测评体系中")), said::toString);
        PackageReading incident = read(provincial, incidentOnly);
        assertTrue(incident.isAccepted(), "an unknown incident type only warns: " + incident.faults());
        InputProblem first = incident.warnings().get(0);
        assertEquals("$.incidents[0].type", first.path());
        assertTrue(first.message().startsWith("事件类型“不文明行为”不在测评体系中")
                && first.message().endsWith("该事件不参与一票否决判断"), first.message());
        said.forEach(s -> assertFalse(s.matches(".*[a-z]{4,}-[a-z]+.*"), "no code word in what a liaison reads: " + s));
    }
}
