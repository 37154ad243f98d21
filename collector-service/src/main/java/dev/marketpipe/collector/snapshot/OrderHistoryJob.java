package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.config.MarketClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;

/**
 * Spec §2 account data every 5 minutes in market hours: the order history of today's session so far (spec §1.3).
 * Each run asks for the whole session up to now; the loader upserts on the order id, so an order seen again (or
 * whose fill changed) updates its row instead of doubling it.
 */
@ApplicationScoped
public class OrderHistoryJob {

    private static final Logger LOG = Logger.getLogger(OrderHistoryJob.class);

    private final SnapshotCollector collector;
    private final OrderHistorySchedule schedule;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    OrderHistoryJob(SnapshotCollector collector, OrderHistorySchedule schedule, MarketCalendar calendar,
            MarketClock clock) {
        this.collector = collector;
        this.schedule = schedule;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(identity = "orders", every = "{marketpipe.collector.schedule.orders.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (schedule.enabled() && calendar.isOpen(clock.now())) {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.errorf("order history not collected: %s", e.getMessage());
            }
        }
    }

    /** The orders of today's session up to now; nothing on a closed day. */
    public SnapshotCollector.Outcome run() {
        Instant now = clock.now();
        Optional<Session> session = calendar.session(calendar.tradingDate(now));
        if (session.isEmpty() || !now.isAfter(session.get().open())) {
            return new SnapshotCollector.Outcome(dev.marketpipe.wire.DataType.ORDERS, 0, 0);
        }
        return run(session.get().open(), now);
    }

    /** The orders placed in {@code [from, to)}. */
    public SnapshotCollector.Outcome run(Instant from, Instant to) {
        return collector.orders(from, to);
    }
}
