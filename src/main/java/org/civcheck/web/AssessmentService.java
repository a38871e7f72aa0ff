package org.civcheck.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.civcheck.engine.Assessment;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.EvidencePackageReader;
import org.civcheck.evidence.PackageReading;
import org.civcheck.ledger.SubmissionReader;
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
 *
 * <p>Each call takes the registry's current generation once and scores only with it, so a call
 * never mixes two versions of the criteria, whatever reloads meanwhile.
 */
public final class AssessmentService {

    /** A checked package: its result, where it is stored (empty for a dry run), and the package as read. */
    public record Checked(Assessment assessment, Optional<StoredAssessment> stored,
            org.civcheck.evidence.EvidencePackage evidence) {}

    private final CriteriaRegistry criteria;
    private final SubmissionReader reader;
    private final AssessmentStore store;
    private final ScoringLimiter limiter;
    private final RecentPackages recent = new RecentPackages();
    private volatile Supplier<Optional<String>> outOfStep = Optional::empty;

    /**
     * A service whose readings and scorings share {@code limiter}'s memory budget: over it they
     * wait briefly, then are refused with {@link ServiceBusyException}.
     */
    public AssessmentService(CriteriaRegistry criteria, EvidencePackageReader reader, AssessmentStore store,
            ScoringLimiter limiter) {
        this.criteria = criteria;
        this.reader = new SubmissionReader(reader, reader.limits());
        this.store = store;
        this.limiter = java.util.Objects.requireNonNull(limiter, "limiter");
    }

    /** A service with the default scoring limit ({@link ScoringLimiter#defaults()}). */
    public AssessmentService(CriteriaRegistry criteria, EvidencePackageReader reader, AssessmentStore store) {
        this(criteria, reader, store, ScoringLimiter.defaults());
    }

    /** A service with one fixed criteria set, taken from {@code assessor} now; nothing reloads. */
    public AssessmentService(Supplier<Assessor> assessor, EvidencePackageReader reader, AssessmentStore store) {
        this(CriteriaRegistry.of(assessor.get()), reader, store);
    }

    /** As {@link #AssessmentService(Supplier, EvidencePackageReader, AssessmentStore)}, sharing {@code limiter}. */
    public AssessmentService(Supplier<Assessor> assessor, EvidencePackageReader reader, AssessmentStore store,
            ScoringLimiter limiter) {
        this(CriteriaRegistry.of(assessor.get()), reader, store, limiter);
    }

    /**
     * Reads, scores and (unless {@code dryRun}) stores a package. The result always carries the
     * rules' explanation ({@link Assessment#explain()}), stored with it; whoever shows the result
     * decides whether to show that too (the API only on {@code ?explain=true}).
     *
     * @throws PackageRejectedException when the package breaks the contract; nothing is stored then
     * @throws ServiceBusyException when the scoring budget stays full (see {@link ScoringLimiter}); nothing is stored
     * @throws TooLargeToScoreException when the package alone would need more than the whole budget; nothing is stored
     */
    public Checked check(byte[] bytes, String name, boolean dryRun) {
        return check(bytes, name, null, dryRun);
    }

    /**
     * As {@link #check(byte[], String, boolean)}, scored with the set {@code criteriaId}
     * (the default set when null or blank).
     *
     * @throws UnknownCriteriaSetException when no set of that id serves now
     */
    public Checked check(byte[] bytes, String name, String criteriaId, boolean dryRun) {
        return check(bytes, name, criteriaId, dryRun, unit -> true);
    }

    /**
     * As {@link #check(byte[], String, String, boolean)}, for a caller who may only submit packages
     * of the units {@code maySubmit} accepts: a package of another unit is read but neither scored
     * nor stored.
     *
     * @throws ForeignUnitException when the package is of a unit the caller may not submit for
     */
    public Checked check(byte[] bytes, String name, String criteriaId, boolean dryRun,
            java.util.function.Predicate<String> maySubmit) {
        return check(bytes, name, criteriaId, null, dryRun, maySubmit);
    }

