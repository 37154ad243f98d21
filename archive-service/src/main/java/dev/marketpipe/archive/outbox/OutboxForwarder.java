package dev.marketpipe.archive.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.marketpipe.archive.metrics.ArchiveMetrics;
import dev.marketpipe.archive.metrics.FailureReason;
import dev.marketpipe.logging.BatchLogContext;
import dev.marketpipe.wire.CollectedBatch;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Forwards outbox entries to the validator until each is acknowledged (architecture invariant 2, "at least
 * once"): 2xx deletes the entry; no answer, 5xx, 408 or 429 keep it and retry with exponential backoff; any other
 * 4xx means the batch can never be accepted, so it goes to the outbox folder's {@code dead/} with an ERROR log line
 * (its raw envelope stays archived). It forwards this replica's folder only; entries adopted from a replica that is
 * gone arrive like appended ones.
 *
 * <p>Ordering: entries are spread over {@code parallelism} lanes by the hash of their symbol; each lane is one
 * thread that forwards its entries in sequence order and does not move past a symbol's entry until it is done with
 * it, so one symbol's batches reach the validator in the order they were archived, while different symbols proceed
 * in parallel. A lane sends the oldest entries of up to {@code groupSize} symbols in one request (one per symbol).
 *
 * <p>Discovery: appended entries are announced directly (prompt pick-up); a poller also rescans the folder every
 * {@code pollInterval} as a safety net. At start, the lanes begin only after the first scan found what a previous
 * run left, so older entries of a symbol are never overtaken by newer ones.
 */
public final class OutboxForwarder {

    private static final Logger LOG = Logger.getLogger(OutboxForwarder.class);
    /** A lane looks at most this many waiting entries per place in a group for symbols to fill it with. */
    private static final int SCAN_PER_GROUP_SLOT = 64;

    private final ArchiveOutbox outbox;
    private final BatchSink sink;
    private final ForwarderSettings settings;
    private final ArchiveMetrics metrics;
    private final Clock clock;
    private final List<Lane> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object pollSignal = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;

    public OutboxForwarder(ArchiveOutbox outbox, BatchSink sink, ForwarderSettings settings, ArchiveMetrics metrics,
                           Clock clock) {
        this.outbox = outbox;
        this.sink = sink;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        for (int i = 0; i < settings.parallelism(); i++) {
            lanes.add(new Lane(i));
        }
        outbox.onAppend(this::offer);
        metrics.bindOutbox(this::backlog, this::oldestAgeSeconds);
    }

    /** Picks up what a previous run left, then starts the lanes and the poller. */
    public synchronized void start() {
        if (running) {
            return;
        }
        if (stopped.getCount() == 0) {
            throw new IllegalStateException("a stopped forwarder cannot be restarted; create a new one");
        }
        running = true;
        int found = rescan();
        if (found > 0) {
            LOG.infof("outbox: %d batch(es) left by a previous run will be forwarded", found);
        }
        for (Lane lane : lanes) {
            threads.add(startThread("outbox-lane-" + lane.index, lane::run));
        }
        threads.add(startThread("outbox-poller", this::poll));
    }

    /** Stops forwarding; an entry in flight stays in the outbox and is forwarded again after the next start. */
    public synchronized void stop(Duration grace) {
        if (!running) {
            return;
        }
        running = false;
        stopped.countDown();
        synchronized (pollSignal) {
            pollSignal.notifyAll();
        }
        lanes.forEach(Lane::wake);
        long deadline = System.nanoTime() + grace.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** False when a forwarding thread died although the forwarder should be running (a restart helps). */
    public boolean isAlive() {
        if (!running) {
            return true;
        }
        for (Thread thread : threads) {
            if (!thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    public int backlog() {
        int total = 0;
        for (Lane lane : lanes) {
            total += lane.pending.size();
        }
        return total;
    }

    /** Age of the oldest waiting entry in seconds, 0 when the outbox is empty. */
    public double oldestAgeSeconds() {
        long oldest = Long.MAX_VALUE;
        for (Lane lane : lanes) {
            for (OutboxEntry entry : lane.pending) {
                oldest = Math.min(oldest, entry.createdMillis());
            }
        }
        return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
    }

    /** Asks the poller to rescan the folder now. */
    public void wake() {
        synchronized (pollSignal) {
            pollSignal.notifyAll();
        }
    }

    void offer(OutboxEntry entry) {
        lanes.get(Math.floorMod(entry.laneKey().hashCode(), lanes.size())).offer(entry);
    }

    private int rescan() {
        try {
            List<OutboxEntry> entries = outbox.pending();
            entries.forEach(this::offer);
            return entries.size();
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "outbox: cannot list %s", outbox.folder());
            return 0;
        }
    }

    private void poll() {
        long intervalMs = Math.max(1, settings.pollInterval().toMillis());
        while (running) {
            synchronized (pollSignal) {
                try {
                    pollSignal.wait(intervalMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (running) {
                rescan();
            }
        }
    }

    private Thread startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.errorf(e, "outbox: thread %s died", t.getName()));
        thread.start();
        return thread;
    }

    /** Returns false when stopped while waiting. */
    private boolean sleep(Duration wait) {
        try {
            return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One ordered stream of entries, worked by one thread. */
    private final class Lane {

        final int index;
        final ConcurrentSkipListSet<OutboxEntry> pending = new ConcurrentSkipListSet<>(OutboxEntry.ORDER);
        final Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        int failedAttempts;

        Lane(int index) {
            this.index = index;
        }

        void offer(OutboxEntry entry) {
            if (pending.add(entry)) {
                wake();
            }
        }

        void wake() {
            synchronized (this) {
                notifyAll();
            }
        }

        void run() {
            while (running) {
                List<OutboxEntry> group = nextGroup();
                if (group.isEmpty()) {
                    awaitWork();
                    continue;
                }
                try (BatchLogContext ignored = BatchLogContext.open(group.get(0).batchId())) {
                    try {
                        forward(group);
                    } catch (RuntimeException e) {
                        // our bug, not the validator's: keep the entries and slow down instead of spinning
                        LOG.errorf(e, "outbox: unexpected failure forwarding %s", group.get(0).fileName());
                        metrics.forwardFailed(FailureReason.LOCAL_ERROR);
                        sleep(backoff.next(null));
                    }
                }
            }
        }

        /**
         * The oldest entry of each of the first {@code groupSize} symbols waiting, in sequence order: a symbol's later
         * batches wait until its earlier ones are done, so one symbol's batches still arrive in order.
         */
        private List<OutboxEntry> nextGroup() {
            List<OutboxEntry> group = new ArrayList<>();
            Set<String> symbols = new HashSet<>();
            int looked = 0;
            for (OutboxEntry entry : pending) {
                if (symbols.add(entry.laneKey())) {
                    group.add(entry);
                }
                if (group.size() == settings.groupSize() || ++looked == settings.groupSize() * SCAN_PER_GROUP_SLOT) {
                    break;
                }
            }
            return group;
        }

        private synchronized void awaitWork() {
            try {
                if (running && pending.isEmpty()) {
                    wait(Math.max(1, settings.pollInterval().toMillis()));
                }
            } catch (InterruptedException e) {
                // nothing interrupts lanes on purpose (stop() clears running and notifies); just look again
            }
        }

        private void forward(List<OutboxEntry> group) {
            List<OutboxEntry> read = new ArrayList<>(group.size());
            List<CollectedBatch> batches = new ArrayList<>(group.size());
            Failed failed = new Failed();
            for (OutboxEntry entry : group) {
                try {
                    batches.add(outbox.read(entry));
                    read.add(entry);
                } catch (NoSuchFileException gone) {
                    pending.remove(entry); // already acknowledged (seen again by a stale scan) or removed by a person
                } catch (JsonProcessingException unreadable) {
                    LOG.errorf("outbox: entry %s is not a readable batch (%s); moved to %s", entry.fileName(),
                            unreadable.getOriginalMessage(), outbox.deadFolder());
                    bury(entry, failed);
                } catch (IOException e) {
                    failed.add(entry, Delivery.retry(FailureReason.LOCAL_ERROR, 0, null, e.toString()));
                }
            }
            List<Delivery> deliveries = sink.deliverAll(batches);
            for (int i = 0; i < read.size(); i++) {
                settle(read.get(i), batches.get(i), deliveries.get(i), failed);
            }
            if (failed.entry != null) {
                retryLater(failed.entry, failed.delivery);
            }
        }

        private void settle(OutboxEntry entry, CollectedBatch batch, Delivery delivery, Failed failed) {
            switch (delivery.kind()) {
                case ACKNOWLEDGED -> {
                    try {
                        outbox.acknowledge(entry);
                    } catch (IOException e) {
                        // delivered but not deleted: it will be delivered again, which the validator tolerates
                        failed.add(entry, Delivery.retry(FailureReason.LOCAL_ERROR, 0, null, e.toString()));
                        return;
                    }
                    pending.remove(entry);
                    metrics.forwarded();
                    if (failedAttempts > 0 && failed.entry == null) {
                        LOG.infof("outbox: batch %s delivered after %d failed attempt(s)", entry.batchId(),
                                failedAttempts);
                        failedAttempts = 0;
                        backoff.reset();
                    }
                }
                case RETRY -> failed.add(entry, delivery);
                case REJECTED -> {
                    LOG.errorf("outbox: validator refused batch %s (archiveRef %s) with HTTP %d: %s; it will not be"
                                    + " forwarded again, entry moved to %s (the raw envelope stays archived)",
                            batch.batchId(), batch.archiveRef(), delivery.status(), delivery.detail(),
                            outbox.deadFolder());
                    metrics.forwardFailed(FailureReason.REJECTED);
                    bury(entry, failed);
                }
            }
        }

        private void bury(OutboxEntry entry, Failed failed) {
            try {
                outbox.bury(entry);
            } catch (NoSuchFileException gone) {
                // nothing left to move
            } catch (IOException e) {
                failed.add(entry, Delivery.retry(FailureReason.LOCAL_ERROR, 0, null, e.toString()));
                return;
            }
            pending.remove(entry);
            metrics.deadLettered();
        }

        /** The first entry of a group that must be tried again, and why; the others failing are counted. */
        private final class Failed {

            OutboxEntry entry;
            Delivery delivery;

            void add(OutboxEntry failedEntry, Delivery why) {
                if (entry == null) {
                    entry = failedEntry;
                    delivery = why;
                } else {
                    metrics.forwardFailed(why.reason());
                }
            }
        }

        private void retryLater(OutboxEntry entry, Delivery delivery) {
            metrics.forwardFailed(delivery.reason());
            failedAttempts++;
            Duration wait = backoff.next(delivery.retryAfter());
            // the first failure and then every tenth: enough to see an outage without flooding the log
            if (failedAttempts == 1 || failedAttempts % 10 == 0) {
                LOG.warnf("outbox: forwarding batch %s failed (%s%s, attempt %d: %s); retrying in %d ms",
                        entry.batchId(), delivery.reason().tag(),
                        delivery.status() > 0 ? " HTTP " + delivery.status() : "", failedAttempts,
                        delivery.detail(), wait.toMillis());
            }
            sleep(wait);
        }
    }
}
