package dev.marketpipe.loader.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily report, generated and kept: after the close of each trading day
 * ({@code marketpipe.loader.report.generate-cron}, Asia/Seoul) the day's report of every configured interval is
 * generated and kept as JSON and HTML, and reports older than {@code keep-days} are purged. Every replica runs the
 * job; the upsert makes them end in one row per day and interval, so no leader is needed.
 */
@ApplicationScoped
public class ReportKeeper {

    private static final Logger LOG = Logger.getLogger(ReportKeeper.class);

    private final DailyReports reports;
    private final KeptReports kept;
    private final ObjectMapper json;
    private final ReportConfig config;
    private final MarketCalendar calendar;
    private final List<BarInterval> intervals;

    public ReportKeeper(DailyReports reports, KeptReports kept, ObjectMapper json, ReportConfig config,
            MarketCalendar calendar) {
        this.reports = reports;
        this.kept = kept;
        this.json = json;
        this.config = config;
        this.calendar = calendar;
        this.intervals = config.generateIntervals().stream().map(code -> BarInterval.fromCode(code.trim())).toList();
    }

    /** What {@link #keep} did: the report as kept, and whether it is new (else it replaced an older one). */
    public record Generation(KeptReports.Kept report, boolean created) {
    }

    /** What one after-close run did. */
    public record AfterClose(List<BarInterval> generated, int purged) {
    }

    /** Generates the report of {@code date} and {@code interval} now and keeps it, replacing any kept before. */
    public Generation keep(LocalDate date, BarInterval interval) {
        DailyReport report = reports.report(date, interval);
        Instant generatedAt = Instant.now();
        KeptReports.Kept row = new KeptReports.Kept(date, interval, generatedAt, write(report),
                reports.page(report, generatedAt).render());
        return new Generation(row, kept.keep(row));
    }

    @Scheduled(identity = "daily-report", cron = "{marketpipe.loader.report.generate-cron}", timeZone = "Asia/Seoul",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            AfterClose run = afterClose(LocalDate.now(MarketCalendar.KRX_ZONE));
            LOG.infof("daily report: kept %s, purged %d old report(s)", run.generated(), run.purged());
        } catch (RuntimeException e) {
            LOG.errorf(e, "daily report generation failed; POST /v1/reports/daily/{date}/generations makes it by hand");
        }
    }

    /** The after-close job for the KST date {@code today}: keep its reports if it is a trading day, purge old ones. */
    public AfterClose afterClose(LocalDate today) {
        List<BarInterval> generated = new ArrayList<>();
        if (calendar.isTradingDay(today)) {
            for (BarInterval interval : intervals) {
                keep(today, interval);
                generated.add(interval);
            }
        }
        return new AfterClose(generated, kept.purgeBefore(today.minusDays(config.keepDays())));
    }

    private String write(DailyReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the daily report could not be written as JSON", e);
        }
    }
}
