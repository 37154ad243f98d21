package dev.marketpipe.collector.schedule;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.config.MarketClock;

/**
 * A scheduled snapshot job that collects only during market hours: the scheduled {@link #run()} asks
 * the calendar, {@link #collect()} (also behind {@code POST /v1/collections/{type}/run}) collects whatever the time.
 */
abstract class MarketHoursJob implements CollectionJob {

    protected MarketCalendar calendar;
    protected MarketClock clock;

    /** For the container's client proxy only. */
    protected MarketHoursJob() {
    }

    protected MarketHoursJob(MarketCalendar calendar, MarketClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The scheduled run (see {@code JobScheduler}): collects only while the session is open. */
    @Override
    public final void run() {
        if (calendar.isOpen(clock.now())) {
            collect();
        }
    }

    /** Collects once, whatever the time. */
    public abstract SnapshotCollector.Outcome collect();
}
