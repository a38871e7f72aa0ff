package org.civcheck.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.report.JsonReport;
import org.civcheck.store.AssessmentStore;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.NewAssessment;
import org.civcheck.store.Page;
import org.civcheck.store.StoredAssessment;
import org.civcheck.store.StoredPackage;

/**
 * Checks uploaded packages and keeps them: read (refusing bad packages before anything is
 * stored), score with the criteria serving now, store the package and result together.
 */
public final class AssessmentService {

    /** A checked package: its result, and where it is stored (empty for a dry run). */
    public record Checked(Assessment assessment, Optional<StoredAssessment> stored) {}

    private final Supplier<Assessor> assessor;
    private final EvidencePackageReader reader;
    private final AssessmentStore store;

    public AssessmentService(Supplier<Assessor> assessor, EvidencePackageReader reader, AssessmentStore store) {
        this.assessor = assessor;
        this.reader = reader;
        this.store = store;
    }

    /**
     * Reads, scores and (unless {@code dryRun}) stores a package.
     *
     * @throws PackageRejectedException when the package breaks the contract; nothing is stored then
     */
    public Checked check(byte[] bytes, String name, boolean dryRun) {
        return check(bytes, name, dryRun, false);
    }

    /** As {@link #check(byte[], String, boolean)}, with the rules' explanation in the result when asked. */
    public Checked check(byte[] bytes, String name, boolean dryRun, boolean explain) {
        PackageReading reading = reader.read(bytes, name == null ? "package" : name);
        if (!reading.isAccepted()) {
            throw new PackageRejectedException(reading.faults());
        }
        Assessor current = assessor.get();
        Assessment assessment = current.assess(reading.evidence(), reading.warnings(), explain);
        if (dryRun) {
            return new Checked(assessment, Optional.empty());
        }
        StoredAssessment stored = store.save(new NewAssessment(assessment.unit().id(), assessment.unit().name(),
                assessment.verdict(), assessment.score(), assessment.maxScore(), assessment.criteria().id(),
                assessment.criteria().version(), assessment.criteria().sha256(), bytes, mediaType(bytes), name,
                JsonReport.render(assessment)));
        return new Checked(assessment, Optional.of(stored));
    }

    public Optional<StoredAssessment> find(String id) {
        return store.find(id);
    }

    public Optional<StoredPackage> findPackage(String id) {
        return store.findPackage(id);
    }

    public Page<AssessmentSummary> list(String unitId, int page, int size) {
        return store.list(unitId, page, size);
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    public boolean isStoreReachable() {
        return store.isReachable();
    }

    public Assessor assessor() {
        return assessor.get();
    }

    /** The stored result as the engine's record again. */
    public static Assessment result(StoredAssessment stored) {
        try {
            return JsonReport.mapper().readValue(stored.resultJson(), Assessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result " + stored.id() + " is not an assessment", e);
        }
    }

    /** Re-reads a stored package (for the page's calendar); empty if it no longer reads under today's limits. */
    public Optional<org.civcheck.evidence.EvidencePackage> evidence(String id) {
        return store.findPackage(id).map(p -> reader.read(p.bytes(), p.name() == null ? "package" : p.name()))
                .filter(PackageReading::isAccepted).map(PackageReading::evidence);
    }

    static String mediaType(byte[] bytes) {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return zip ? "application/zip" : "application/json";
    }

    static List<String> acceptedMediaTypes() {
        return List.of("application/json", "application/zip", "application/x-zip-compressed", "multipart/form-data");
    }
}