    /**
     * As {@link #check(byte[], String, String, boolean, java.util.function.Predicate)}, as the package
     * stood on {@code asOf} (null: its latest record's day when that falls before the period's end,
     * else the whole period); the result then carries the unit's progress against what is due by then.
     *
     * @throws PackageRejectedException also when {@code asOf} falls before the package's period
     */
    public Checked check(byte[] bytes, String name, String criteriaId, java.time.LocalDate asOf, boolean dryRun,
            java.util.function.Predicate<String> maySubmit) {
        Assessor assessor = select(criteria.current(), criteriaId);
        return score(assessor, bytes, name, asOf, dryRun, maySubmit);
    }

    /**
     * As {@link #check(byte[], String, String, boolean, java.util.function.Predicate)}, for an upload
     * already received within the scoring budget: the scoring resizes its room, which the caller
     * gives back ({@link Uploads.Received#close()}) once the answer is written.
     */
    Checked check(Uploads.Received upload, String criteriaId, boolean dryRun,
            java.util.function.Predicate<String> maySubmit) {
        return check(upload, criteriaId, null, dryRun, maySubmit);
    }

    /** As {@link #check(Uploads.Received, String, boolean, java.util.function.Predicate)}, as the package stood on {@code asOf}. */
    Checked check(Uploads.Received upload, String criteriaId, java.time.LocalDate asOf, boolean dryRun,
            java.util.function.Predicate<String> maySubmit) {
        Assessor assessor = select(criteria.current(), criteriaId);
        return score(assessor, upload.permit(), upload.bytes(), upload.name(), asOf, dryRun, maySubmit);
    }

    /** A package of a unit the caller may not submit for; says nothing more. */
    public static final class ForeignUnitException extends RuntimeException {
        ForeignUnitException() {
            super("package of another unit");
        }
    }


    /**
     * Scores the package stored with assessment {@code id} again under the criteria serving now, and
     * stores the result as a new assessment. The set is {@code criteriaId} when given, else the one
     * that scored it before if it still serves, else the default. Empty when {@code id} is unknown.
     * Like every stored result, the new one carries the rules' explanation.
     */
    public Optional<Checked> rescore(String id, String criteriaId) {
        return rescore(id, criteriaId, null);
    }

    /**
     * As {@link #rescore(String, String)}, as the package stood on {@code asOf}; null keeps the day
     * the stored check stood on (none for a whole-period check).
     */
    public Optional<Checked> rescore(String id, String criteriaId, java.time.LocalDate asOf) {
        Optional<StoredAssessment> before = store.find(id);
        Optional<StoredPackage> pkg = store.findPackage(id);
        if (before.isEmpty() || pkg.isEmpty()) {
            return Optional.empty();
        }
        CriteriaRegistry.Generation generation = criteria.current();
        String previous = before.get().summary().criteriaId();
        String setId = criteriaId != null && !criteriaId.isBlank() ? criteriaId
                : generation.sets().containsKey(previous) ? previous : null;
        // An as-of check is scored again on the same day; a whole-period one as a whole period again.
        java.time.LocalDate day = asOf != null ? asOf : before.get().summary().asOf();
        return Optional.of(score(select(generation, setId), pkg.get().bytes(), pkg.get().name(), day, false,
                unit -> true));
    }

    /**
     * Reads, assesses and stores within the scoring budget: room is estimated from the bytes
     * received, then from the JSON the reader is about to read (more if it must build a tree), and
     * once read, from the activities and attachments, before the rules run. The room is held
     * until the result is stored (the result and its JSON are alive until then).
     */
    private Checked score(Assessor assessor, byte[] bytes, String name, java.time.LocalDate asOf, boolean dryRun,
            java.util.function.Predicate<String> maySubmit) {
        return score(assessor, bytes, name, asOf, dryRun, maySubmit, null);
    }

    /** As above; when {@code claim} is not null, the result is stored only if it agrees (see {@link AssessmentStore.Claim}). */
    private Checked score(Assessor assessor, byte[] bytes, String name, java.time.LocalDate asOf, boolean dryRun,
            java.util.function.Predicate<String> maySubmit, AssessmentStore.Claim claim) {
        try (ScoringLimiter.Permit permit = limiter.admit(ScoringCost.ofUpload(bytes.length))) {
            return score(assessor, permit, bytes, name, asOf, dryRun, maySubmit, claim);
        }
    }

