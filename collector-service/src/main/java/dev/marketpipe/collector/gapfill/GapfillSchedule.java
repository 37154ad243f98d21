package dev.marketpipe.collector.gapfill;

import dev.marketpipe.collector.job.JobState;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The self-healing run: every {@code marketpipe.collector.gapfill.cron} (default every 15 minutes), a gap-fill of
 * today and the last {@code lookback-trading-days} trading days for each configured interval and for the symbols
 * this replica holds (so two replicas never fill the same symbol). A run still busy is not started twice.
 */
@ApplicationScoped
public class GapfillSchedule {

    private static final Logger LOG = Logger.getLogger(GapfillSchedule.class);

    private final GapfillService gapfills;
    private final SymbolOwnership ownership;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final GapfillConfig config;
    private final List<UUID> running = new ArrayList<>();

    GapfillSchedule(GapfillService gapfills, SymbolOwnership ownership, MarketCalendar calendar, MarketClock clock,
            GapfillConfig config) {
        this.gapfills = gapfills;
        this.ownership = ownership;
        this.calendar = calendar;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "gapfill", cron = "{marketpipe.collector.gapfill.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        if (config.scheduleEnabled()) {
            runOnce();
        }
    }

    /** Starts one scheduled run unless the previous one is still busy; returns the jobs started. */
    public synchronized List<UUID> runOnce() {
        running.removeIf(id -> gapfills.find(id).map(job -> job.state() != JobState.RUNNING).orElse(true));
        if (!running.isEmpty()) {
            LOG.infof("gap-fill: the previous scheduled run is still busy; skipped");
            return List.of();
        }
        List<String> symbols = ownership.owned();
        if (symbols.isEmpty()) {
            return List.of();
        }
        gapfills.purgeAttempts();
        LocalDate today = calendar.tradingDate(clock.now());
        LocalDate from = gapfills.lookbackStart(today);
        for (String code : config.intervals()) {
            BarInterval interval = BarInterval.fromCode(code.trim());
            running.add(gapfills.start(new GapfillRequest(symbols, interval, from, today), "schedule").id());
        }
        return List.copyOf(running);
    }
}
