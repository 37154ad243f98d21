package dev.marketpipe.collector.job;

import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.replica.SymbolOwnership;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

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
    /** How often an outcome is offered again while the job store is unreachable. */
    private static final Duration RECORD_RETRY = Duration.ofSeconds(1);

    private final JobStore store;
    private final SymbolOwnership ownership;
    private final JobsConfig config;
    private final MarketClock clock;
    private final int parallelism;
    private final WindowRetry windowRetry;
    private final Map<String, JobWork> kinds = new ConcurrentHashMap<>();
    private final Set<JobStore.Claimed> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private ScheduledExecutorService timer;
    private volatile boolean stopping;

    JobRunner(JobStore store, SymbolOwnership ownership, JobsConfig config, MarketClock clock) {
        this.store = store;
        this.ownership = ownership;
        this.config = config;
        this.windowRetry = WindowRetry.of(config);
        this.clock = clock;
        this.parallelism = config.parallelism();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(parallelism, task -> {
            Thread thread = new Thread(task, "job-window-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What to do with the windows of jobs of {@code kind}. */
    public void register(String kind, JobWork work) {
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
        if (timer != null && !stopping) {
            try {
                timer.execute(this::claimSafely);
            } catch (RejectedExecutionException stopped) {
                // the replica is stopping: no new windows
            }
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
                ownership.universe(), free, config.claim(), clock.now());
        for (JobStore.Claimed window : claimed) {
            running.add(window);
            workers.execute(() -> run(window));
        }
    }

    private void run(JobStore.Claimed claimed) {
        FetchWindow window = claimed.window();
        JobWork work = kinds.get(claimed.kind());
        boolean plan = JobStore.PLAN.equals(claimed.step());
        try {
            JobWork.Plan planned = null;
            WindowCollector.Outcome fetched = null;
            String error = null;
            WindowRetry retry = WindowRetry.ONCE;
            try {
                if (plan) {
                    planned = work.plan(window);
                } else {
                    fetched = work.fetch(window);
                }
            } catch (RuntimeException e) {
                error = window.symbol() + " " + window.interval().code() + " " + window.startParam() + ": "
                        + e.getClass().getSimpleName() + ": " + e.getMessage();
                retry = refusedAsWrong(e) ? WindowRetry.ONCE : windowRetry;
                LOG.warnf("%s %s: %s: %s", claimed.kind(), claimed.jobId(),
                        plan ? "planning failed" : "request failed after its retries", error);
            }
            String failure = error;
            WindowRetry retryPolicy = retry;
            JobWork.Plan plannedWindows = planned;
            WindowCollector.Outcome collected = fetched;
            boolean finished = recordPatiently(claimed, () -> failure != null
                    ? store.failed(claimed, failure, retryPolicy, clock.now())
                    : plan ? store.planned(claimed, plannedWindows, clock.now())
                    : store.succeeded(claimed, collected.pages(), collected.records(), clock.now()));
            if (finished) {
                store.find(claimed.jobId()).ifPresent(work::finished);
            }
        } catch (JobStore.JobStoreUnavailable e) {
            LOG.warnf("%s %s: outcome of %s %s not recorded (%s); the window runs again once its claim runs out",
                    claimed.kind(), claimed.jobId(), window.symbol(), window.startParam(), e.getMessage());
        } finally {
            running.remove(claimed);
            wake();
        }
    }

    /** A request the provider refused as wrong (400): asking again would not help. */
    private static boolean refusedAsWrong(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderException.Rejected) {
                return true;
            }
        }
        return false;
    }

    /**
     * Records a window's outcome, waiting for the job store while PostgreSQL is down (up to the claim's length), so
     * that work done during an outage is not done again; given up when the replica stops.
     */
    private boolean recordPatiently(JobStore.Claimed claimed, BooleanSupplier record) {
        long deadline = System.nanoTime() + config.claim().toNanos();
        while (true) {
            try {
                return record.getAsBoolean();
            } catch (JobStore.JobStoreUnavailable e) {
                if (System.nanoTime() - deadline > 0 || stopping) {
                    throw e;
                }
                LOG.debugf("%s %s: job store unreachable, outcome kept until it is back", claimed.kind(),
                        claimed.jobId());
                try {
                    TimeUnit.MILLISECONDS.sleep(RECORD_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
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
        stopping = true;
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