    /** {@link #score(Assessor, byte[], String, java.time.LocalDate, boolean, java.util.function.Predicate)} in the room {@code permit} holds. */
    private Checked score(Assessor assessor, ScoringLimiter.Permit permit, byte[] bytes, String name,
            java.time.LocalDate asOf, boolean dryRun, java.util.function.Predicate<String> maySubmit) {
        return score(assessor, permit, bytes, name, asOf, dryRun, maySubmit, null);
    }

    private Checked score(Assessor assessor, ScoringLimiter.Permit permit, byte[] bytes, String name,
            java.time.LocalDate asOf, boolean dryRun, java.util.function.Predicate<String> maySubmit,
            AssessmentStore.Claim claim) {
        outOfStep.get().ifPresent(reason -> {
            throw new CriteriaOutOfStepException(reason);
        });
        PackageReading reading = reader.read(bytes, name == null ? "package" : name,
                ScoringCost.readBudget(permit, bytes.length), assessor.vocabulary());
        if (!reading.isAccepted()) {
            throw new PackageRejectedException(reading.faults());
        }
        if (!maySubmit.test(reading.evidence().unit().id())) {
            throw new ForeignUnitException();
        }
        long cost = ScoringCost.ofEvidence(reading.evidence(), bytes.length);
        if (cost > limiter.budgetBytes()) {
            throw new TooLargeToScoreException(reading.evidence().activities().size(),
                    ScoringCost.attachments(reading.evidence()), cost, limiter.budgetBytes());
        }
        permit.resize(cost);
        Assessment assessment;
        try {
            assessment = assessor.assessAsOf(reading.evidence(), reading.warnings(), true, asOf);
        } catch (IllegalArgumentException e) {
            throw new PackageRejectedException(List.of(new org.civcheck.evidence.InputProblem("$.period", e.getMessage())));
        }
        if (dryRun) {
            return new Checked(assessment, Optional.empty(), reading.evidence());
        }
        NewAssessment toStore = new NewAssessment(assessment.unit().id(), assessment.unit().name(),
                assessment.verdict(), assessment.score(), assessment.maxScore(), assessment.criteria().id(),
                assessment.criteria().version(), assessment.criteria().sha256(), bytes, mediaType(bytes), name,
                JsonReport.render(assessment), assessment.isPartial() ? assessment.asOf() : null,
                assessment.isPartial() ? assessment.progress().verdict() : null);
        if (claim != null) {
            return new Checked(assessment, store.save(toStore, claim), reading.evidence());
        }
        return new Checked(assessment, Optional.of(store.save(toStore)), reading.evidence());
    }

    /**
     * Scores the package of stored assessment {@code id} again with the set {@code criteriaId}, which
     * must serve now with hash {@code sha256}, and stores the result only if {@code claim} agrees in
     * the same transaction (a re-scoring run's record of the unit). Empty when {@code id} is gone;
     * a result without a stored assessment when the claim declined.
     *
     * @throws CriteriaOutOfStepException when the set serving here is not the one asked for
     */
    public Optional<Checked> rescoreOnce(String id, String criteriaId, String sha256, AssessmentStore.Claim claim) {
        CriteriaRegistry.Generation generation = criteria.current();
        Assessor assessor = generation.select(criteriaId).filter(a -> a.sha256().equals(sha256)).orElseThrow(
                () -> new CriteriaOutOfStepException("本实例正在使用的测评体系“" + criteriaId + "”与重新评分所用的版本（sha256 "
                        + sha256.substring(0, Math.min(12, sha256.length())) + "…）不同"));
        Optional<StoredAssessment> before = store.find(id);
        Optional<StoredPackage> pkg = store.findPackage(id);
        if (before.isEmpty() || pkg.isEmpty()) {
            return Optional.empty();
        }
        // An as-of check is scored again on the same day, as a single re-score is.
        return Optional.of(score(assessor, pkg.get().bytes(), pkg.get().name(), before.get().summary().asOf(), false,
                unit -> true, claim));
    }

    /** Each unit's latest assessment; only the units of {@code units} when it is not null. */
    public List<AssessmentSummary> latestPerUnit(java.util.Collection<String> units) {
        return store.latestPerUnit(units);
    }

