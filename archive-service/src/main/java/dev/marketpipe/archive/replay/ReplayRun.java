package dev.marketpipe.archive.replay;

import dev.marketpipe.archive.outbox.Backoff;
import dev.marketpipe.archive.outbox.BatchSink;
import dev.marketpipe.archive.outbox.Delivery;
import dev.marketpipe.archive.store.ArchiveStore;
import dev.marketpipe.archive.store.StoredObject;
import dev.marketpipe.logging.BatchLogContext;
import dev.marketpipe.wire.CollectedBatch;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one replay: counts the envelopes of its range, then walks the day folders oldest first and, per symbol, reads
 * that day's envelopes, puts them in the order they were collected and hands them to the symbol's lane. Each lane
 * sends its batches in order through the outbox's path ({@link BatchSink}, the validator) with the outbox's backoff,
 * several symbols' batches per request (the outbox's group size, one batch per symbol), so one symbol's batches
 * arrive in order while other symbols proceed in parallel. Memory stays
 * bounded: one symbol-day is read at a time and each lane holds at most {@value #LANE_CAPACITY} batches.
 *
 * <p>A checkpoint records the day folders done for good ({@link ReplayProgress#checkpoint()}); a run suspended by a
 * shutdown, or cut by a crash, is resumed from there by the next start ({@link ReplayService}).
 *
 * <p>Per batch: acknowledged counts as sent; refused for good (4xx) or unreadable counts as failed and the replay
 * goes on; transient failures are retried until {@code giveUpAfter}, then the whole replay stops {@code FAILED} —
 * skipping the batch would send that symbol's later batches out of order.
 */
final class ReplayRun implements Runnable {

    private static final Logger LOG = Logger.getLogger(ReplayRun.class);
    private static final int LANE_CAPACITY = 16;
    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    /** The order the batches were collected in (what the outbox forwarded them in), then window and page. */
    private static final Comparator<CollectedBatch> COLLECTION_ORDER = Comparator
            .comparing(CollectedBatch::fetchedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CollectedBatch::windowStart, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(CollectedBatch::page)
            .thenComparing(CollectedBatch::archiveRef);

    private final ReplayProgress progress;
    private final ReplayScope scope;
    private final ArchiveStore store;
    private final ArchivedBatchReader reader;
    private final BatchSink sink;
    private final ReplaySettings settings;
    private final ReplayJournal journal;
    private final Clock clock;
    private Instant lastCheckpoint;

    ReplayRun(ReplayProgress progress, ReplayScope scope, ArchiveStore store, ArchivedBatchReader reader,
              BatchSink sink, ReplaySettings settings, ReplayJournal journal, Clock clock) {
        this.progress = progress;
        this.scope = scope;
        this.store = store;
        this.reader = reader;
        this.sink = sink;
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
        this.lastCheckpoint = clock.instant();
    }

    @Override
    public void run() {
        List<Lane> lanes = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < settings.parallelism(); i++) {
            Lane lane = new Lane();
            lanes.add(lane);
            Thread thread = new Thread(lane, "replay-lane-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            int total = 0;
            for (LocalDate day : scope.days()) {
                total += names(day).size();
            }
            progress.total(total);
            List<LocalDate> days = progress.pendingDays();
            LOG.infof("replay %s: %d batch(es) archived %s..%s, %d day folder(s) to re-send", progress.id(), total,
                    scope.from(), scope.to(), days.size());
            for (LocalDate day : days) {
                for (Map.Entry<String, List<ArchivedName>> symbol : bySymbol(names(day)).entrySet()) {
                    if (progress.stopping()) {
                        return;
                    }
                    Lane lane = lanes.get(Math.floorMod(symbol.getKey().hashCode(), lanes.size()));
                    for (CollectedBatch batch : read(symbol.getValue(), day)) {
                        progress.queued(day);
                        lane.put(new Item(batch, day));
                    }
                }
                progress.planned(day);
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "replay %s: reading the archive failed", progress.id());
            progress.stop(ReplayStatus.State.FAILED, "reading the archive failed: " + e);
        } finally {
            lanes.forEach(Lane::close);
            for (Thread thread : threads) {
                join(thread);
            }
            progress.finish();
            checkpoint();
            ReplayStatus status = progress.status();
            if (status.state() == ReplayStatus.State.RUNNING) {
                LOG.infof("replay %s suspended: day folders through %s done, the next start resumes it", status.id(),
                        status.checkpoint().doneThrough());
                return;
            }
            LOG.infof("replay %s %s: %d of %s batch(es) sent (%d bars), %d failed%s", status.id(), status.state(),
                    status.batchesSent(), status.batchesTotal(), status.bars(), status.batchesFailed(),
                    status.lastError() == null ? "" : "; last error: " + status.lastError());
        }
    }

    /** The envelopes of one day folder that the replay covers, by ref (a gzipped one counts once). */
    private List<ArchivedName> names(LocalDate day) throws IOException {
        Map<String, ArchivedName> names = new TreeMap<>();
        for (StoredObject object : store.list("raw/" + FOLDER.format(day) + "/")) {
            ArchivedName.parse(object.ref()).filter(scope::covers).ifPresent(name -> names.put(name.ref(), name));
        }
        return new ArrayList<>(names.values());
    }

    private static Map<String, List<ArchivedName>> bySymbol(List<ArchivedName> names) {
        Map<String, List<ArchivedName>> bySymbol = new TreeMap<>();
        for (ArchivedName name : names) {
            bySymbol.computeIfAbsent(name.symbol() == null ? "" : name.symbol(), s -> new ArrayList<>()).add(name);
        }
        return bySymbol;
    }

    /** One symbol-day's batches in collection order; what cannot be read is counted as failed. */
    private List<CollectedBatch> read(List<ArchivedName> names, LocalDate day) {
        List<CollectedBatch> batches = new ArrayList<>();
        for (ArchivedName name : names) {
            try {
                Optional<byte[]> envelope = store.readEnvelope(name.ref());
                if (envelope.isEmpty()) {
                    fail(name.ref() + " is gone (deleted since it was listed)", day, false);
                    continue;
                }
                batches.add(reader.read(name, envelope.get(), progress.id()));
            } catch (IOException | RuntimeException e) {
                fail(e instanceof IllegalArgumentException ? e.getMessage() : name.ref() + ": " + e, day, false);
            }
        }
        batches.sort(COLLECTION_ORDER);
        return batches;
    }

    private void fail(String error, LocalDate day, boolean queued) {
        LOG.warnf("replay %s: %s", progress.id(), error);
        progress.failed(error, day, queued);
    }

    /** Writes the progress to the journal when the checkpoint interval has passed (and always at the end). */
    private synchronized void checkpointIfDue() {
        if (Duration.between(lastCheckpoint, clock.instant()).compareTo(settings.checkpointInterval()) >= 0) {
            checkpoint();
        }
    }

    private synchronized void checkpoint() {
        lastCheckpoint = clock.instant();
        progress.checkpointed(lastCheckpoint);
        try {
            journal.write(progress.status());
        } catch (IOException e) {
            LOG.warnf("replay %s: cannot write its journal (%s); progress stays in memory", progress.id(), e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A batch and the day folder it was archived in. */
    private record Item(CollectedBatch batch, LocalDate day) {
    }

    /** One ordered stream of batches, sent by one thread. */
    private final class Lane implements Runnable {

        /** Marks the end of the stream. */
        private static final Optional<Item> END = Optional.empty();

        private final BlockingQueue<Optional<Item>> queue = new LinkedBlockingQueue<>(LANE_CAPACITY);
        private final Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());

        void put(Item item) throws InterruptedIOException {
            enqueue(Optional.of(item));
        }

        void close() {
            try {
                enqueue(END);
            } catch (InterruptedIOException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void enqueue(Optional<Item> item) throws InterruptedIOException {
            try {
                queue.put(item); // the lane always drains (also when stopping), so this never waits forever
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while handing a batch to a lane");
            }
        }

        @Override
        public void run() {
            while (true) {
                Optional<Item> item;
                try {
                    item = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (item.isEmpty()) {
                    return;
                }
                List<Item> group = new ArrayList<>(List.of(item.get()));
                boolean ended = fillGroup(group);
                if (!progress.stopping()) {
                    try (BatchLogContext ignored = BatchLogContext.open(item.get().batch().batchId())) {
                        send(group);
                    }
                }
                if (ended) {
                    return;
                }
            }
        }

        /**
         * Adds the batches queued right behind the group's first, up to {@code groupSize} and while each is of a
         * symbol not in the group yet (a symbol's next batch waits for its previous one). True when the stream ended.
         */
        private boolean fillGroup(List<Item> group) {
            Set<String> symbols = new HashSet<>();
            symbols.add(group.get(0).batch().symbol());
            while (group.size() < settings.groupSize()) {
                Optional<Item> next = queue.peek();
                if (next == null) {
                    return false;
                }
                if (next.isEmpty()) {
                    queue.poll();
                    return true;
                }
                if (!symbols.add(next.get().batch().symbol())) {
                    return false;
                }
                group.add(queue.poll().orElseThrow());
            }
            return false;
        }

        private void send(List<Item> group) {
            Instant firstFailure = null;
            List<Item> pending = group;
            while (!progress.stopping()) {
                List<CollectedBatch> batches = pending.stream().map(Item::batch).toList();
                List<Delivery> deliveries = sink.deliverAll(batches);
                List<Item> again = new ArrayList<>();
                Delivery retry = null;
                for (int i = 0; i < pending.size(); i++) {
                    Item item = pending.get(i);
                    Delivery delivery = deliveries.get(i);
                    switch (delivery.kind()) {
                        case ACKNOWLEDGED -> progress.sent(item.batch(), item.day());
                        case REJECTED -> fail("the validator refused " + item.batch().archiveRef() + " with HTTP "
                                + delivery.status() + ": " + delivery.detail(), item.day(), true);
                        case RETRY -> {
                            again.add(item);
                            retry = retry == null ? delivery : retry;
                        }
                    }
                }
                if (again.isEmpty()) {
                    backoff.reset();
                    checkpointIfDue();
                    return;
                }
                Instant now = clock.instant();
                String error = "sending " + again.get(0).batch().archiveRef() + " failed (" + retry.reason().tag()
                        + (retry.status() > 0 ? " HTTP " + retry.status() : "") + "): " + retry.detail();
                if (firstFailure == null) {
                    firstFailure = now;
                    LOG.warnf("replay %s: %s; retrying with backoff", progress.id(), error);
                }
                if (Duration.between(firstFailure, now).compareTo(settings.giveUpAfter()) >= 0) {
                    progress.stop(ReplayStatus.State.FAILED, "gave up after "
                            + settings.giveUpAfter().toSeconds() + " s of failures; " + error);
                    return;
                }
                progress.retrying(error);
                checkpointIfDue();
                progress.pause(backoff.next(retry.retryAfter()));
                pending = again;
            }
        }
    }
}
