package dev.marketpipe.collector.outcome;

import dev.marketpipe.wire.CollectionAttempt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sends failed-attempt reports to the loader in the background, so that collection never waits for, or fails
 * because of, the loader. A bounded in-memory queue: while the loader is unreachable reports wait and are retried
 * with backoff; when the queue is full the OLDEST report is dropped and counted
 * ({@code marketpipe_collector_collection_log_dropped_total}). Reports are lost on a restart; the metrics and the
 * ERROR log lines remain. A report the loader refuses as invalid (4xx) is dropped, counted and logged.
 */
@ApplicationScoped
public class CollectionLogOutbox {

    private static final Logger LOG = Logger.getLogger(CollectionLogOutbox.class);

    private final CollectionLogApi loader;
    private final CollectionLogConfig config;
    private final Deque<CollectionAttempt> queue = new ArrayDeque<>();
    private final Counter posted;
    private final Counter dropped;
    private final Counter refused;
    private final Counter postFailures;
    private Thread sender;
    private volatile boolean running = true;

    CollectionLogOutbox(@RestClient CollectionLogApi loader, CollectionLogConfig config, MeterRegistry registry) {
        this.loader = loader;
        this.config = config;
        this.posted = Counter.builder("marketpipe.collector.collection.log.posted")
                .description("Failed-attempt reports written to data_collection_log by the loader").register(registry);
        this.dropped = Counter.builder("marketpipe.collector.collection.log.dropped")
                .description("Reports dropped because the queue was full (oldest first)").register(registry);
        this.refused = Counter.builder("marketpipe.collector.collection.log.refused")
                .description("Reports the loader refused as invalid").register(registry);
        this.postFailures = Counter.builder("marketpipe.collector.collection.log.post.failures")
                .description("Failed attempts to reach the loader (retried)").register(registry);
        Gauge.builder("marketpipe.collector.collection.log.pending", this, CollectionLogOutbox::pending)
                .description("Reports waiting to be sent to the loader").register(registry);
    }

    /** Queues a report; never blocks and never throws. */
    public void submit(CollectionAttempt attempt) {
        synchronized (queue) {
            if (queue.size() >= config.queueCapacity()) {
                queue.pollFirst();
                dropped.increment();
            }
            queue.addLast(attempt);
            startSenderIfNeeded();
            queue.notifyAll();
        }
    }

    public int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void startSenderIfNeeded() {
        if (sender == null) {
            sender = new Thread(this::run, "collection-log-sender");
            sender.setDaemon(true);
            sender.start();
        }
    }

    private void run() {
        long backoffMs = config.retryInitialDelay().toMillis();
        while (running) {
            CollectionAttempt next;
            synchronized (queue) {
                while (queue.isEmpty() && running) {
                    waitOn(0);
                }
                if (!running) {
                    return;
                }
                next = queue.peekFirst();
            }
            try {
                loader.record(next).close();
                posted.increment();
                remove(next);
                backoffMs = config.retryInitialDelay().toMillis();
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status >= 400 && status < 500 && status != 408 && status != 429) {
                    refused.increment();
                    remove(next);
                    LOG.warnf("the loader refused a collection-log report (%d), dropped: %s %s %s", status,
                            next.symbol(), next.interval(), next.errorType());
                } else {
                    backoffMs = backOff(backoffMs, "HTTP " + status);
                }
            } catch (RuntimeException e) {
                backoffMs = backOff(backoffMs, e.getClass().getSimpleName());
            }
        }
    }

    private long backOff(long backoffMs, String why) {
        postFailures.increment();
        LOG.debugf("loader not reachable for the collection log (%s); retrying in %d ms", why, backoffMs);
        synchronized (queue) {
            waitOn(backoffMs);
        }
        return Math.min(backoffMs * 2, config.retryMaxDelay().toMillis());
    }

    private void remove(CollectionAttempt sent) {
        synchronized (queue) {
            if (queue.peekFirst() == sent) { // unless drop-oldest removed it meanwhile
                queue.pollFirst();
            }
        }
    }

    private void waitOn(long millis) {
        try {
            queue.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        synchronized (queue) {
            queue.notifyAll();
        }
    }
}
