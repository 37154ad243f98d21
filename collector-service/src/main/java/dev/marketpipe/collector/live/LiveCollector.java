package dev.marketpipe.collector.live;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.collector.schedule.CollectionJob;
import dev.marketpipe.collector.state.CollectionState;
import dev.marketpipe.collector.state.IncrementalConfig;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    private final SymbolOwnership ownership;
    private final CollectionState state;
    private final IncrementalConfig incremental;
    private Instant lastCollected;

    LiveCollector(WindowCollector collector, MarketCalendar calendar, MarketClock clock, CollectorConfig config,
            SymbolOwnership ownership, CollectionState state, IncrementalConfig incremental) {
        this.ownership = ownership;
        this.state = state;
        this.incremental = incremental;
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
    public Optional<Instant> collectLastCompletedBar() {
        return collectLastCompletedBar(clock.now());
    }

    /**
     * One live cycle as if it ran at {@code now}: the bar that completed last, for the symbols this replica holds.
     * A symbol whose collection state shows a hole of at most {@code incremental.max-catch-up} before that bar
     * (a restart, a lease taken over from a dead replica) gets the hole in the same request; a symbol whose state
     * already has the bar (another replica collected it this cycle) is not fetched again.
     */
    public synchronized Optional<Instant> collectLastCompletedBar(Instant now) {
        Optional<Instant> bar = calendar.lastCompletedBarStart(now, BarInterval.ONE_MINUTE)
                .filter(start -> Duration.between(start.plus(BarInterval.ONE_MINUTE.length()), now).compareTo(FRESHNESS) < 0)
                .filter(start -> !start.equals(lastCollected));
        if (bar.isEmpty()) {
            return Optional.empty();
        }
        Instant start = bar.get();
        Instant end = start.plus(BarInterval.ONE_MINUTE.length());
        int failed = 0;
        List<String> symbols = ownership.owned();
        Map<String, Instant> archived = state.lastBarStarts(BarInterval.ONE_MINUTE, symbols);
        for (String symbol : symbols) {
            Instant last = archived.get(symbol);
            if (last != null && !last.isBefore(start)) {
                continue;
            }
            Instant from = last != null && !last.isBefore(start.minus(incremental.maxCatchUp()))
                    && calendar.tradingDate(last).equals(calendar.tradingDate(start))
                    ? last.plus(BarInterval.ONE_MINUTE.length()) : start;
            try {
                collector.collect(new FetchWindow(symbol, BarInterval.ONE_MINUTE, from.toString(), end.toString(),
                        from, end));
            } catch (RuntimeException e) {
                failed++;
                LOG.errorf("live 1m bar %s of %s not collected: %s", start, symbol, e.getMessage());
            }
        }
        lastCollected = start;
        LOG.debugf("live 1m bar %s collected for %d symbols (%d failed)", start, symbols.size(), failed);
        return bar;
    }
}
