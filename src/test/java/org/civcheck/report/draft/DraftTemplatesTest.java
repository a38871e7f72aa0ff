package org.civcheck.report.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftTemplatesTest {

    @TempDir
    Path dir;

    private String provincial() throws Exception {
        return Files.readString(DraftFixtures.CRITERIA.resolve(DraftTemplates.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void provincialWordingAndBuiltInWordingAreBothComplete() {
        DraftTemplates provincial = DraftTemplates.load(DraftFixtures.CRITERIA);
        DraftTemplates builtIn = DraftTemplates.defaults();
        for (String key : DraftTemplates.KEYS.keySet()) {
            Map<String, String> values = new java.util.HashMap<>();
            DraftTemplates.KEYS.get(key).forEach(p -> values.put(p, "x"));
            for (DraftTemplates wording : List.of(provincial, builtIn)) {
                String text = wording.fill(key, values);
                assertFalse(text.isBlank(), "template " + key + " says something");
                assertFalse(text.contains("{") || text.contains("}"), "every placeholder of " + key + " is filled: " + text);
            }
        }
    }

    @Test
    void folderWithoutReportYamlUsesTheBuiltInWording() {
        DraftFixtures.Checked seed = DraftFixtures.example("seed-district-office.json");
        ReportDraft draft = ReportDrafts.draft(seed.assessment(), seed.pkg(), DraftFixtures.assessor().criteria(), dir);
        assertEquals("二、创建工作中存在的主要问题", draft.parts().get(1).title());
        assertTrue(draft.parts().get(1).sections().get(0).paragraphs().get(1).startsWith("一是创建形式还不够多样。"));
    }

    @Test
    void rewordedLeadIsUsedInTheDraft() throws Exception {
        Files.writeString(dir.resolve(DraftTemplates.FILE),
                provincial().replace("lead: \"{ordinal}{title}。\"", "lead: \"{ordinal}，{title}：\""));
        DraftFixtures.Checked seed = DraftFixtures.example("seed-district-office.json");
        ReportDraft draft = ReportDrafts.draft(seed.assessment(), seed.pkg(), DraftFixtures.assessor().criteria(), dir);
        assertTrue(draft.parts().get(1).sections().get(0).paragraphs().get(1).startsWith("一是，创建形式还不够多样："));
    }

    @Test
    void missingKeyIsAnErrorNamingTheFileAndTheKey() throws Exception {
        Files.writeString(dir.resolve(DraftTemplates.FILE),
                provincial().replace("  lead: \"{ordinal}{title}。\"", ""));
        DraftTemplateException e = assertThrows(DraftTemplateException.class, () -> DraftTemplates.load(dir));
        assertEquals(List.of(dir.resolve(DraftTemplates.FILE) + ": 缺少模板 problems.lead（可用占位符：ordinal、title）"),
                e.faults());
    }

    @Test
    void unknownPlaceholderIsAnErrorNamingTheAllowedOnes() throws Exception {
        Files.writeString(dir.resolve(DraftTemplates.FILE),
                provincial().replace("lead: \"{ordinal}{title}。\"", "lead: \"{ordinal}{titel}。\""));
        DraftTemplateException e = assertThrows(DraftTemplateException.class, () -> DraftTemplates.load(dir));
        assertEquals(List.of(dir.resolve(DraftTemplates.FILE)
                + ": 模板 problems.lead 中的 {titel} 不是可用的占位符（可用：ordinal、title）"), e.faults());
    }

    @Test
    void anUnknownFactInASectionIsAnErrorNamingTheSection() throws Exception {
        Files.writeString(dir.resolve(DraftTemplates.FILE),
                provincial().replace("facts: [volunteers]", "facts: [volunters]"));
        DraftTemplateException e = assertThrows(DraftTemplateException.class, () -> DraftTemplates.load(dir));
        assertEquals(List.of(dir.resolve(DraftTemplates.FILE) + ": work.sections 第4节 的 facts 中的 volunters 不是可用的事项"
                + "（可用：documents、coordinator、volunteers、featured、surveys、claims）"), e.faults());
    }

    @Test
    void theBuiltInWordingIsTheProvincialFileAsTheJarCarriesIt() throws Exception {
        assertEquals(provincial(), DraftTemplates.builtInText(),
                "src/main/resources/org/civcheck/report/draft/report.yaml must equal criteria/provincial/report.yaml");
    }

    @Test
    void everySectionNamesOnlyActivityTypesTheCriteriaKnow() {
        var taxonomy = DraftFixtures.assessor().criteria().taxonomy();
        DraftTemplates.load(DraftFixtures.CRITERIA).sections().forEach(s -> s.types().forEach(type ->
                assertTrue(taxonomy.activityType(type).isPresent(), type + " in " + s.heading())));
    }
}
