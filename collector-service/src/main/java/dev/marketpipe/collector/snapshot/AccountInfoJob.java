package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Spec §2 "Account Info, every 5 minutes, market hours, Medium": the account balance (spec §1.3). */
@ApplicationScoped
public class AccountInfoJob {

    private static final Logger LOG = Logger.getLogger(AccountInfoJob.class);

    private final SnapshotCollector collector;
    private final AccountInfoSchedule schedule;
    private final MarketCalendar calendar;
    private final MarketClock clock;

    AccountInfoJob(SnapshotCollector collector, AccountInfoSchedule schedule, MarketCalendar calendar, MarketClock clock) {
        this.collector = collector;
        this.schedule = schedule;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Scheduled(identity = "account-info", every = "{marketpipe.collector.schedule.account-info.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (schedule.enabled() && calendar.isOpen(clock.now())) {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.errorf("account info not collected: %s", e.getMessage());
            }
        }
    }

    /** Collects once, whatever the time. */
    public SnapshotCollector.Outcome run() {
        return collector.accountInfo();
    }
}
