package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import jakarta.enterprise.context.ApplicationScoped;

/** Spec §2 account data every 5 minutes in market hours: the positions (spec §1.3). */
@ApplicationScoped
public class PositionsJob extends MarketHoursJob {

    public static final String NAME = "positions";

    private final SnapshotCollector collector;

    PositionsJob(SnapshotCollector collector, MarketCalendar calendar, MarketClock clock) {
        super(calendar, clock);
        this.collector = collector;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SnapshotCollector.Outcome collect() {
        return collector.positions();
    }
}
