package dev.marketpipe.collector.snapshot;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import jakarta.enterprise.context.ApplicationScoped;

/** Spec §2 "Account Info, every 5 minutes, market hours, Medium": the account balance (spec §1.3). */
@ApplicationScoped
public class AccountInfoJob extends MarketHoursJob {

    public static final String NAME = "account-info";

    private final SnapshotCollector collector;

    AccountInfoJob(SnapshotCollector collector, MarketCalendar calendar, MarketClock clock) {
        super(calendar, clock);
        this.collector = collector;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SnapshotCollector.Outcome collect() {
        return collector.accountInfo();
    }
}
