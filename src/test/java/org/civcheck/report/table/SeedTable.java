package org.civcheck.report.table;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.civcheck.criteria.CriteriaSet;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadLimits;

/** The real pipeline on {@code examples/seed-district-office.json}, run once per criteria folder. */
final class SeedTable {

    record Run(Assessor assessor, Assessment assessment) {
        CriteriaSet criteria() {
            return assessor.criteria();
        }
    }

    private static Run provincial;
    private static Run city;

    private SeedTable() {}

    static synchronized Run provincial() {
        if (provincial == null) {
            provincial = run("criteria/provincial");
        }
        return provincial;
    }

    static synchronized Run city() {
        if (city == null) {
            city = run("criteria/city-example");
        }
        return city;
    }

    private static Run run(String criteriaDir) {
        AssessorLoading loading = AssessorLoading.load(Path.of(criteriaDir), Path.of("rules"));
        assertTrue(loading.isLoaded(), () -> loading.problems().toString());
        PackageReading reading = new EvidencePackageReader(ReadLimits.defaults())
                .read(Path.of("examples/seed-district-office.json"));
        assertTrue(reading.isAccepted(), () -> reading.faults().toString());
        Assessor assessor = loading.assessor();
        return new Run(assessor, assessor.assess(reading.evidence(), reading.warnings()));
    }

    /** {@code a} with indicator {@code id}'s findings and evidence replaced. */
    static Assessment withFindings(Assessment a, String id, List<String> findings, List<String> evidence) {
        List<Assessment.IndicatorScore> indicators = new ArrayList<>();
        for (Assessment.IndicatorScore i : a.indicators()) {
            indicators.add(!i.id().equals(id) ? i : new Assessment.IndicatorScore(i.id(), i.category(), i.name(),
                    i.score(), i.max(), i.status(), i.method(), i.blocking(), findings, evidence));
        }
        return new Assessment(a.unit(), a.criteria(), a.score(), a.maxScore(), a.passScore(), a.verdict(),
                a.verdictReason(), a.period(), a.inspectionDate(), a.categories(), indicators, a.vetoes(), a.gaps(),
                a.problems(), a.participation(), a.warnings(), a.explain());
    }
}
