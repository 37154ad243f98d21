package dev.marketpipe.collector.outcome;

import dev.marketpipe.collector.client.LoaderClient;
import dev.marketpipe.wire.CollectionAttempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * Sends failed-attempt reports to the loader in the background, so that collection never waits for, or fails
 * because of, the loader. A report is kept in the collector's database ({@link CollectionLogStore}) from the moment
 * the attempt failed until the loader acknowledged it, so neither a restart of the collector nor an outage of the
 * loader loses it; the loader writes one row per report id however often a report arrives. While the collector's
 * own database cannot be reached, reports wait in memory and are written once it is back.
 *
 * <p>Bounds: at most {@code queueCapacity} reports are kept (in the database, and in memory during an outage); beyond
 * that the OLDEST are dropped and counted ({@code marketpipe_collector_collection_log_dropped_total}). A report the
 * loader refuses as invalid (4xx) is dropped, counted and logged. Unreachable loader: retried with backoff.
 */
@ApplicationScoped
public class CollectionLogOutbox {

    private static final Logger LOG = Logger.getLogger(CollectionLogOutbox.class);
    private static final int SEND_BATCH = 100;
    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(5);

    private final LoaderClient loader;
    private final CollectionLogStore store;
    private final CollectionLogConfig config;
    private final Clock clock;
    private final Deque<CollectionAttempt> unsaved = new ArrayDeque<>();
    private final Counter posted;
    private final Counter dropped;
    private final Counter refused;
    private final Counter postFailures;
    private final Object signal = new Object();
    private volatile int kept;
    private volatile boolean storeDown;
    private Thread sender;
    private volatile boolean running = true;
    private boolean wakeUp;

    @Inject
    CollectionLogOutbox(LoaderClient loader, CollectionLogStore store, CollectionLogConfig config,
            MeterRegistry registry) {
        this(loader, store, config, registry, Clock.systemUTC());
    }

    CollectionLogOutbox(LoaderClient loader, CollectionLogStore store, CollectionLogConfig config,
            MeterRegistry registry, Clock clock) {
        this.loader = loader;
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.posted = Counter.builder("marketpipe.collector.collection.log.posted")
                .description("Failed-attempt reports written to data_collection_log by the loader").register(registry);
        this.dropped = Counter.builder("marketpipe.collector.collection.log.dropped")
                .description("Reports dropped because the outbox was full (oldest first)").register(registry);
        this.refused = Counter.builder("marketpipe.collector.collection.log.refused")
                .description("Reports the loader refused as invalid").register(registry);
        this.postFailures = Counter.builder("marketpipe.collector.collection.log.post.failures")
                .description("Failed attempts to reach the loader (retried)").register(registry);
        Gauge.builder("marketpipe.collector.collection.log.pending", this, o -> o.kept + o.unsavedCount())
                .description("Reports waiting to be acknowledged by the loader").register(registry);
    }

    /** Keeps a report for the loader; never throws, and does not wait for the database while it is known down. */
    public void submit(CollectionAttempt attempt) {
        CollectionAttempt report = attempt.identified(UUID.randomUUID(), clock.instant());
        if (!storeDown && save(report)) {
            kept++;
        } else {
            synchronized (unsaved) {
                if (unsaved.size() >= config.queueCapacity()) {
                    unsaved.pollFirst();
                    dropped.increment();
                }
                unsaved.addLast(report);
            }
        }
        wake();
    }

    /** Reports not yet acknowledged by the loader (kept in the database or waiting in memory). */
    public int pending() {
        try {
            kept = store.count();
        } catch (SQLException e) {
            // the last count stands while the database cannot be reached
        }
        return kept + unsavedCount();
    }

    /** Starts sending what earlier runs of the collector left unacknowledged. */
    void onStart(@Observes StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (sender == null) {
            sender = new Thread(this::run, "collection-log-sender");
            sender.setDaemon(true);
            sender.start();
        }
    }

    private int unsavedCount() {
        synchronized (unsaved) {
            return unsaved.size();
        }
    }

