package org.civcheck.engine;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a {@link CriteriaRegistry} on a background thread when its folders change: the
 * criteria folder, each folder directly inside it (the sets), and the rules folder. Changes are
 * debounced: the rebuild starts once {@value #QUIET_MILLIS} ms pass without another (or after
 * {@value #MAX_WAIT_MILLIS} ms of continuous changes), so saving several files rebuilds once.
 */
final class CriteriaWatcher implements AutoCloseable {

    static final long QUIET_MILLIS = 300;
    static final long MAX_WAIT_MILLIS = 5_000;

    private static final Logger LOG = LoggerFactory.getLogger(CriteriaWatcher.class);

    private final CriteriaRegistry registry;
    private final WatchService service;
    private final Thread thread;

    private CriteriaWatcher(CriteriaRegistry registry, WatchService service) {
        this.registry = registry;
        this.service = service;
        this.thread = new Thread(this::run, "criteria-watcher");
        this.thread.setDaemon(true);
    }

    /** Watches the registry's folders from now on. */
    static CriteriaWatcher start(CriteriaRegistry registry) throws IOException {
        WatchService service = registry.sources().get(0).getFileSystem().newWatchService();
        CriteriaWatcher watcher = new CriteriaWatcher(registry, service);
        try {
            watcher.register();
        } catch (IOException e) {
            service.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    /** (Re-)registers every watched folder, so that a set folder added since is watched too. */
    private void register() throws IOException {
        for (Path source : registry.sources()) {
            if (!Files.isDirectory(source)) {
                continue;
            }
            source.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
            try (Stream<Path> children = Files.list(source)) {
                for (Path child : children.filter(Files::isDirectory).toList()) {
                    child.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                }
            }
        }
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                drain(service.take());
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
                WatchKey more;
                while (System.nanoTime() < deadline
                        && (more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    register();
                } catch (IOException e) {
                    LOG.warn("cannot watch every criteria folder: {}", e.toString());
                }
                try {
                    registry.reload();
                } catch (RuntimeException e) {
                    LOG.error("rebuilding the criteria failed", e);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** Stops watching (closing the service wakes the thread) and waits briefly for a rebuild under way to finish. */
    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.warn("closing the criteria watcher: {}", e.toString());
        }
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
