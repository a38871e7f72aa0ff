package org.civcheck.web;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.civcheck.engine.Assessor;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.evidence.InputProblem;
import org.civcheck.store.AssessmentSummary;
import org.civcheck.store.RescoreStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-scoring every unit's latest package in the background, on db-scheduler: its queue is a table
 * of the same database, so every instance on the database takes units from it, and a restart
 * resumes what was queued. One task instance per unit per run ({@code run id:unit id}); a unit's
 * new assessment is saved together with the run's record of it ({@link RescoreStore#claim}), so a
 * retry, a revived execution after a {@code kill -9}, or two instances at once never score a unit
 * twice into history.
 *
 * <pre>{@code
 * Rescores rescores = Rescores.start(service, dataSource, "host:1234", Rescores.Settings.defaults());
 * RescoreStore.Run run = rescores.begin("t-1a2b3c4d", null, null);   // every unit, the default set
 * rescores.report(run.id());                                         // progress, then the impact
 * }</pre>
 */
public final class Rescores implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Rescores.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String START_TASK = "rescore-start";
    static final String UNIT_TASK = "rescore-unit";
    static final String SWEEP_TASK = "rescore-sweep";

    /**
     * How the queue is worked: {@code threads} units scored at once by this instance (each within the
     * instance's own scoring memory budget), how often the queue is polled, and after how long
     * without a heartbeat a unit taken by a vanished instance is given to another.
     */
    public record Settings(int threads, Duration polling, Duration heartbeat, int missedHeartbeats) {
        public static Settings defaults() {
            return new Settings(Math.max(2, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), 4);
        }
    }

    private final AssessmentService service;
    private final RescoreStore store;
    private final String instance;
    private final OneTimeTask<Void> startTask;
    private final OneTimeTask<Void> unitTask;
    private volatile Scheduler scheduler;

    private Rescores(AssessmentService service, RescoreStore store, String instance) {
        this.service = service;
        this.store = store;
        this.instance = instance;
        this.startTask = Tasks.oneTime(START_TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2), 1.5))
                .execute((task, context) -> queue(task.getId()));
        this.unitTask = Tasks.oneTime(UNIT_TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2), 1.5))
                .execute((task, context) -> {
                    String id = task.getId();
                    int colon = id.indexOf(':');
                    rescoreUnit(id.substring(0, colon), id.substring(colon + 1));
                });
    }

    /** Starts working the queue of {@code dataSource} as instance {@code instance}. */
    public static Rescores start(AssessmentService service, DataSource dataSource, String instance, Settings settings) {
        Rescores rescores = new Rescores(service, new RescoreStore(dataSource), instance);
        RecurringTask<Void> sweep = Tasks.recurring(SWEEP_TASK, FixedDelay.of(Duration.ofSeconds(30)))
                .execute((task, context) -> rescores.sweep());
        var builder = Scheduler.create(dataSource, rescores.startTask, rescores.unitTask);
        if (isH2(dataSource)) {
            // db-scheduler knows no H2 of its own: the generic SQL, with zoned timestamps as V7 declares them
            builder.jdbcCustomization(new DefaultJdbcCustomization(false));
        }
        rescores.scheduler = builder
                .startTasks(sweep)
                .schedulerName(new SchedulerName.Fixed(instance))
                .threads(settings.threads())
                .pollingInterval(settings.polling())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(Duration.ofSeconds(5))
                .enableImmediateExecution()
                .build();
        rescores.scheduler.start();
        return rescores;
    }

    private static boolean isH2(DataSource dataSource) {
        try (java.sql.Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().equals("H2");
        } catch (java.sql.SQLException e) {
            throw new org.civcheck.store.StoreException("无法连接数据库", e);
        }
    }

    /** This process as the queue knows it: host and process id (unique among instances on one host too). */
    public static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    public String instance() {
        return instance;
    }

    /**
     * Records a run over the latest assessment of every unit (of {@code units} when not null), scored
     * with the set {@code criteriaId} serving now (the default when null), and queues it.
     *
     * @throws UnknownCriteriaSetException when no set of that id serves
     * @throws CriteriaOutOfStepException when this instance's criteria are not those in force
     */
    public RescoreStore.Run begin(String startedBy, String criteriaId, List<String> units) {
        service.outOfStep().ifPresent(reason -> {
            throw new CriteriaOutOfStepException(reason);
        });
        CriteriaRegistry.Generation generation = service.criteria().current();
        Assessor set = generation.select(criteriaId).orElseThrow(() -> new UnknownCriteriaSetException(
                criteriaId.trim(), List.copyOf(generation.sets().keySet())));
        List<AssessmentSummary> latest = service.latestPerUnit(units);
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        RescoreStore.Run run = store.create(HexFormat.of().formatHex(id), startedBy, set.criteria().id(), set.sha256(),
                latest);
        if (!run.finished()) {
            scheduler.scheduleIfNotExists(startTask.instance(run.id()), Instant.now());
        }
        LOG.info("re-scoring run {} started: {} units with {} {}", run.id(), latest.size(), set.criteria().id(),
                set.sha256());
        return run;
    }

    public Optional<RescoreReport> report(String runId) {
        return store.run(runId).map(run -> RescoreReport.of(run, store.units(runId)));
    }

    /** The newest runs first, with their progress. */
    public List<RescoreReport.Line> recent(int limit) {
        return store.recent(limit).stream().map(run -> RescoreReport.Line.of(run, store.doneCount(run.id()))).toList();
    }

    /** Queues a task for every open unit of the run (once; again after an interruption), then notes it queued. */
    void queue(String runId) {
        List<String> open = store.openUnits(runId);
        List<TaskInstance<?>> tasks = open.stream().<TaskInstance<?>>map(u -> unitTask.instance(runId + ":" + u)).toList();
        try {
            scheduler.scheduleBatch(tasks, Instant.now());
        } catch (RuntimeException e) { // FailedToScheduleBatchException, or a duplicate key
            // queued in part before an interruption: queue the rest, one by one
            tasks.forEach(t -> scheduler.scheduleIfNotExists(t, Instant.now()));
        }
        store.markScheduled(runId);
        store.finishIfComplete(runId);
    }

    /** Re-scores one unit of a run, unless it is done already. */
    void rescoreUnit(String runId, String unitId) {
        RescoreStore.Run run = store.run(runId).orElse(null);
        RescoreStore.Unit unit = run == null ? null : store.unit(runId, unitId).orElse(null);
        if (unit == null || unit.done()) {
            return;
        }
        try {
            Optional<AssessmentService.Checked> checked = service.rescoreOnce(unit.beforeAssessment(),
                    run.criteriaId(), run.criteriaSha256(), store.claim(runId, unitId, instance));
            if (checked.isEmpty()) {
                store.fail(runId, unitId, "该单位最近一次的评估记录已被删除，未重新评分", instance);
            }
        } catch (PackageRejectedException e) {
            List<InputProblem> faults = e.faults();
            store.fail(runId, unitId, "按新的测评体系读取证据包时有 " + faults.size() + " 处问题，未重新评分"
                    + (faults.isEmpty() ? "" : "（" + faults.get(0).message() + "）"), instance);
        } catch (TooLargeToScoreException e) {
            store.fail(runId, unitId, "证据包过大，超出本服务的评分内存上限，未重新评分", instance);
        } catch (CriteriaOutOfStepException e) {
            if (service.outOfStep().isPresent()) {
                // this instance's files differ from those in force: another instance (or this one, put right) scores it
                LOG.warn("re-scoring {} of run {} waits: {}", unitId, runId, e.getMessage());
                throw e;
            }
            // the criteria in force changed since the run began: the run's version is no longer served anywhere
            store.fail(runId, unitId, "开始重新评分后测评体系又有修改，该单位未按原版本评分；如需按现用版本评分，请重新开始一次",
                    instance);
        }
        if (store.finishIfComplete(runId)) {
            LOG.info("re-scoring run {} finished", runId);
        }
    }

    /** Every 30 s on one instance: queues runs whose start was interrupted, closes runs whose units are all done. */
    void sweep() {
        for (RescoreStore.Run run : store.unscheduled()) {
            if (run.startedAt().toInstant().isBefore(Instant.now().minusSeconds(10))) {
                queue(run.id());
            }
        }
        store.recent(20).stream().filter(r -> !r.finished()).forEach(r -> store.finishIfComplete(r.id()));
    }

    /** Stops taking units (those being scored get a few seconds to finish; the rest wait in the queue). */
    @Override
    public void close() {
        Scheduler s = scheduler;
        if (s != null) {
            s.stop();
        }
    }
}
