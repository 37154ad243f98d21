package dev.marketpipe.collector.backfill;

import dev.marketpipe.collector.budget.BudgetShed;
import dev.marketpipe.collector.budget.Priority;
import dev.marketpipe.collector.budget.WorkPriority;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs backfill jobs (spec §3 for a past range) on a bounded pool of API workers and keeps their progress. */
@ApplicationScoped
public class BackfillService {

    private static final Logger LOG = Logger.getLogger(BackfillService.class);
    static final long MAX_DAYS = 400;

    private final BackfillPlanner planner;
    private final WindowCollector collector;
    private final MarketClock clock;
    private final ExecutorService workers;
    private final Map<UUID, BackfillJob> jobs;

    BackfillService(BackfillPlanner planner, WindowCollector collector, MarketClock clock, CollectorConfig config) {
        this.planner = planner;
        this.collector = collector;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.backfill().parallelism(), task -> {
            Thread thread = new Thread(task, "backfill-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        int retained = config.backfill().retainedJobs();
        this.jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, BackfillJob> eldest) {
                return size() > retained && eldest.getValue().state() != BackfillJob.State.RUNNING;
            }
        });
    }

    public BackfillJob start(BackfillRequest request) {
        if (request.from().isAfter(request.to())) {
            throw new BadRequestException("'from' (" + request.from() + ") is after 'to' (" + request.to() + ")");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) >= MAX_DAYS) {
            throw new BadRequestException("a backfill may span at most " + MAX_DAYS + " days; split the range");
        }
        List<FetchWindow> windows = planner.plan(request);
        BackfillJob job = new BackfillJob(request, windows.size(), clock.now());
        jobs.put(job.id(), job);
        LOG.infof("backfill %s: %d symbols, %s bars %s..%s, %d requests planned", job.id(), request.symbols().size(),
                request.interval().code(), request.from(), request.to(), windows.size());
        if (windows.isEmpty()) {
            job.finish(clock.now());
        }
        for (FetchWindow window : windows) {
            workers.submit(() -> run(job, window));
        }
        return job;
    }

    public Optional<BackfillJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(BackfillJob job, FetchWindow window) {
        try {
            WindowCollector.Outcome outcome = collectYielding(window);
            job.windowSucceeded(outcome.pages(), outcome.records());
        } catch (RuntimeException e) {
            String error = window.symbol() + " " + window.interval().code() + " " + window.startParam() + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf("backfill %s: request failed after retries, skipped: %s", job.id(), error);
            job.windowFailed(error);
        } finally {
            if (job.windowFinished()) {
                job.finish(clock.now());
                BackfillStatus status = job.status();
                LOG.infof("backfill %s %s: %d requests, %d batches, %d records, %d errors", job.id(), status.state(),
                        status.requestsDone(), status.batches(), status.records(), status.errors());
            }
        }
    }

    /**
     * History yields to the scheduled jobs when the shared rate budget is short: at Low priority, and a request the
     * budget shed (Low waited its maximum while High and Medium work took every token) is asked again rather than
     * failing the backfill — history stays wanted however long the market hours keep the budget busy.
     */
    private WindowCollector.Outcome collectYielding(FetchWindow window) {
        while (true) {
            try {
                return WorkPriority.call(Priority.LOW, () -> collector.collect(window));
            } catch (BudgetShed shed) {
                LOG.debugf("backfill window %s %s: %s; asking again", window.symbol(), window.startParam(),
                        shed.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
