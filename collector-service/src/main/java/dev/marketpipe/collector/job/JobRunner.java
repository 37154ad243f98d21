package dev.marketpipe.collector.job;

import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.replica.SymbolOwnership;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the windows of durable collection jobs ({@link JobStore}) on a bounded pool of API workers: claims pending
 * windows of the symbols this replica holds (and of symbols nobody holds), runs each with the work registered for
 * its job's kind, records the outcome, and keeps its claims alive while they run. After a restart or a crash the
 * windows left pending are taken over (by this replica once it holds their symbols again, or by another), so a job
 * goes on where it stopped: nothing a person asked for disappears because a pod was replaced. A graceful stop lets
 * running windows finish for a moment, then hands the rest over.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    /** Claims are renewed this many times per claim duration. */
    private static final int RENEWALS_PER_CLAIM = 3;

    private final JobStore store;
    private final SymbolOwnership ownership;
    private final CollectorConfig collector;
    private final JobsConfig config;
    private final MarketClock clock;
    private final int parallelism;
    private final Map<String, Function<FetchWindow, WindowCollector.Outcome>> kinds = new ConcurrentHashMap<>();
    private final Set<JobStore.Claimed> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private ScheduledExecutorService timer;

    JobRunner(JobStore store, SymbolOwnership ownership, CollectorConfig collector, JobsConfig config,
            MarketClock clock) {
        this.store = store;
        this.ownership = ownership;
        this.collector = collector;
        this.config = config;
        this.clock = clock;
        this.parallelism = collector.backfill().parallelism();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "backfill-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The work of one window of a job of {@code kind}. */
    public void register(String kind, Function<FetchWindow, WindowCollector.Outcome> work) {
        kinds.put(kind, work);
    }

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "job-runner");
            thread.setDaemon(true);
            return thread;
        });
        long poll = config.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::claimSafely, poll, poll, TimeUnit.MILLISECONDS);
        long renew = config.claim().toMillis() / RENEWALS_PER_CLAIM;
        timer.scheduleWithFixedDelay(this::renewClaims, renew, renew, TimeUnit.MILLISECONDS);
    }

    /** Looks for work now (a job was just stored). */
    public void wake() {
        if (timer != null) {
            timer.execute(this::claimSafely);
        }
    }

    private void claimSafely() {
        try {
            claim();
        } catch (RuntimeException e) {
            LOG.debugf("job runner: no windows claimed this round: %s", e.getMessage());
        }
    }

    private void claim() {
        int free = parallelism - running.size();
        if (free <= 0 || kinds.isEmpty()) {
            return;
        }
        List<JobStore.Claimed> claimed = store.claim(ownership.instanceId(), kinds.keySet(), ownership.owned(),
                collector.symbols(), free, config.claim(), clock.now());
        for (JobStore.Claimed window : claimed) {
            running.add(window);
            workers.execute(() -> run(window));
        }
    }

    private void run(JobStore.Claimed claimed) {
        FetchWindow window = claimed.window();
        try {
            Function<FetchWindow, WindowCollector.Outcome> work = kinds.get(claimed.kind());
            WindowCollector.Outcome outcome;
            try {
                outcome = work.apply(window);
            } catch (RuntimeException e) {
                String error = window.symbol() + " " + window.interval().code() + " " + window.startParam() + ": "
                        + e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.errorf("%s %s: request failed after retries, skipped: %s", claimed.kind(), claimed.jobId(), error);
                report(claimed, store.failed(claimed, error, clock.now()));
                return;
            }
            report(claimed, store.succeeded(claimed, outcome.pages(), outcome.records(), clock.now()));
        } catch (JobStore.JobStoreUnavailable e) {
            LOG.warnf("%s %s: outcome of %s %s not recorded (%s); the window runs again once its claim runs out",
                    claimed.kind(), claimed.jobId(), window.symbol(), window.startParam(), e.getMessage());
        } finally {
            running.remove(claimed);
            wake();
        }
    }

    private void report(JobStore.Claimed claimed, boolean finishedTheJob) {
        if (finishedTheJob) {
            store.find(claimed.jobId()).ifPresent(job -> LOG.infof("%s %s %s: %d requests, %d batches, %d records,"
                    + " %d errors, %d windows resumed", job.kind(), job.id(), job.state(), job.pages() + job.failed(),
                    job.pages(), job.records(), job.failed(), job.resumed()));
        }
    }

    private void renewClaims() {
        try {
            store.extend(ownership.instanceId(), List.copyOf(running), config.claim(), clock.now());
        } catch (RuntimeException e) {
            LOG.debugf("job runner: claims not renewed this round: %s", e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(config.stopGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Instant now = clock.now();
            store.release(ownership.instanceId(), now);
            if (!running.isEmpty()) {
                LOG.infof("job runner: %d running windows handed over", running.size());
            }
        } catch (RuntimeException e) {
            LOG.warnf("job runner: windows not handed over (their claims run out by themselves): %s", e.getMessage());
        }
    }
}
