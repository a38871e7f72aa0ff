package org.civcheck.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.civcheck.engine.CriteriaRegistry;
import org.civcheck.report.JsonReport;
import org.civcheck.store.CriteriaRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the instances on one database scoring with the same criteria. The generation an instance
 * loads on purpose (its start, {@code POST /api/criteria/reload}, an edit its watcher noticed) is
 * recorded in the database as the one in force; every instance polls that record and, when another
 * instance recorded a new one, reloads its own files to follow. If its files then give another hash,
 * it says so in its log and on {@code /health} and scores nothing ({@link #outOfStep()}) rather than
 * score differently, until its files agree and it loads them again.
 *
 * <pre>{@code
 * CriteriaInForce inForce = CriteriaInForce.start(registry, new CriteriaRecord(ds), "host:1234",
 *         Duration.ofSeconds(3), System.out::println);
 * service.refuseWhile(inForce::outOfStep);
 * }</pre>
 */
public final class CriteriaInForce implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CriteriaInForce.class);

    private final CriteriaRegistry registry;
    private final CriteriaRecord record;
    private final String instance;
    private final Consumer<String> say;
    private final ThreadLocal<Boolean> following = ThreadLocal.withInitial(() -> false);
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "criteria-in-force");
        t.setDaemon(true);
        return t;
    });
    private volatile long seenRevision = -1;
    private volatile String mismatch;

    private CriteriaInForce(CriteriaRegistry registry, CriteriaRecord record, String instance, Consumer<String> say) {
        this.registry = registry;
        this.record = record;
        this.instance = instance;
        this.say = say;
    }

    /**
     * Records the generation serving now as the one in force, records every later one this instance
     * loads on purpose, and polls the record every {@code poll} to follow the others.
     */
    public static CriteriaInForce start(CriteriaRegistry registry, CriteriaRecord record, String instance,
            Duration poll, Consumer<String> say) {
        CriteriaInForce inForce = new CriteriaInForce(registry, record, instance, say);
        inForce.recordServing();
        registry.onReload(attempt -> {
            if (!inForce.following.get() && attempt.ok()) {
                inForce.recordServing();
            }
        });
        inForce.poller.scheduleWithFixedDelay(inForce::pollSafely, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        return inForce;
    }

    /** Why this instance must not score now: its criteria differ from those in force; empty when they agree. */
    public Optional<String> outOfStep() {
        return Optional.ofNullable(mismatch);
    }

    /** The record in force as last read; empty before the first record. */
    public Optional<CriteriaRecord.InForce> recorded() {
        return record.read();
    }

    private void recordServing() {
        CriteriaRegistry.Generation g = registry.current();
        CriteriaRecord.InForce written = record.record(g.sha256(), g.defaultId(), JsonReport.render(g.sha256s()), instance);
        seenRevision = written.revision();
        if (mismatch != null) {
            say.accept("测评体系已重新加载并记录为在用版本（sha256 " + shortSha(g.sha256()) + "），本实例恢复评分。");
        }
        mismatch = null;
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.warn("reading the criteria in force failed: {}", e.toString());
        }
    }

    /**
     * Follows a record another instance made since the last look (on the poller thread only; it
     * takes no lock of its own while the registry reloads, whose listeners record).
     */
    void poll() {
        Optional<CriteriaRecord.InForce> read = record.read();
        if (read.isEmpty() || read.get().revision() == seenRevision) {
            return;
        }
        CriteriaRecord.InForce inForce = read.get();
        seenRevision = inForce.revision();
        if (!inForce.sha256().equals(registry.current().sha256())) {
            following.set(true);
            try {
                registry.reload();
            } finally {
                following.set(false);
            }
        }
        // read again: a reload of this instance's own may have recorded a newer one meanwhile
        inForce = record.read().orElse(inForce);
        seenRevision = inForce.revision();
        String local = registry.current().sha256();
        if (local.equals(inForce.sha256())) {
            if (mismatch != null) {
                say.accept("测评体系已与其他实例一致（sha256 " + shortSha(local) + "），本实例恢复评分。");
            }
            mismatch = null;
            return;
        }
        mismatch = "本实例加载的测评体系（sha256 " + shortSha(local) + "）与数据库中记录的在用版本（sha256 "
                + shortSha(inForce.sha256()) + "，由 " + inForce.recordedBy() + " 记录）不一致，本实例暂停评分；"
                + "请使各实例的测评体系和规则目录一致，再重新加载";
        say.accept("警告：" + mismatch + "。");
        LOG.warn("criteria out of step with those in force: local {} recorded {} by {}", local, inForce.sha256(),
                inForce.recordedBy());
    }

    static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
