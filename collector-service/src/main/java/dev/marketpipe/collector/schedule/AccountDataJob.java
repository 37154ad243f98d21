package dev.marketpipe.collector.schedule;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.wire.DataType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/**
 * Account data every 5 minutes during market hours, one job per data type: the account balance
 * ({@code account-info}), the positions ({@code positions}) and the order history of today's session so far
 * ({@code orders}). Each order-history run asks for the whole session up to now; the loader upserts on the order
 * id, so an order seen again (or whose fill changed) updates its row instead of doubling it. {@link Jobs} makes
 * the three beans.
 */
public final class AccountDataJob extends MarketHoursJob {

    private final String name;
    private final DataType dataType;
    private final SnapshotCollector collector;

    private AccountDataJob(String name, DataType dataType, SnapshotCollector collector, MarketCalendar calendar,
            MarketClock clock) {
        super(calendar, clock);
        this.name = name;
        this.dataType = dataType;
        this.collector = collector;
    }

    @Override
    public String name() {
        return name;
    }

    /** What the job collects: account info, positions or orders. */
    public DataType dataType() {
        return dataType;
    }

    /** The account info or the positions now; the orders of today's session up to now (nothing on a closed day). */
    @Override
    public SnapshotCollector.Outcome collect() {
        return switch (dataType) {
            case ACCOUNT_INFO -> collector.accountInfo();
            case POSITIONS -> collector.positions();
            default -> ordersOfTodaysSession();
        };
    }

    /** The orders placed in {@code [from, to)}; the order-history job only. */
    public SnapshotCollector.Outcome collect(Instant from, Instant to) {
        if (dataType != DataType.ORDERS) {
            throw new IllegalStateException("the " + name + " job collects no window");
        }
        return collector.orders(from, to);
    }

    private SnapshotCollector.Outcome ordersOfTodaysSession() {
        Instant now = clock.now();
        Optional<Session> session = calendar.session(calendar.tradingDate(now));
        if (session.isEmpty() || !now.isAfter(session.get().open())) {
            return new SnapshotCollector.Outcome(DataType.ORDERS, 0, 0);
        }
        return collect(session.get().open(), now);
    }

    /** The account-data jobs, by their schedule keys. */
    @ApplicationScoped
    static class Jobs {

        @Produces
        @Singleton
        AccountDataJob accountInfo(SnapshotCollector collector, MarketCalendar calendar, MarketClock clock) {
            return new AccountDataJob("account-info", DataType.ACCOUNT_INFO, collector, calendar, clock);
        }

        @Produces
        @Singleton
        AccountDataJob positions(SnapshotCollector collector, MarketCalendar calendar, MarketClock clock) {
            return new AccountDataJob("positions", DataType.POSITIONS, collector, calendar, clock);
        }

        @Produces
        @Singleton
        AccountDataJob orders(SnapshotCollector collector, MarketCalendar calendar, MarketClock clock) {
            return new AccountDataJob("orders", DataType.ORDERS, collector, calendar, clock);
        }
    }
}
