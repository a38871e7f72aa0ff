package org.civcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document check counts the documents a published table names, not a kind alone: by title words
 * (学雷锋活动方案, 岗位规范或行为守则), by the unit's tags on a document, or both with a kind.
 */
class DocumentFiltersTest {

    private static final String SYSTEMS = "        params: { documentKind: system, min: 2 }";

    @TempDir
    Path dir;

    private int sets;
    private Path lastSet;

    /** The provincial set with long-term-systems counting by {@code params}; lint finds nothing. */
    private AssessorLoading set(String params) throws IOException {
        Path set = dir.resolve("set-" + ++sets);
        lastSet = set;
        Files.createDirectories(set);
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, set.resolve(f.getFileName()));
            }
        }
        Path indicators = set.resolve("indicators.yaml");
        String yaml = Files.readString(indicators);
        assertTrue(yaml.contains(SYSTEMS));
        Files.writeString(indicators, yaml.replace(SYSTEMS, "        params: " + params));
        return AssessorLoading.load(set, Path.of("rules"));
    }

    /** The library, its systems replaced by documents of (kind, title, tags…). */
    private PackageReading library(String[]... documents) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Path.of("examples/well-run-library.json").toFile());
        ArrayNode plans = (ArrayNode) root.get("plans");
        for (int i = plans.size() - 1; i >= 0; i--) {
            if (plans.get(i).get("kind").asText().equals("system")) {
                plans.remove(i);
            }
        }
        int n = 0;
        for (String[] d : documents) {
            ObjectNode doc = plans.addObject().put("id", "sys-" + ++n).put("kind", d[0]).put("title", d[1])
                    .put("date", "2025-01-10");
            ArrayNode tags = doc.putArray("tags");
            for (int t = 2; t < d.length; t++) {
                tags.add(d[t]);
            }
        }
        Path file = dir.resolve("library-" + n + ".json");
        json.writeValue(file.toFile(), root);
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(file);
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        return reading;
    }

    private Assessment.IndicatorScore systems(String params, String[]... documents) throws IOException {
        AssessorLoading loading = set(params);
        assertTrue(loading.isLoaded(), loading.problems().toString());
        PackageReading reading = library(documents);
        return loading.assessor().assess(reading.evidence(), reading.warnings()).indicators().stream()
                .filter(i -> i.id().equals("long-term-systems")).findFirst().orElseThrow();
    }

    @Test
    void aSystemWhoseTitleHoldsOneOfTheWordsCounts() throws IOException {
        var s = systems("{ documentKind: system, titleWords: [志愿服务, 学雷锋], min: 1 }",
                new String[] {"system", "理论学习制度"}, new String[] {"system", "志愿服务管理办法"});
        assertEquals("met", s.status());
        assertEquals(List.of("已制定标题含“志愿服务”或“学雷锋”的长效制度1份，达到要求（≥1份）"), s.findings());
        assertEquals(List.of("sys-2"), s.evidence());
    }

    @Test
    void systemsWithOtherTitlesLeaveTheIndicatorUnmetAndTheFindingSaysWhatWasLookedFor() throws IOException {
        var s = systems("{ documentKind: system, titleWords: [志愿服务, 学雷锋], min: 1 }",
                new String[] {"system", "理论学习制度"}, new String[] {"system", "创建台账管理制度"});
        assertEquals("unmet", s.status());
        assertEquals(List.of("未制定标题含“志愿服务”或“学雷锋”的长效制度，要求≥1份"), s.findings());
    }

    @Test
    void aTitleWordOnADocumentOfAnotherKindDoesNotCount() throws IOException {
        var s = systems("{ documentKind: system, titleWords: [志愿服务], min: 1 }",
                new String[] {"other", "志愿服务活动安排"});
        assertEquals("unmet", s.status());
    }

    @Test
    void withoutAKindTheUnitsTagDecides() throws IOException {
        var met = systems("{ tags: [关爱职工], min: 1 }", new String[] {"other", "职工帮扶办法", "关爱职工"});
        assertEquals("met", met.status());
        assertEquals(List.of("已制定标为“关爱职工”的文件1份，达到要求（≥1份）"), met.findings());
        var gap = systems("{ tags: [关爱职工], min: 1 }", new String[] {"other", "职工帮扶办法", "后勤"});
        assertEquals("unmet", gap.status());
        assertEquals(List.of("未制定标为“关爱职工”的文件，要求≥1份"), gap.findings());
    }

    @Test
    void theDocumentsNameInTheFindingIsTheAuthorsWhenGiven() throws IOException {
        String params = "{ titleWords: [岗位规范, 行为守则], documentName: 岗位规范或行为守则, min: 2 }";
        var partial = systems(params, new String[] {"system", "窗口岗位规范"});
        assertEquals("partial", partial.status());
        assertEquals(List.of("岗位规范或行为守则仅1份，要求≥2份"), partial.findings());
        var met = systems(params, new String[] {"system", "窗口岗位规范"}, new String[] {"other", "职工行为守则"});
        assertEquals("met", met.status());
        assertEquals(List.of("已制定岗位规范或行为守则2份，达到要求（≥2份）"), met.findings());
    }

    @Test
    void lintNamesAMisspelledFilterWithTheRightName() throws IOException {
        set("{ documentKind: system, titleWord: [志愿服务], min: 1 }");
        List<String> lint = new CriteriaLinter().lint(lastSet, Path.of("rules")).stream()
                .map(LintFinding::toString).toList();
        assertTrue(lint.stream().anyMatch(f -> f.contains("titleWord") && f.contains("titleWords")), lint::toString);
    }

    @Test
    void lintRefusesATitleWordThatIsNoWordAndAKindTheTaxonomyLacks() throws IOException {
        set("{ documentKind: sytem, titleWords: [{ 志愿: 服务 }], min: 1 }");
        List<String> lint = new CriteriaLinter().lint(lastSet, Path.of("rules")).stream()
                .map(LintFinding::toString).toList();
        assertTrue(lint.stream().anyMatch(f -> f.contains("参数 titleWords（标题含有其中之一）应为文字")), lint::toString);
        assertTrue(lint.stream().anyMatch(f -> f.contains("sytem") && f.contains("system")), lint::toString);
    }
}
