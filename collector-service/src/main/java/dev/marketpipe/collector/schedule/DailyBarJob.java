package dev.marketpipe.collector.schedule;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.replica.SymbolOwnership;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Daily OHLCV, once a day after the market close, Medium priority: once the day's session has closed (its real close,
 * so a CSAT day's 16:30 counts) plus {@code marketpipe.collector.schedule.daily.delay}, collects that day's daily
 * bar of every symbol, once per trading day. Nothing on a closed day.
 */
@ApplicationScoped
public class DailyBarJob implements CollectionJob {

    public static final String NAME = "daily";
    private static final Logger LOG = Logger.getLogger(DailyBarJob.class);

    private final WindowCollector collector;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final SymbolOwnership ownership;
    private final ScheduleConfig schedule;
    private LocalDate lastCollected;

    DailyBarJob(WindowCollector collector, MarketCalendar calendar, MarketClock clock, SymbolOwnership ownership,
            ScheduleConfig schedule) {
        this.collector = collector;
        this.calendar = calendar;
        this.clock = clock;
        this.ownership = ownership;
        this.schedule = schedule;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run() {
        collectTodaysBar();
    }

    /** Collects today's (KST) daily bar if the session closed at least the delay ago and it was not collected yet. */
    public synchronized Optional<LocalDate> collectTodaysBar() {
        Instant now = clock.now();
        LocalDate today = calendar.tradingDate(now);
        Optional<Session> session = calendar.session(today);
        if (session.isEmpty() || today.equals(lastCollected) || now.isBefore(session.get().close().plus(delay()))) {
            return Optional.empty();
        }
        int failed = 0;
        for (String symbol : ownership.owned()) {
            try {
                collector.collect(new FetchWindow(symbol, BarInterval.ONE_DAY, today.toString(), today.toString(),
                        session.get().open(), session.get().close()));
            } catch (RuntimeException e) {
                failed++;
                LOG.errorf("daily bar %s of %s not collected: %s", today, symbol, e.getMessage());
            }
        }
        lastCollected = today;
        LOG.infof("daily bar %s collected for %d symbols (%d failed)", today, ownership.owned().size(), failed);
        return Optional.of(today);
    }

    private Duration delay() {
        ScheduleConfig.JobSchedule daily = schedule.jobs().get(NAME);
        return daily == null ? Duration.ZERO : daily.delay().orElse(Duration.ZERO);
    }
}
