package dev.marketpipe.collector.schedule;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.wire.BarInterval;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The work of an intraday bar job (every N minutes during market hours): collect, for every symbol, the bar of
 * one interval that completed last in today's session — once, and only while it is fresh (an older bar is left to
 * backfill / gap-fill). Outside the session the calendar has no completed bar and nothing is requested.
 */
final class LastCompletedBar {

    private static final Logger LOG = Logger.getLogger(LastCompletedBar.class);

    private final BarInterval interval;
    private final Duration freshness;
    private final MarketCalendar calendar;
    private final WindowCollector collector;
    private Instant lastCollected;

    LastCompletedBar(BarInterval interval, Duration freshness, MarketCalendar calendar, WindowCollector collector) {
        this.interval = interval;
        this.freshness = freshness;
        this.calendar = calendar;
        this.collector = collector;
    }

    synchronized Optional<Instant> collect(Instant now, List<String> symbols) {
        Optional<Instant> bar = calendar.lastCompletedBarStart(now, interval)
                .filter(start -> Duration.between(start.plus(interval.length()), now).compareTo(freshness) < 0)
                .filter(start -> !start.equals(lastCollected));
        if (bar.isEmpty()) {
            return Optional.empty();
        }
        Instant start = bar.get();
        Instant end = start.plus(interval.length());
        int failed = 0;
        for (String symbol : symbols) {
            try {
                collector.collect(new FetchWindow(symbol, interval, start.toString(), end.toString(), start, end));
            } catch (RuntimeException e) {
                failed++;
                LOG.errorf("%s bar %s of %s not collected: %s", interval.code(), start, symbol, e.getMessage());
            }
        }
        lastCollected = start;
        LOG.debugf("%s bar %s collected for %d symbols (%d failed)", interval.code(), start, symbols.size(), failed);
        return bar;
    }
}
