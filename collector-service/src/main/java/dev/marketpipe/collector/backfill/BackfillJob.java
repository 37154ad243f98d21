package dev.marketpipe.collector.backfill;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One running or finished backfill and its counters; updated by the worker threads, read by the API. */
public final class BackfillJob {

    /** {@code FAILED}: finished, but at least one request failed after all retries (see {@code lastError}). */
    public enum State { RUNNING, SUCCEEDED, FAILED }

    private final UUID id = UUID.randomUUID();
    private final BackfillRequest request;
    private final Instant createdAt;
    private final AtomicInteger requestsTotal = new AtomicInteger();
    private final AtomicInteger requestsDone = new AtomicInteger();
    private final AtomicInteger windowsLeft = new AtomicInteger();
    private final AtomicLong records = new AtomicLong();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile String lastError;
    private volatile Instant finishedAt;
    private volatile State state = State.RUNNING;

    BackfillJob(BackfillRequest request, int windows, Instant createdAt) {
        this.request = request;
        this.createdAt = createdAt;
        this.requestsTotal.set(windows);
        this.windowsLeft.set(windows);
    }

    public UUID id() {
        return id;
    }

    public State state() {
        return state;
    }

    void windowSucceeded(int pages, int windowRecords) {
        requestsTotal.addAndGet(pages - 1);
        requestsDone.addAndGet(pages);
        batches.addAndGet(pages);
        records.addAndGet(windowRecords);
    }

    void windowFailed(String error) {
        requestsDone.incrementAndGet();
        errors.incrementAndGet();
        lastError = error;
    }

    /** Marks one window finished; returns true when it was the last one. */
    boolean windowFinished() {
        return windowsLeft.decrementAndGet() <= 0;
    }

    void finish(Instant at) {
        finishedAt = at;
        state = errors.get() == 0 ? State.SUCCEEDED : State.FAILED;
    }

    public BackfillStatus status() {
        return new BackfillStatus(id, state, request.symbols(), request.interval(), request.from(), request.to(),
                requestsTotal.get(), requestsDone.get(), records.get(), batches.get(), errors.get(), lastError,
                createdAt, finishedAt);
    }
}
