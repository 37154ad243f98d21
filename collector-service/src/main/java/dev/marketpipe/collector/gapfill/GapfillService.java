package dev.marketpipe.collector.gapfill;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.client.LoaderClient;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.job.JobRunner;
import dev.marketpipe.collector.job.JobStore;
import dev.marketpipe.collector.job.JobWork;
import dev.marketpipe.collector.job.JobsOfKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Self-healing gap-fill jobs: per symbol, ask the loader what is stored, let {@link GapfillPlanner} pick the
 * missing windows, and collect them with the same {@link WindowCollector} as backfills. Durable jobs on the same
 * {@link JobRunner}: each symbol is first a plan window (run by the replica that holds it), whose outcome adds the
 * fetch windows of what is missing, so a gap-fill survives restarts like a backfill. Whatever made a bar missing
 * (collector outage, rejected data, a failed load) does not matter.
 */
@Startup // registers its work with the runner at start-up, so that jobs left running are resumed
@ApplicationScoped
public class GapfillService implements JobWork {

    private static final Logger LOG = Logger.getLogger(GapfillService.class);
    static final String KIND = "gapfill";

    private final GapfillPlanner planner;
    private final LoaderClient coverage;
    private final GapfillAttempts attempts;
    private final WindowCollector collector;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final GapfillConfig config;
    private final MeterRegistry registry;
    private final JobsOfKind<Started> jobs;
    private final JobRunner runner;

    GapfillService(GapfillPlanner planner, LoaderClient coverage, GapfillAttempts attempts,
            WindowCollector collector, MarketCalendar calendar, MarketClock clock, GapfillConfig config,
            MeterRegistry registry, JobStore store, JobRunner runner, ObjectMapper json) {
        this.planner = planner;
        this.coverage = coverage;
        this.attempts = attempts;
        this.collector = collector;
        this.calendar = calendar;
        this.clock = clock;
        this.config = config;
        this.registry = registry;
        this.jobs = new JobsOfKind<>(KIND, Started.class, store, json, config.retainedJobs());
        this.runner = runner;
        runner.register(KIND, this);
    }

    /** What a gap-fill job keeps of its start: the request and who asked ({@code api} or {@code schedule}). */
    @RegisterForReflection
    record Started(GapfillRequest request, String trigger) {
    }

