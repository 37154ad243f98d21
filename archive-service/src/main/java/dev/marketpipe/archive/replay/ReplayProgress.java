package dev.marketpipe.archive.replay;

import dev.marketpipe.wire.CollectedBatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counters of one running replay, shared by its planner and its lanes (thread-safe), what each day folder
 * still waits for (so a checkpoint knows which days are done for good), and the stop signal that ends it early:
 * giving up on a batch, or the service shutting down (which suspends it, to be resumed by the next start).
 */
final class ReplayProgress {

    private final UUID id;
    private final ReplayScope scope;
    private final String instance;
    private final Clock clock;
    private final Instant startedAt;
    private final int resumed;
    private final ReplayCheckpoint resumedFrom;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong bars = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Map<LocalDate, Day> days = new TreeMap<>();
    private volatile Integer total;
    private volatile String lastError;
    private volatile boolean suspended;
    private volatile ReplayStatus.State stopState;
    private volatile ReplayStatus.State finalState;
    private volatile Instant finishedAt;
    private volatile Instant checkpointedAt;

    /** A replay started now. */
    ReplayProgress(UUID id, ReplayScope scope, String instance, Clock clock) {
        this(id, scope, instance, clock, clock.instant(), 0, ReplayCheckpoint.NONE, null);
    }

    /** A replay resumed from its last checkpoint. */
    ReplayProgress(UUID id, ReplayScope scope, String instance, Clock clock, Instant startedAt, int resumed,
            ReplayCheckpoint from, String lastError) {
        this.id = id;
        this.scope = scope;
        this.instance = instance;
        this.clock = clock;
        this.startedAt = startedAt;
        this.resumed = resumed;
        this.resumedFrom = from;
        this.lastError = lastError;
        sent.set(from.batchesSent());
        failed.set(from.batchesFailed());
        bars.set(from.bars());
        records.set(from.records());
    }

    UUID id() {
        return id;
    }

    /** The day folders still to send. */
    List<LocalDate> pendingDays() {
        return scope.days().stream().filter(resumedFrom::pending).toList();
    }

    void total(int batches) {
        total = batches;
    }

    /** A batch of {@code day} was handed to a lane. */
    synchronized void queued(LocalDate day) {
        day(day).pending++;
    }

    /** Every batch of {@code day} was handed to a lane (or counted as failed). */
    synchronized void planned(LocalDate day) {
        day(day).planned = true;
    }

    void sent(CollectedBatch batch, LocalDate day) {
        sent.incrementAndGet();
        int barCount = batch.bars() == null ? 0 : batch.bars().size();
        bars.addAndGet(barCount);
        records.addAndGet(batch.recordCount());
        synchronized (this) {
            Day tally = day(day);
            tally.pending--;
            tally.sent++;
            tally.bars += barCount;
            tally.records += batch.recordCount();
        }
    }

    /** A batch of {@code day} failed for good; {@code queued}: it had been handed to a lane. */
    void failed(String error, LocalDate day, boolean queued) {
        failed.incrementAndGet();
        lastError = error;
        synchronized (this) {
            Day tally = day(day);
            tally.failed++;
            if (queued) {
                tally.pending--;
            }
        }
    }

    /** A transient failure that is being retried: shown, not counted. */
    void retrying(String error) {
        lastError = error;
    }

    /** Ends the replay early with {@code state} ({@code FAILED} or {@code LOST}); the first reason wins. */
    synchronized void stop(ReplayStatus.State state, String reason) {
        if (stopState == null && !suspended) {
            stopState = state;
            lastError = reason;
            stopSignal.countDown();
        }
    }

    /** Stops the replay where it is, to be resumed from its checkpoint (the service is shutting down). */
    synchronized void suspend() {
        if (stopState == null && !suspended) {
            suspended = true;
            stopSignal.countDown();
        }
    }

    boolean stopping() {
        return stopState != null || suspended;
    }

    /** Waits {@code wait}; false when the replay was stopped meanwhile. */
    boolean pause(Duration wait) {
        try {
            return !stopSignal.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The run ended: finished, unless it was suspended (then it stays RUNNING, to be resumed). */
    void finish() {
        if (suspended) {
            return;
        }
        finishedAt = clock.instant();
        finalState = stopState != null ? stopState
                : failed.get() > 0 ? ReplayStatus.State.FAILED : ReplayStatus.State.SUCCEEDED;
    }

    boolean finished() {
        return finalState != null || suspended;
    }

    void checkpointed(Instant at) {
        checkpointedAt = at;
    }

    /** The days done for good: the longest run of pending days, oldest first, with nothing left in a lane. */
    synchronized ReplayCheckpoint checkpoint() {
        ReplayCheckpoint done = resumedFrom;
        for (LocalDate date : pendingDays()) {
            Day tally = days.get(date);
            if (tally == null || !tally.planned || tally.pending > 0) {
                break;
            }
            done = new ReplayCheckpoint(date, done.batchesSent() + tally.sent, done.batchesFailed() + tally.failed,
                    done.bars() + tally.bars, done.records() + tally.records);
        }
        return done;
    }

    ReplayStatus status() {
        ReplayStatus.State state = finalState == null ? ReplayStatus.State.RUNNING : finalState;
        return new ReplayStatus(id, state, scope.from(), scope.to(), new ArrayList<>(scope.dataTypes()),
                List.copyOf(scope.symbols()), total, sent.get(), failed.get(), bars.get(), records.get(), lastError,
                startedAt, finishedAt, checkpointedAt, instance, ReplayStatus.MEMORY, resumed, checkpoint());
    }

    private Day day(LocalDate date) {
        return days.computeIfAbsent(date, d -> new Day());
    }

    /** What one day folder has sent and still waits for. */
    private static final class Day {
        boolean planned;
        int pending;
        int sent;
        int failed;
        long bars;
        long records;
    }
}
