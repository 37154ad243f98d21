package dev.marketpipe.collector.realtime;

import dev.marketpipe.provider.kis.realtime.KisFrameException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** What the feed counts, and the one log line per kind of unreadable frame. */
@ApplicationScoped
public class FeedMetrics {

    private static final Logger LOG = Logger.getLogger(FeedMetrics.class);

    private final MeterRegistry registry;
    private final AtomicInteger openSessions = new AtomicInteger();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final Set<KisFrameException.Kind> logged = EnumSet.noneOf(KisFrameException.Kind.class);

    FeedMetrics(MeterRegistry registry) {
        this.registry = registry;
        registry.gauge("marketpipe.collector.realtime.sessions", openSessions);
        registry.gauge("marketpipe.collector.realtime.subscriptions", subscriptions);
    }

    void frame(String trId) {
        registry.counter("marketpipe.collector.realtime.frames", "tr_id", trId).increment();
    }

    /** Counted every time, logged the first time of its kind (a broken feed would otherwise flood the log). */
    void unreadable(KisFrameException e) {
        registry.counter("marketpipe.collector.realtime.frames.unreadable", "kind", e.kind().label()).increment();
        boolean first;
        synchronized (logged) {
            first = logged.add(e.kind());
        }
        if (first) {
            LOG.warnf("an unreadable real-time frame (%s): %s; archived as received, further ones of this kind are "
                    + "only counted (marketpipe_collector_realtime_frames_unreadable_total)", e.kind().label(),
                    e.getMessage());
        }
    }

    /** An unreadable frame without a symbol dropped from the bounded buffer, never archived. */
    void unattributedDropped() {
        registry.counter("marketpipe.collector.realtime.frames.dropped").increment();
    }

    void opened() {
        openSessions.incrementAndGet();
    }

    void closed(int acknowledged) {
        openSessions.decrementAndGet();
        subscriptions.addAndGet(-acknowledged);
    }

    void subscribed(int delta) {
        subscriptions.addAndGet(delta);
    }

    void refused(String message) {
        registry.counter("marketpipe.collector.realtime.subscriptions.refused").increment();
        LOG.warnf("the feed refused a subscription: %s", message);
    }

    void reconnect() {
        registry.counter("marketpipe.collector.realtime.reconnects").increment();
    }

    void collected(String dataType, int records) {
        registry.counter("marketpipe.collector.records.collected", "data_type", dataType, "interval", "none")
                .increment(records);
    }
}
