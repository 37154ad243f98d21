package dev.marketpipe.collector.schedule;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/** 5-minute OHLCV, every 5 minutes during market hours, Medium priority: the 5-minute bar that just completed. */
@ApplicationScoped
public class FiveMinuteBarJob implements CollectionJob {

    public static final String NAME = "five-minute";

    private final LastCompletedBar bars;
    private final MarketClock clock;
    private final SymbolOwnership ownership;

    FiveMinuteBarJob(WindowCollector collector, MarketCalendar calendar, MarketClock clock, SymbolOwnership ownership) {
        this.bars = new LastCompletedBar(BarInterval.FIVE_MINUTES, BarInterval.FIVE_MINUTES.length(), calendar, collector);
        this.clock = clock;
        this.ownership = ownership;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run() {
        collectLastCompletedBar();
    }

    /** Collects the last completed 5-minute bar of every symbol if fresh and not collected yet; returns its start. */
    public Optional<Instant> collectLastCompletedBar() {
        return bars.collect(clock.now(), ownership.owned());
    }
}
