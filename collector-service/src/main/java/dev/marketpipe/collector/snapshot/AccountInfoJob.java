package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.schedule.CollectionJob;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Spec §2 "Account Info, every 5 minutes, market hours, Medium": the account balance (spec §1.3). */
@ApplicationScoped
public class AccountInfoJob implements CollectionJob {

    public static final String NAME = "account-info";

    private static final Logger LOG = Logger.getLogger(AccountInfoJob.class);

    private final SnapshotCollector collector;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    AccountInfoJob(SnapshotCollector collector, MarketCalendar calendar, MarketClock clock) {
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
        return collector.accountInfo();
    }
}
