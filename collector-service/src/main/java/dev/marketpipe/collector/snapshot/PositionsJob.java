package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Spec §2 account data every 5 minutes in market hours: the positions (spec §1.3). */
@ApplicationScoped
public class PositionsJob {

    private static final Logger LOG = Logger.getLogger(PositionsJob.class);

    private final SnapshotCollector collector;
    private final PositionsSchedule schedule;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    PositionsJob(SnapshotCollector collector, PositionsSchedule schedule, MarketCalendar calendar, MarketClock clock) {
        this.collector = collector;
        this.schedule = schedule;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(identity = "positions", every = "{marketpipe.collector.schedule.positions.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (schedule.enabled() && calendar.isOpen(clock.now())) {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.errorf("positions not collected: %s", e.getMessage());
            }
        }
    }

    /** Collects once, whatever the time. */
    public SnapshotCollector.Outcome run() {
        return collector.positions();
    }
}
