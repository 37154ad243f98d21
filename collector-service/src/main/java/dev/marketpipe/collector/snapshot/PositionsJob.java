package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.schedule.CollectionJob;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Spec §2 account data every 5 minutes in market hours: the positions (spec §1.3). */
@ApplicationScoped
public class PositionsJob implements CollectionJob {

    public static final String NAME = "positions";

    private static final Logger LOG = Logger.getLogger(PositionsJob.class);

    private final SnapshotCollector collector;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    PositionsJob(SnapshotCollector collector, MarketCalendar calendar, MarketClock clock) {
        this.collector = collector;
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

    /** Collects once, whatever the time. */
    public SnapshotCollector.Outcome collect() {
        return collector.positions();
    }
}
