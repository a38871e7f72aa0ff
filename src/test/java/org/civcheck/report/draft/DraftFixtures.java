package org.civcheck.report.draft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.evidence.EvidencePackage;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;

/** The real pipeline: the provincial criteria and rules, and the example packages. */
final class DraftFixtures {

    static final Path CRITERIA = Path.of("criteria/provincial");
    private static Assessor assessor;

    private DraftFixtures() {}

    static synchronized Assessor assessor() {
        if (assessor == null) {
            AssessorLoading loading = AssessorLoading.load(CRITERIA, Path.of("rules"));
            assertTrue(loading.isLoaded(), () -> loading.problems().toString());
            assessor = loading.assessor();
        }
        return assessor;
    }

    /** An example package, read and checked. */
    record Checked(EvidencePackage pkg, Assessment assessment, JsonNode json) {
        ReportDraft draft() {
            return ReportDrafts.draft(assessment, pkg, assessor().criteria(), CRITERIA);
        }
    }

    static Checked example(String name) {
        try {
            return checked(new ObjectMapper().readTree(Path.of("examples", name).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A package given as its JSON tree, read and checked. */
    static Checked checked(JsonNode json) {
        try {
            byte[] bytes = new ObjectMapper().writeValueAsBytes(json);
            PackageReading reading = new EvidencePackageReader(ReadLimits.defaults()).read(bytes, "package.json");
            assertTrue(reading.isAccepted(), () -> reading.faults().toString());
            Assessment a = assessor().assess(reading.evidence(), reading.warnings());
            return new Checked(reading.evidence(), a, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paragraphs of part {@code i} (0 = 一), all sections together. */
    static List<String> paragraphs(ReportDraft draft, int i) {
        return draft.parts().get(i).sections().stream().flatMap(s -> s.paragraphs().stream()).toList();
    }
}