    private boolean save(CollectionAttempt report) {
        try {
            store.save(report);
            storeDown = false;
            return true;
        } catch (SQLException e) {
            if (!storeDown) {
                LOG.warnf("collection-log reports wait in memory until the collector's database is back: %s",
                        e.getMessage());
            }
            storeDown = true;
            return false;
        }
    }

    private void run() {
        long backoffMs = config.retryInitialDelay().toMillis();
        while (running) {
            Sent sent;
            try {
                saveUnsaved();
                trim();
                sent = sendOldest();
            } catch (SQLException e) {
                storeDown = true;
                backoffMs = backOff(backoffMs, "collector database: " + e.getMessage());
                continue;
            }
            switch (sent) {
                case SOME -> backoffMs = config.retryInitialDelay().toMillis();
                case BLOCKED -> backoffMs = backOff(backoffMs, "loader not reachable");
                case NOTHING -> idle();
            }
        }
    }

    /** What one round of sending did. */
    private enum Sent {
        /** Nothing was waiting. */
        NOTHING,
        /** Reports were sent (or refused for good). */
        SOME,
        /** The loader could not be reached. */
        BLOCKED
    }

    private void saveUnsaved() throws SQLException {
        while (true) {
            CollectionAttempt next;
            synchronized (unsaved) {
                next = unsaved.peekFirst();
            }
            if (next == null) {
                return;
            }
            store.save(next);
            storeDown = false;
            synchronized (unsaved) {
                if (unsaved.peekFirst() == next) { // unless drop-oldest removed it meanwhile
                    unsaved.pollFirst();
                }
            }
        }
    }

    private void trim() throws SQLException {
        int over = store.trim(config.queueCapacity());
        if (over > 0) {
            dropped.increment(over);
            LOG.warnf("collection-log outbox full: %d oldest report(s) dropped", over);
        }
    }

    /** Sends the oldest kept reports in order, until the loader cannot be reached. */
    private Sent sendOldest() throws SQLException {
        List<CollectionAttempt> reports = store.oldest(SEND_BATCH);
        kept = reports.size() < SEND_BATCH ? reports.size() : store.count();
        if (reports.isEmpty()) {
            return Sent.NOTHING;
        }
        for (CollectionAttempt report : reports) {
            if (!running) {
                return Sent.SOME;
            }
            if (!send(report)) {
                return Sent.BLOCKED;
            }
            store.delete(report.attemptId());
            kept = Math.max(0, kept - 1);
        }
        return Sent.SOME;
    }

    /** True when the loader acknowledged or refused the report for good (either way it is done). */
    private boolean send(CollectionAttempt report) {
        try {
            loader.record(report);
            posted.increment();
            return true;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                refused.increment();
                LOG.warnf("the loader refused a collection-log report (%d), dropped: %s %s %s", status,
                        report.symbol(), report.interval(), report.errorType());
                return true;
            }
            postFailures.increment();
            return false;
        } catch (RuntimeException e) {
            postFailures.increment();
            return false;
        }
    }

    private long backOff(long backoffMs, String why) {
        LOG.debugf("collection log not sent (%s); retrying in %d ms", why, backoffMs);
        pause(backoffMs);
        return Math.min(backoffMs * 2, config.retryMaxDelay().toMillis());
    }

    /** Waits for a new report, or the poll interval for reports another replica left behind. */
    private void idle() {
        pause(config.pollInterval().toMillis());
    }

    private void pause(long millis) {
        synchronized (signal) {
            if (!wakeUp && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeUp = false;
        }
    }

    private void wake() {
        synchronized (signal) {
            wakeUp = true;
            signal.notifyAll();
        }
    }

    /** Stops sending; returns once the sender has finished the report in hand. */
    @PreDestroy
    void stop() {
        running = false;
        wake();
        Thread current;
        synchronized (this) {
            current = sender;
        }
        if (current != null && current != Thread.currentThread()) {
            try {
                current.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
