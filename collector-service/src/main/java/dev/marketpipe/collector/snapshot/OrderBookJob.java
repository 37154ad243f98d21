package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.wire.DataType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Spec §2 "Order Book Snapshots, every 10 seconds, market hours, Low": one snapshot of every configured symbol per
 * run while the session is open; nothing outside it.
 */
@ApplicationScoped
public class OrderBookJob {

    private static final Logger LOG = Logger.getLogger(OrderBookJob.class);

    private final SnapshotCollector collector;
    private final OrderBookSchedule schedule;
    private final CollectorConfig config;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    OrderBookJob(SnapshotCollector collector, OrderBookSchedule schedule, CollectorConfig config,
            MarketCalendar calendar, MarketClock clock) {
        this.collector = collector;
        this.schedule = schedule;
        this.config = config;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(identity = "orderbook", every = "{marketpipe.collector.schedule.orderbook.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (schedule.enabled() && calendar.isOpen(clock.now())) {
            run();
        }
    }

    /** One snapshot per configured symbol, whatever the time; a symbol that fails is logged and skipped. */
    public SnapshotCollector.Outcome run() {
        int pages = 0;
        int records = 0;
        for (String symbol : config.symbols()) {
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