    /**
     * From now on, refuses to score (with {@link CriteriaOutOfStepException}) while {@code reason}
     * gives one: this instance's criteria differ from those in force for every instance.
     */
    public void refuseWhile(Supplier<Optional<String>> reason) {
        this.outOfStep = java.util.Objects.requireNonNull(reason);
    }

    /** Why this instance must not score now, if it must not. */
    public Optional<String> outOfStep() {
        return outOfStep.get();
    }

    private static Assessor select(CriteriaRegistry.Generation generation, String criteriaId) {
        return generation.select(criteriaId).orElseThrow(
                () -> new UnknownCriteriaSetException(criteriaId.trim(), List.copyOf(generation.sets().keySet())));
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

    /** As {@link #list(String, int, int)}, of the units registered in {@code regionId} or below (any when null). */
    public Page<AssessmentSummary> list(String unitId, String regionId, int page, int size) {
        return store.list(unitId, regionId, page, size);
    }

    /** The register of units and regions. */
    public org.civcheck.store.UnitRegister register() {
        return store.register();
    }

    /** The 文明办's view of the units. */
    public org.civcheck.store.OverviewStore overview() {
        return store.overview();
    }

    public boolean delete(String id) {
        recent.remove(id);
        return store.delete(id);
    }

    public boolean isStoreReachable() {
        return store.isReachable();
    }

    /** The default set of the generation serving now. */
    public Assessor assessor() {
        return criteria.current().defaultSet();
    }

    /**
     * The criteria set a stored result was scored with, as served now (its wording and layout for
     * drafts and tables); the default set when that set is no longer served.
     */
    public org.civcheck.criteria.CriteriaSet criteriaOf(Assessment result) {
        return criteria.current().select(result.criteria().id()).orElseGet(() -> criteria.current().defaultSet())
                .criteria();
    }

    /** The criteria sets served, and how their last reload went. */
    public CriteriaRegistry criteria() {
        return criteria;
    }

    /** The stored result as the engine's record again. */
    public static Assessment result(StoredAssessment stored) {
        try {
            return JsonReport.mapper().readValue(stored.resultJson(), Assessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored result " + stored.id() + " is not an assessment", e);
        }
    }

    /**
     * Re-reads a stored package (for the page's calendar and the report draft); empty if it no
     * longer reads under today's limits. Reading a big package takes memory like scoring it does, so
     * it takes room in the same budget while it reads.
     *
     * @throws ServiceBusyException when the scoring budget stays full
     */
    public Optional<org.civcheck.evidence.EvidencePackage> evidence(String id) {
        Optional<org.civcheck.evidence.EvidencePackage> kept = recent.get(id);
        if (kept.isPresent()) {
            return kept;
        }
        Optional<org.civcheck.evidence.EvidencePackage> read =
                store.findPackage(id).map(p -> read(p, setOf(id))).filter(PackageReading::isAccepted)
                        .map(PackageReading::evidence);
        read.ifPresent(pkg -> recent.put(id, pkg));
        return read;
    }

    /** The set that scored assessment {@code id}, as served now; the default set when it no longer serves. */
    private Assessor setOf(String id) {
        CriteriaRegistry.Generation generation = criteria.current();
        return store.find(id).map(s -> s.summary().criteriaId()).flatMap(generation::select)
                .orElseGet(generation::defaultSet);
    }

    private PackageReading read(StoredPackage p, Assessor set) {
        try (ScoringLimiter.Permit permit = limiter.admit(ScoringCost.ofUpload(p.bytes().length))) {
            return reader.read(p.bytes(), p.name() == null ? "package" : p.name(),
                    ScoringCost.readBudget(permit, p.bytes().length), set.vocabulary());
        }
    }

    /** The memory budget that readings and scorings share. */
    public ScoringLimiter limiter() {
        return limiter;
    }

    static String mediaType(byte[] bytes) {
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        // A workbook is a zip too, and is kept as one (the stored type fits 64 characters); its download is named .xlsx.
        return zip ? "application/zip" : "application/json";
    }

    static List<String> acceptedMediaTypes() {
        return List.of("application/json", "application/zip", "application/x-zip-compressed", ApiController.XLSX_TYPE,
                "multipart/form-data");
    }
}
