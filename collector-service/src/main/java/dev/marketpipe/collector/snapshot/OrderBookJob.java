package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.collector.schedule.CollectionJob;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Spec §2 "Order Book Snapshots, every 10 seconds, market hours, Low": one snapshot of every configured symbol per
 * run while the session is open; nothing outside it.
 */
@ApplicationScoped
public class OrderBookJob implements CollectionJob {

    public static final String NAME = "orderbook";

    private static final Logger LOG = Logger.getLogger(OrderBookJob.class);

    private final SnapshotCollector collector;
    private final SymbolOwnership ownership;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    OrderBookJob(SnapshotCollector collector, SymbolOwnership ownership, MarketCalendar calendar, MarketClock clock) {
        this.collector = collector;
        this.ownership = ownership;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The scheduled run (see {@code JobScheduler}): collects only while the session is open. */
    @Override
    public void run() {
        if (calendar.isOpen(clock.now())) {
            collect();
        }
    }

    /** One snapshot per symbol this replica holds, whatever the time; a symbol that fails is logged and skipped. */
    public SnapshotCollector.Outcome collect() {
        int pages = 0;
        int records = 0;
        for (String symbol : ownership.owned()) {
            try {
                SnapshotCollector.Outcome outcome = collector.orderBook(symbol);
                pages += outcome.pages();
                records += outcome.records();
            } catch (RuntimeException e) {
                LOG.errorf("order book of %s not collected: %s", symbol, e.getMessage());
            }
        }
        return new SnapshotCollector.Outcome(DataType.ORDERBOOK, pages, records);
    }
}
