package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.config.MarketClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Spec §2 account data every 5 minutes in market hours: the order history of today's session so far (spec §1.3).
 * Each run asks for the whole session up to now; the loader upserts on the order id, so an order seen again (or
 * whose fill changed) updates its row instead of doubling it.
 */
@ApplicationScoped
public class OrderHistoryJob extends MarketHoursJob {

    public static final String NAME = "orders";

    private final SnapshotCollector collector;

    OrderHistoryJob(SnapshotCollector collector, MarketCalendar calendar,
            MarketClock clock) {
        super(calendar, clock);
        this.collector = collector;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The orders of today's session up to now; nothing on a closed day. */
    @Override
    public SnapshotCollector.Outcome collect() {
        Instant now = clock.now();
        Optional<Session> session = calendar.session(calendar.tradingDate(now));
        if (session.isEmpty() || !now.isAfter(session.get().open())) {
            return new SnapshotCollector.Outcome(dev.marketpipe.wire.DataType.ORDERS, 0, 0);
        }
        return collect(session.get().open(), now);
    }

    /** The orders placed in {@code [from, to)}. */
    public SnapshotCollector.Outcome collect(Instant from, Instant to) {
        return collector.orders(from, to);
    }
}
