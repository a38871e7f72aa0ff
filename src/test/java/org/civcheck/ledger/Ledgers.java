package org.civcheck.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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
        return read(bytes, name, assessor());
    }

    static PackageReading read(byte[] bytes, String name, Assessor under) {
        return READER.read(bytes, name, ReadBudget.NONE, under.vocabulary());
    }

    private static Assessor review;

    /**
     * The default set with who an incident involved (roles 班子成员, 职工, and a veto when two
     * leaders are disciplined), a self-rated item and the rectification of the last review's findings.
     */
    static synchronized Assessor reviewAssessor() throws IOException {
        if (review != null) {
            return review;
        }
        Path set = Files.createTempDirectory("review-set");
        try (Stream<Path> files = Files.list(Path.of("criteria/provincial"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, set.resolve(f.getFileName()));
            }
        }
        Path taxonomy = set.resolve("taxonomy.yaml");
        Files.writeString(taxonomy, Files.readString(taxonomy)
                + "\nroles:\n  - { id: leader, name: 班子成员 }\n  - { id: staff, name: 职工 }\n");
        Files.writeString(set.resolve("vetoes.yaml"), Files.readString(set.resolve("vetoes.yaml")) + """
                  - id: leaders-discipline
                    name: 班子成员2名以上受到党纪政务处分
                    incidentTypes: [discipline-violation]
                    minSeverity: minor
                    roles: [leader]
                    minCount: 2
                    withinPeriod: true
                """);
        Path indicators = set.resolve("indicators.yaml");
        Files.writeString(indicators, Files.readString(indicators) + """

                  - id: review
                    name: 上次复查反馈问题整改
                    max: 5
                    indicators:
                      - id: notice-board
                        name: 宣传栏、道德讲堂场所
                        points: 3
                        method: 实地考察
                        check: self-rated
                        problem: diversity
                      - id: rectification
                        name: 上次反馈问题整改落实
                        points: 2
                        method: 材料审核
                        check: rectification
                        params: { minRectifiedShare: 1 }
                        problem: mechanism
                """);
        AssessorLoading loading = AssessorLoading.load(set, Path.of("rules"));
        if (!loading.isLoaded()) {
            throw new IllegalStateException(loading.problems().toString());
        }
        review = loading.assessor();
        return review;
    }

    /** The result as JSON without its warnings (said at JSON paths or at cells) and explanation. */
    static String score(PackageReading reading) {
        return score(assessor(), reading);
    }

    static String score(Assessor assessor, PackageReading reading) {
        if (!reading.isAccepted()) {
            throw new AssertionError("refused: " + reading.faults());
        }
        Assessment a = assessor.assess(reading.evidence(), reading.warnings(), false);
        return JsonReport.render(new Assessment(a.unit(), a.criteria(), a.score(), a.maxScore(), a.passScore(), a.verdict(),
                a.verdictReason(), a.period(), a.inspectionDate(), a.categories(), a.indicators(), a.vetoes(), a.gaps(),
                a.problems(), a.participation(), java.util.List.of(), null, a.adjustments(), a.outcomes(), a.claims()));
    }
}
