package dev.marketpipe.collector.gapfill;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.MarketClock;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs gap-fill jobs (issue 3 item 7): per symbol, ask the loader what is stored, let {@link GapfillPlanner} pick
 * the missing windows, and collect them with the same {@link WindowCollector} as backfills, on a bounded pool of
 * API workers. Whatever made a bar missing (collector outage, rejected data, a failed load) does not matter.
 */
@ApplicationScoped
public class GapfillService {

    private static final Logger LOG = Logger.getLogger(GapfillService.class);

    private final GapfillPlanner planner;
    private final CoverageClient coverage;
    private final GapfillAttempts attempts;
    private final WindowCollector collector;
    private final MarketCalendar calendar;
    private final MarketClock clock;
    private final GapfillConfig config;
    private final MeterRegistry registry;
    private final ExecutorService workers;
    private final ExecutorService planners;
    private final Map<UUID, GapfillJob> jobs;

    GapfillService(GapfillPlanner planner, CoverageClient coverage, GapfillAttempts attempts,
            WindowCollector collector, MarketCalendar calendar, MarketClock clock, GapfillConfig config,
            MeterRegistry registry) {
        this.planner = planner;
        this.coverage = coverage;
        this.attempts = attempts;
        this.collector = collector;
        this.calendar = calendar;
        this.clock = clock;
        this.config = config;
        this.registry = registry;
        this.workers = Executors.newFixedThreadPool(config.parallelism(), daemon("gapfill-"));
        this.planners = Executors.newCachedThreadPool(daemon("gapfill-plan-"));
        int retained = config.retainedJobs();
        this.jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, GapfillJob> eldest) {
                return size() > retained && eldest.getValue().state() != GapfillJob.State.RUNNING;
            }
        });
    }

    /** Starts a job; {@code trigger} ({@code api} or {@code schedule}) is shown in its status. */
    public GapfillJob start(GapfillRequest request, String trigger) {
        if (request.from().isAfter(request.to())) {
            throw new BadRequestException("'from' (" + request.from() + ") is after 'to' (" + request.to() + ")");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) >= config.maxRangeDays()) {
            throw new BadRequestException("a gap-fill may span at most " + config.maxRangeDays() + " days; split the range");
        }
        GapfillJob job = new GapfillJob(request, trigger, clock.now());
        jobs.put(job.id(), job);
        planners.submit(() -> run(job, request));
        return job;
    }

    public Optional<GapfillJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(GapfillJob job, GapfillRequest request) {
        List<CompletableFuture<Void>> fetches = new ArrayList<>();
        try {
            plan(job, request, fetches);
        } catch (RuntimeException e) {
            job.failed("planning failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            LOG.errorf(e, "gap-fill %s: planning failed", job.id());
        } finally {
            CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            finish(job);
        }
    }

    private void plan(GapfillJob job, GapfillRequest request, List<CompletableFuture<Void>> fetches) {
        Instant horizon = clock.now().minus(config.settle());
        Instant from = request.from().atStartOfDay(calendar.zone()).toInstant();
        Instant to = request.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        for (String symbol : request.symbols()) {
            GapfillPlanner.Plan plan;
            try {
                Set<Instant> stored = coverage.stored(symbol, request.interval(), from, to).barStarts();
                Set<Instant> exhausted = attempts.exhausted(symbol, request.interval(), from, to, config.maxAttempts());
                plan = planner.plan(symbol, request.interval(), request.from(), request.to(), horizon, stored, exhausted);
            } catch (RuntimeException e) {
                String error = symbol + " " + request.interval().code() + ": coverage not known, nothing requested: "
                        + e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.errorf("gap-fill %s: %s", job.id(), error);
                job.failed(error);
                continue;
            }
            job.planned(plan);
            registry.counter("marketpipe.collector.gapfill.bars.missing", "interval", request.interval().code())
                    .increment(plan.missing());
            registry.counter("marketpipe.collector.gapfill.bars.skipped", "interval", request.interval().code())
                    .increment(plan.exhausted());
            if (plan.exhausted() > 0) {
                LOG.infof("gap-fill %s: %s %s: %d missing bars not requested again (asked %d times already;"
                        + " quarantined or not served)", job.id(), symbol, request.interval().code(), plan.exhausted(),
                        config.maxAttempts());
            }
            for (int i = 0; i < plan.windows().size(); i++) {
                FetchWindow window = plan.windows().get(i);
                List<Instant> bars = plan.barsPerWindow().get(i);
                fetches.add(CompletableFuture.runAsync(() -> fetch(job, window, bars), workers));
            }
        }
    }

    private void finish(GapfillJob job) {
        job.finish(clock.now());
        GapfillStatus status = job.status();
        registry.counter("marketpipe.collector.gapfill.runs", "outcome", status.state().name().toLowerCase()).increment();
        LOG.infof("gap-fill %s %s (%s): %s %s..%s, %d symbols, %d bars expected, %d stored, %d missing (%d skipped),"
                + " %d requests, %d records, %d errors", job.id(), status.state(), status.trigger(),
                status.interval().code(), status.from(), status.to(), status.symbolsPlanned(), status.barsExpected(),
                status.barsStored(), status.barsMissing(), status.barsSkipped(), status.requestsDone(),
                status.records(), status.errors());
    }

    private void fetch(GapfillJob job, FetchWindow window, List<Instant> bars) {
        try {
            WindowCollector.Outcome outcome = collector.collect(window);
            job.windowSucceeded(outcome.pages(), outcome.records());
            attempts.requested(window.symbol(), window.interval(), bars);
        } catch (RuntimeException e) {
            // a provider that did not answer does not use up an attempt: the next run asks again
            String error = window.symbol() + " " + window.interval().code() + " " + window.startParam() + ".."
                    + window.endParam() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf("gap-fill %s: request failed after retries, left for the next run: %s", job.id(), error);
            job.windowFailed(error);
        }
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

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        planners.shutdownNow();
        workers.shutdownNow();
    }
}