    /** Starts a job; {@code trigger} ({@code api} or {@code schedule}) is shown in its status. */
    public GapfillStatus start(GapfillRequest request, String trigger) {
        if (request.from().isAfter(request.to())) {
            throw new BadRequestException("'from' (" + request.from() + ") is after 'to' (" + request.to() + ")");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) >= config.maxRangeDays()) {
            throw new BadRequestException("a gap-fill may span at most " + config.maxRangeDays() + " days; split the range");
        }
        Instant from = request.from().atStartOfDay(calendar.zone()).toInstant();
        Instant to = request.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        List<FetchWindow> symbols = new ArrayList<>();
        for (String symbol : request.symbols()) {
            symbols.add(new FetchWindow(symbol, request.interval(), request.from().toString(), request.to().toString(),
                    from, to));
        }
        UUID id = jobs.create(new Started(request, trigger), JobStore.PLAN, symbols, clock.now());
        runner.wake();
        return find(id).orElseThrow();
    }

    public Optional<GapfillStatus> find(UUID id) {
        return jobs.find(id).map(GapfillService::status);
    }

    /** The newest gap-fills first, running and finished, across restarts. */
    public List<GapfillStatus> list(int limit) {
        return jobs.list(limit).stream().map(GapfillService::status).toList();
    }

    /** Stops a running gap-fill; empty when there is no such job. */
    public Optional<GapfillStatus> cancel(UUID id) {
        LOG.infof("gap-fill %s: cancel asked", id);
        return jobs.cancel(id, clock.now()).map(GapfillService::status);
    }

    /** One symbol: what the calendar expects, what the loader has, what was asked often enough already. */
    @Override
    public Plan plan(FetchWindow symbol) {
        Instant horizon = clock.now().minus(config.settle());
        Set<Instant> stored;
        try {
            stored = coverage.stored(symbol.symbol(), symbol.interval(), symbol.windowStart(), symbol.windowEnd())
                    .barStarts();
        } catch (RuntimeException e) {
            // without the loader's coverage nothing is guessed: the symbol fails, the next run asks again
            throw new IllegalStateException("coverage not known, nothing requested: " + e.getMessage(), e);
        }
        Set<Instant> exhausted = attempts.exhausted(symbol.symbol(), symbol.interval(), symbol.windowStart(),
                symbol.windowEnd(), config.maxAttempts());
        GapfillPlanner.Plan plan = planner.plan(symbol.symbol(), symbol.interval(), LocalDate.parse(symbol.startParam()),
                LocalDate.parse(symbol.endParam()), horizon, stored, exhausted);
        String interval = symbol.interval().code();
        registry.counter("marketpipe.collector.gapfill.bars.missing", "interval", interval).increment(plan.missing());
        registry.counter("marketpipe.collector.gapfill.bars.skipped", "interval", interval).increment(plan.exhausted());
        if (plan.exhausted() > 0) {
            LOG.infof("gap-fill: %s %s: %d missing bars not requested again (asked %d times already; quarantined or"
                    + " not served)", symbol.symbol(), interval, plan.exhausted(), config.maxAttempts());
        }
        return new Plan(plan.windows(), plan.expected(), plan.stored(), plan.missing(), plan.exhausted());
    }

    /**
     * One missing window; an answered request uses up an attempt of each of its bars, a provider that did not answer
     * does not (the next run asks again).
     */
    @Override
    public WindowCollector.Outcome fetch(FetchWindow window) {
        WindowCollector.Outcome outcome = collector.collect(window);
        attempts.requested(window.symbol(), window.interval(), barsOf(window));
        return outcome;
    }

    @Override
    public void finished(JobStore.Job job) {
        GapfillStatus status = status(jobs.stored(job));
        registry.counter("marketpipe.collector.gapfill.runs", "outcome", status.state().name().toLowerCase()).increment();
        LOG.infof("gap-fill %s %s (%s): %s %s..%s, %d symbols, %d bars expected, %d stored, %d missing (%d skipped),"
                + " %d requests, %d records, %d errors", job.id(), status.state(), status.trigger(),
                status.interval().code(), status.from(), status.to(), status.symbolsPlanned(), status.barsExpected(),
                status.barsStored(), status.barsMissing(), status.barsSkipped(), status.requestsDone(),
                status.records(), status.errors());
    }

    /** Forgets old attempt records (called by the scheduled run). */
    void purgeAttempts() {
        int purged = attempts.purge(config.attemptRetention());
        if (purged > 0) {
            LOG.debugf("gap-fill: %d old attempt records forgotten", purged);
        }
    }

    /** Today (exchange-local) and the configured number of trading days before it. */
    LocalDate lookbackStart(LocalDate today) {
        LocalDate from = today;
        for (int i = 0; i < config.lookbackTradingDays(); i++) {
            from = calendar.previousTradingDay(from).orElse(from);
        }
        return from;
    }

    /** The calendar's bar starts a window asks for (the missing bars it was planned for). */
    private List<Instant> barsOf(FetchWindow window) {
        List<Instant> bars = new ArrayList<>();
        LocalDate last = calendar.tradingDate(window.windowEnd().minusNanos(1));
        for (LocalDate day : calendar.tradingDays(calendar.tradingDate(window.windowStart()), last)) {
            for (Instant start : calendar.barStarts(day, window.interval())) {
                if (!start.isBefore(window.windowStart()) && start.isBefore(window.windowEnd())) {
                    bars.add(start);
                }
            }
        }
        return bars;
    }

    private static GapfillStatus status(JobsOfKind.Stored<Started> stored) {
        JobStore.Job job = stored.job();
        GapfillRequest request = stored.request().request();
        int extraPages = Math.max(0, job.pages() - job.done());
        return new GapfillStatus(job.id(), job.state(), stored.request().trigger(), request.symbols(),
                request.interval(), request.from(), request.to(), job.planned(), job.barsExpected(), job.barsStored(),
                job.barsMissing(), job.barsSkipped(), job.windows() + extraPages, job.pages() + job.failed(),
                job.records(), job.pages(), job.failed(), job.resumed(), job.lastError(), job.createdAt(),
                job.finishedAt());
    }
}
