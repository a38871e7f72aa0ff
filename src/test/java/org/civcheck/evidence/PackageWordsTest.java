package org.civcheck.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chinese names mean their codes; words the criteria set does not know are reported first, with the nearest word. */
class PackageWordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EvidencePackageReader reader = new EvidencePackageReader(ReadLimits.defaults());
    private final PackageVocabulary words = PackageVocabulary.standard();

    private ObjectNode example() throws Exception {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("examples/well-run-library.json")));
    }

    private PackageReading read(JsonNode tree) throws Exception {
        return reader.read(JSON.writeValueAsBytes(tree), "test.json", ReadBudget.NONE, words);
    }

    @Test
    void everyWordWrittenInChineseReadsAsItsCode() throws Exception {
        ObjectNode coded = example();
        ObjectNode chinese = coded.deepCopy();
        ((ObjectNode) chinese.get("unit")).put("level", words.name(WordField.UNIT_LEVEL, chinese.get("unit").get("level").asText()));
        for (JsonNode a : chinese.withArray("activities")) {
            ObjectNode activity = (ObjectNode) a;
            activity.put("type", words.name(WordField.ACTIVITY_TYPE, activity.get("type").asText()));
            if (activity.has("organizer")) {
                activity.put("organizer", words.name(WordField.ORGANIZER, activity.get("organizer").asText()));
            }
            for (JsonNode att : activity.withArray("attachments")) {
                ((ObjectNode) att).put("kind", words.name(WordField.ATTACHMENT_KIND, att.get("kind").asText()));
            }
        }
        for (JsonNode d : chinese.withArray("plans")) {
            ((ObjectNode) d).put("kind", words.name(WordField.DOCUMENT_KIND, d.get("kind").asText()));
        }
        assertEquals("理论学习", words.name(WordField.ACTIVITY_TYPE, "theory-study"));
        PackageReading fromCodes = read(coded);
        PackageReading fromNames = read(chinese);
        assertTrue(fromNames.isAccepted(), () -> fromNames.faults().toString());
        assertEquals(fromCodes.evidence(), fromNames.evidence());
        assertEquals(fromCodes.warnings(), fromNames.warnings());
    }

    @Test
    void anUnknownActivityTypeIsTheFirstWarningWithTheNearestWord() throws Exception {
        ObjectNode pkg = example();
        ((ObjectNode) pkg.withArray("activities").get(3)).put("type", "理论学些");
        PackageReading reading = read(pkg);
        assertTrue(reading.isAccepted());
        InputProblem first = reading.warnings().get(0);
        assertEquals("$.activities[3].type", first.path());
        assertEquals("活动类型“理论学些”不在测评体系中 → 是否为“理论学习”？该活动不计入任何指标", first.message());
        assertEquals("理论学习", first.nearest());
    }

    @Test
    void anUnknownCodeIsAnsweredWithTheNearestCode() throws Exception {
        ObjectNode pkg = example();
        ((ObjectNode) pkg.withArray("activities").get(0)).put("type", "theory-studdy");
        assertEquals("theory-study", read(pkg).warnings().get(0).nearest());
    }

    @Test
    void anUnknownOrganizerRefusesThePackageNamingThePlaceAndTheChoices() throws Exception {
        ObjectNode pkg = example();
        ((ObjectNode) pkg.withArray("activities").get(1)).put("organizer", "文明委");
        PackageReading reading = read(pkg);
        assertFalse(reading.isAccepted());
        assertEquals(List.of(new InputProblem("$.activities[1].organizer",
                "组织方“文明委”不在测评体系中 → 是否为“文明办”？可填：本单位、文明办、上级部门、共建单位", "文明委", "文明办")),
                reading.faults());
    }

    @Test
    void aSetThatDeclaresItsOwnDocumentKindAcceptsItAndStillReadsTheStandardNames() throws Exception {
        PackageVocabulary set = words.declaring(WordField.DOCUMENT_KIND, List.of(
                new Word("annual-plan", List.of("年度计划")), new Word("implementation-plan", List.of("实施方案"))));
        assertEquals("implementation-plan", set.code(WordField.DOCUMENT_KIND, "实施方案"));
        assertEquals("annual-plan", set.code(WordField.DOCUMENT_KIND, "年度创建计划"));
        assertEquals(null, set.code(WordField.DOCUMENT_KIND, "summary"));
    }
}
