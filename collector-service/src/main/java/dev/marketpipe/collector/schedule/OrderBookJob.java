package dev.marketpipe.collector.schedule;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.wire.DataType;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Order-book snapshots, every 10 seconds during market hours, Low priority: one snapshot of every configured symbol per
 * run while the session is open; nothing outside it.
 */
@ApplicationScoped
public class OrderBookJob extends MarketHoursJob {

    public static final String NAME = "orderbook";

    private static final Logger LOG = Logger.getLogger(OrderBookJob.class);

    private final SnapshotCollector collector;
    private final SymbolOwnership ownership;

    OrderBookJob(SnapshotCollector collector, SymbolOwnership ownership, MarketCalendar calendar, MarketClock clock) {
        super(calendar, clock);
        this.collector = collector;
        this.ownership = ownership;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** One snapshot per symbol this replica holds, whatever the time; a symbol that fails is logged and skipped. */
    @Override
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
