package dev.marketpipe.archive.replay;

import dev.marketpipe.wire.CollectedBatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live counters of one running replay, shared by its planner and its lanes (thread-safe), and the stop signal
 * that ends it early: giving up on a batch, or the service shutting down.
 */
final class ReplayProgress {

    private final UUID id;
    private final ReplayScope scope;
    private final String instance;
    private final Clock clock;
    private final Instant startedAt;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong bars = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private volatile Integer total;
    private volatile String lastError;
    private volatile ReplayStatus.State stopState;
    private volatile ReplayStatus.State finalState;
    private volatile Instant finishedAt;
    private volatile Instant checkpointedAt;

    ReplayProgress(UUID id, ReplayScope scope, String instance, Clock clock) {
        this.id = id;
        this.scope = scope;
        this.instance = instance;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    UUID id() {
        return id;
    }

    void total(int batches) {
        total = batches;
    }

    void sent(CollectedBatch batch) {
        sent.incrementAndGet();
        int barCount = batch.bars() == null ? 0 : batch.bars().size();
        bars.addAndGet(barCount);
        records.addAndGet(batch.recordCount());
    }

    void failed(String error) {
        failed.incrementAndGet();
        lastError = error;
    }

    /** A transient failure that is being retried: shown, not counted. */
    void retrying(String error) {
        lastError = error;
    }

    /** Ends the replay early with {@code state} ({@code FAILED} or {@code LOST}); the first reason wins. */
    synchronized void stop(ReplayStatus.State state, String reason) {
        if (stopState == null) {
            stopState = state;
            lastError = reason;
            stopSignal.countDown();
        }
    }

    boolean stopping() {
        return stopState != null;
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

    void finish() {
        finishedAt = clock.instant();
        finalState = stopState != null ? stopState
                : failed.get() > 0 ? ReplayStatus.State.FAILED : ReplayStatus.State.SUCCEEDED;
    }

    boolean finished() {
        return finalState != null;
    }

    void checkpointed(Instant at) {
        checkpointedAt = at;
    }

    ReplayStatus status() {
        ReplayStatus.State state = finalState == null ? ReplayStatus.State.RUNNING : finalState;
        return new ReplayStatus(id, state, scope.from(), scope.to(), new ArrayList<>(scope.dataTypes()),
                List.copyOf(scope.symbols()), total, sent.get(), failed.get(), bars.get(), records.get(), lastError,
                startedAt, finishedAt, checkpointedAt, instance, ReplayStatus.MEMORY);
    }
}
