package dev.marketpipe.collector.backfill;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.collector.budget.BudgetShed;
import dev.marketpipe.collector.budget.Priority;
import dev.marketpipe.collector.budget.WorkPriority;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.job.JobRunner;
import dev.marketpipe.collector.job.JobStore;
import dev.marketpipe.collector.job.JobWork;
import dev.marketpipe.collector.job.JobsOfKind;
import dev.marketpipe.collector.provider.ProviderException;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Backfill jobs (collection of a past range): split into request windows by {@link BackfillPlanner}, stored as a
 * durable job ({@link JobStore}) and run by the {@link JobRunner} of whichever replica holds each window's symbol, so
 * a backfill survives restarts, crashes and rolling updates and is listed and cancellable across them.
 */
@Startup // registers its work with the runner at start-up, so that jobs left running are resumed
@ApplicationScoped
public class BackfillService {

    private static final Logger LOG = Logger.getLogger(BackfillService.class);
    /** The longest wait for the moment a token may be requested again (the provider allows one a minute). */
    private static final Duration MAX_TOKEN_WAIT = Duration.ofSeconds(65);
    static final String KIND = "backfill";
    static final long MAX_DAYS = 400;

    private final BackfillPlanner planner;
    private final WindowCollector collector;
    private final JobsOfKind<BackfillRequest> jobs;
    private final JobRunner runner;
    private final MarketClock clock;

    BackfillService(BackfillPlanner planner, WindowCollector collector, JobStore store, JobRunner runner,
            MarketClock clock, ObjectMapper json, CollectorConfig config) {
        this.planner = planner;
        this.collector = collector;
        this.jobs = new JobsOfKind<>(KIND, BackfillRequest.class, store, json, config.backfill().retainedJobs());
        this.runner = runner;
        this.clock = clock;
        runner.register(KIND, new JobWork() {
            @Override
            public WindowCollector.Outcome fetch(FetchWindow window) {
                return collectYielding(window);
            }

            @Override
            public void finished(JobStore.Job job) {
                LOG.infof("backfill %s %s: %d requests, %d batches, %d records, %d errors, %d windows resumed",
                        job.id(), job.state(), job.pages() + job.failed(), job.pages(), job.records(), job.failed(),
                        job.resumed());
            }
        });
    }

    public BackfillStatus start(BackfillRequest request) {
        if (request.from().isAfter(request.to())) {
            throw new BadRequestException("'from' (" + request.from() + ") is after 'to' (" + request.to() + ")");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) >= MAX_DAYS) {
            throw new BadRequestException("a backfill may span at most " + MAX_DAYS + " days; split the range");
        }
        List<FetchWindow> windows = planner.plan(request);
        UUID id = jobs.create(request, JobStore.FETCH, windows, clock.now());
        LOG.infof("backfill %s: %d symbols, %s bars %s..%s, %d requests planned", id, request.symbols().size(),
                request.interval().code(), request.from(), request.to(), windows.size());
        runner.wake();
        return find(id).orElseThrow();
    }

    public Optional<BackfillStatus> find(UUID id) {
        return jobs.find(id).map(BackfillService::status);
    }

    /** The newest backfills first, running and finished, across restarts. */
    public List<BackfillStatus> list(int limit) {
        return jobs.list(limit).stream().map(BackfillService::status).toList();
    }

    /** Stops a running backfill (windows already collected stay); empty when there is no such backfill. */
    public Optional<BackfillStatus> cancel(UUID id) {
        LOG.infof("backfill %s: cancel asked", id);
        return jobs.cancel(id, clock.now()).map(BackfillService::status);
    }

    /**
     * History yields to the scheduled jobs when the shared rate budget is short: at Low priority, and a request the
     * budget shed (Low waited its maximum while High and Medium work took every token) is asked again rather than
     * failing the backfill — history stays wanted however long the market hours keep the budget busy. A request held
     * back because no token may be requested yet (one a minute) waits for that moment and is asked again.
     */
    private WindowCollector.Outcome collectYielding(FetchWindow window) {
        while (true) {
            try {
                return WorkPriority.call(Priority.LOW, () -> collector.collect(window));
            } catch (BudgetShed shed) {
                LOG.debugf("backfill window %s %s: %s; asking again", window.symbol(), window.startParam(),
                        shed.getMessage());
            } catch (ProviderException.TokenThrottled throttled) {
                LOG.debugf("backfill window %s %s: %s; asking again then", window.symbol(), window.startParam(),
                        throttled.getMessage());
                waitUntil(throttled.retryAt());
            }
        }
    }

    private void waitUntil(Instant at) {
        long millis = Math.min(Duration.between(clock.now(), at).toMillis(), MAX_TOKEN_WAIT.toMillis());
        if (millis <= 0) {
            return;
        }
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a token", e);
        }
    }

    private static BackfillStatus status(JobsOfKind.Stored<BackfillRequest> stored) {
        JobStore.Job job = stored.job();
        BackfillRequest request = stored.request();
        int extraPages = Math.max(0, job.pages() - job.done());
        return new BackfillStatus(job.id(), job.state(), request.symbols(), request.interval(), request.from(),
                request.to(), job.windows() + extraPages, job.pages() + job.failed(), job.records(), job.pages(),
                job.failed(), job.resumed(), job.lastError(), job.createdAt(), job.finishedAt());
    }
}
