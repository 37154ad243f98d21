package dev.marketpipe.validator.quality;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.validator.config.ValidatorConfig;
import dev.marketpipe.validator.rules.RuleCodes;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.ValidatedBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The quality score beyond one batch (the "data quality score" KPI): records by outcome per data
 * type, the score over a sliding window with the quality alert on it, and per symbol per trading day counts for
 * {@code GET /v1/quality}. Fed once per batch the loader newly stored, like the other validator metrics, so a
 * redelivered batch is not counted twice. Metric labels are bounded (outcome, data type), never a symbol. Created at
 * start-up, so every record series is exported at 0 before the first batch: Prometheus' {@code increase()} sees no
 * increase in a series' first sample, so a series born with the first batch would hide that batch from the quality
 * alert and the dashboard.
 */
@Startup
@ApplicationScoped
public class QualityTracker {

    /** Outcome label values of {@code marketpipe.validator.records}. */
    static final String ACCEPTED_CLEAN = "accepted_clean";
    static final String ACCEPTED_FLAGGED = "accepted_flagged";
    static final String QUARANTINED = "quarantined";

    private final MeterRegistry registry;
    private final MarketCalendar calendar;
    private final Clock clock;
    private final QualityWindow window;
    private final QualityAlert alert;
    private final DailySymbolQuality daily;
    private final Counter alerts;

    @Inject
    public QualityTracker(ValidatorConfig config, MeterRegistry registry, MarketCalendar calendar) {
        this(config.quality(), registry, calendar, Clock.systemUTC());
    }

    /** @param clock the window's and the undated records' time; a test's own clock moves it without sleeping */
    public QualityTracker(ValidatorConfig.Quality config, MeterRegistry registry, MarketCalendar calendar,
            Clock clock) {
        this.registry = registry;
        this.calendar = calendar;
        this.clock = clock;
        this.window = new QualityWindow(config.window(), clock);
        this.alert = new QualityAlert(config.alertBelow(), config.alertMinRecords());
        this.daily = new DailySymbolQuality(config.retainedDays(), config.maxSymbolsPerDay());
        Gauge.builder("marketpipe.validator.quality.score.ratio", this, QualityTracker::windowScore)
                .description("Share of records accepted without a flag over the last "
                        + "marketpipe.validator.quality.window").register(registry);
        Gauge.builder("marketpipe.validator.quality.below.threshold", this, t -> t.belowThreshold() ? 1 : 0)
                .description("1 while the window's quality score is below marketpipe.validator.quality.alert-below "
                        + "(and it holds at least marketpipe.validator.quality.alert-min-records records)")
                .register(registry);
        this.alerts = Counter.builder("marketpipe.validator.quality.alerts")
                .description("Times the window's quality score fell below the alert threshold").register(registry);
        for (DataType type : DataType.values()) {
            for (String outcome : new String[] {ACCEPTED_CLEAN, ACCEPTED_FLAGGED, QUARANTINED}) {
                records(type, outcome);
            }
        }
    }

    /** Counts a verdict the loader newly stored. */
    public synchronized void record(ValidatedBatch verdict) {
        BatchOutcomes outcomes = BatchOutcomes.of(verdict);
        records(verdict.dataType(), ACCEPTED_CLEAN).increment(outcomes.clean());
        records(verdict.dataType(), ACCEPTED_FLAGGED).increment(outcomes.flagged());
        records(verdict.dataType(), QUARANTINED).increment(outcomes.quarantined());
        window.add(outcomes.clean(), outcomes.received());
        if (verdict.dataType() == DataType.MARKET_DATA && verdict.symbol() != null) {
            recordBars(verdict);
        }
        evaluate();
    }

    /** The window's score; evaluating it also moves the alert, so an emptied window recovers on a scrape. */
    public synchronized double windowScore() {
        evaluate();
        return window.score();
    }

    /** Records in the window now (what the score is a share of). */
    public synchronized long windowRecords() {
        evaluate();
        return window.total();
    }

    public synchronized boolean belowThreshold() {
        evaluate();
        return alert.below();
    }

    /** Per symbol counts of a trading day (KST), all symbols or just {@code symbol}. */
    public synchronized Map<String, SymbolDayQuality> day(LocalDate day, String symbol) {
        return daily.of(day, symbol);
    }

    private void evaluate() {
        if (alert.evaluate(window.score(), window.total()) == QualityAlert.Transition.CROSSED_BELOW) {
            alerts.increment();
        }
    }

    private void recordBars(ValidatedBatch verdict) {
        String symbol = verdict.symbol();
        for (AcceptedBar bar : verdict.accepted()) {
            boolean flagged = !bar.flags().isEmpty();
            daily.add(day(bar.bar().timestamp()), symbol, 1, flagged ? 0 : 1, flagged ? 1 : 0, 0);
        }
        for (QuarantinedBar bar : verdict.quarantined()) {
            daily.add(day(bar.bar().timestamp()), symbol, 1, 0, 0, 1);
        }
        for (QualityIssue issue : verdict.batchIssues()) {
            // a record kept over a different stored bar is counted once, as accepted or quarantined
            if (RuleCodes.DUPLICATE_TIMESTAMP.equals(issue.rule())) {
                daily.add(day(issue.timestamp()), symbol, 1, 0, 0, 0);
            }
        }
    }

    /** The record's trading date; a record without a timestamp counts on today's. */
    private LocalDate day(Instant timestamp) {
        return calendar.tradingDate(timestamp != null ? timestamp : clock.instant());
    }

    private Counter records(DataType type, String outcome) {
        return Counter.builder("marketpipe.validator.records").tag("data_type", type.code()).tag("outcome", outcome)
                .description("Records validated and stored, by outcome").register(registry);
    }
}
