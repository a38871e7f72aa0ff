package org.civcheck.ledger;

import java.nio.file.Path;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.AssessorLoading;
import org.civcheck.evidence.PackageReading;
import org.civcheck.evidence.ReadBudget;
import org.civcheck.evidence.ReadLimits;
import org.civcheck.report.JsonReport;

/** The default criteria set, and packages read and scored the way the service does. */
final class Ledgers {

    private static Assessor assessor;
    static final SubmissionReader READER = new SubmissionReader(ReadLimits.defaults());

    private Ledgers() {}

    static synchronized Assessor assessor() {
        if (assessor == null) {
            AssessorLoading loading = AssessorLoading.load(Path.of("criteria/provincial"), Path.of("rules"));
            if (!loading.isLoaded()) {
                throw new IllegalStateException(loading.problems().toString());
            }
            assessor = loading.assessor();
        }
        return assessor;
    }

    static PackageReading read(byte[] bytes, String name) {
        return READER.read(bytes, name, ReadBudget.NONE, assessor().vocabulary());
    }

    /** The result as JSON without what differs between two runs of the same package (none: the result has no time). */
    static String score(PackageReading reading) {
        if (!reading.isAccepted()) {
            throw new AssertionError("refused: " + reading.faults());
        }
        Assessment a = assessor().assess(reading.evidence(), reading.warnings(), false);
        return JsonReport.render(new Assessment(a.unit(), a.criteria(), a.score(), a.maxScore(), a.passScore(), a.verdict(),
                a.verdictReason(), a.period(), a.inspectionDate(), a.categories(), a.indicators(), a.vetoes(), a.gaps(),
                a.problems(), a.participation(), java.util.List.of(), null));
    }
}
