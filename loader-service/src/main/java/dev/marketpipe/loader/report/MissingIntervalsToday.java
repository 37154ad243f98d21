package dev.marketpipe.loader.report;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.BarInterval;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The KPI "missing data intervals: 0, alert above 5 per day", as a gauge Prometheus can alert on during the day
 * instead of only in the after-close report: {@code marketpipe.loader.missing.intervals{interval}} holds the bars of
 * the current KRX trading date that are due but not stored, summed over the symbols the daily report lists. A bar is
 * due once its end lies {@code missing-intervals-grace} in the past (collection and loading take a moment); on a
 * day without a session the gauge is 0. It is the same count as the daily report's {@code missingIntervals} KPI,
 * from the same {@link DailyReports}, cut at "now".
 */
@Startup
@ApplicationScoped
public class MissingIntervalsToday {

    private static final Logger LOG = Logger.getLogger(MissingIntervalsToday.class);

    private final DailyReports reports;
    private final ReportConfig config;
    private final Map<BarInterval, AtomicLong> missing = new ConcurrentHashMap<>();

    MissingIntervalsToday(DailyReports reports, ReportConfig config, MeterRegistry registry) {
        this.reports = reports;
        this.config = config;
        for (String code : config.generateIntervals()) {
            BarInterval interval = BarInterval.fromCode(code.trim());
            AtomicLong value = missing.computeIfAbsent(interval, i -> new AtomicLong());
            Gauge.builder("marketpipe.loader.missing.intervals", value, AtomicLong::get)
                    .description("Bars of the current KRX trading date that are due but not stored")
                    .tag("interval", interval.code()).register(registry);
        }
    }

    @Scheduled(identity = "missing-intervals-gauge", every = "{marketpipe.loader.report.missing-intervals-refresh}",
            delay = 30, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            refresh(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("missing-intervals gauge not refreshed, it keeps its last value: %s", e.toString());
        }
    }

    /** Recounts every interval's gauge as of {@code now}; returns the counts. */
    public Map<BarInterval, Long> refresh(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, MarketCalendar.KRX_ZONE);
        Instant dueBefore = now.minus(config.missingIntervalsGrace());
        Map<BarInterval, Long> counts = new EnumMap<>(BarInterval.class);
        for (Map.Entry<BarInterval, AtomicLong> gauge : missing.entrySet()) {
            long due = due(reports.report(today, gauge.getKey()), gauge.getKey().length(), dueBefore);
            gauge.getValue().set(due);
            counts.put(gauge.getKey(), due);
        }
        return counts;
    }

    /** Missing bars whose end is at or before {@code dueBefore}; a missing range holds consecutive bars. */
    static long due(DailyReport report, Duration step, Instant dueBefore) {
        long due = 0;
        for (DailyReport.SymbolDay symbol : report.symbols()) {
            for (DailyReport.MissingRange range : symbol.missing()) {
                Duration until = Duration.between(range.from().toInstant(), dueBefore);
                if (!until.isNegative()) {
                    due += Math.min(range.bars(), until.toNanos() / step.toNanos());
                }
            }
        }
        return due;
    }
}
