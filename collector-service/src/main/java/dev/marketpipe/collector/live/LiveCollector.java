package dev.marketpipe.collector.live;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.schedule.CollectionJob;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Spec §2 "1-Minute OHLCV, every 1 minute, market hours": shortly after each minute, collects the bar that just
 * completed for every configured symbol. Outside the session (nights, weekends, holidays) it does nothing. A bar
 * is collected once; the minute after the close still picks up the session's last bar. Scheduled as the
 * {@code one-minute} job of {@code marketpipe.collector.schedule} (High priority).
 */
@ApplicationScoped
public class LiveCollector implements CollectionJob {

    public static final String NAME = "one-minute";

    private static final Logger LOG = Logger.getLogger(LiveCollector.class);
    /** A completed bar older than this is left to backfill rather than collected late by the live job. */
    private static final Duration FRESHNESS = Duration.ofMinutes(2);

    private final WindowCollector collector;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final CollectorConfig config;
    private Instant lastCollected;

    LiveCollector(WindowCollector collector, MarketCalendar calendar, MarketClock clock, CollectorConfig config) {
        this.collector = collector;
        this.calendar = calendar;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run() {
        collectLastCompletedBar();
    }

    /** Collects the last completed 1-minute bar if it is fresh and not collected yet; returns its start. */
    public synchronized Optional<Instant> collectLastCompletedBar() {
        Instant now = clock.now();
        Optional<Instant> bar = calendar.lastCompletedBarStart(now, BarInterval.ONE_MINUTE)
                .filter(start -> Duration.between(start.plus(BarInterval.ONE_MINUTE.length()), now).compareTo(FRESHNESS) < 0)
                .filter(start -> !start.equals(lastCollected));
        if (bar.isEmpty()) {
            return Optional.empty();
        }
        Instant start = bar.get();
        Instant end = start.plus(BarInterval.ONE_MINUTE.length());
        int failed = 0;
        for (String symbol : config.symbols()) {
            try {
                collector.collect(new FetchWindow(symbol, BarInterval.ONE_MINUTE, start.toString(), end.toString(),
                        start, end));
            } catch (RuntimeException e) {
                failed++;
                LOG.errorf("live 1m bar %s of %s not collected: %s", start, symbol, e.getMessage());
            }
        }
        lastCollected = start;
        LOG.debugf("live 1m bar %s collected for %d symbols (%d failed)", start, config.symbols().size(), failed);
        return bar;
    }
}
