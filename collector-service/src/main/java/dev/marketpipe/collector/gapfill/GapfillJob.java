package dev.marketpipe.collector.gapfill;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** One running or finished gap-fill and its counters; updated by the worker threads, read by the API. */
public final class GapfillJob {

    /** {@code FAILED}: finished, but planning or at least one request failed (see {@code lastError}). */
    public enum State { RUNNING, SUCCEEDED, FAILED }

    private final UUID id = UUID.randomUUID();
    private final GapfillRequest request;
    private final String trigger;
    private final Instant createdAt;
    private final AtomicInteger symbolsPlanned = new AtomicInteger();
    private final AtomicLong barsExpected = new AtomicLong();
    private final AtomicLong barsStored = new AtomicLong();
    private final AtomicLong barsMissing = new AtomicLong();
    private final AtomicLong barsSkipped = new AtomicLong();
    private final AtomicInteger requestsTotal = new AtomicInteger();
    private final AtomicInteger requestsDone = new AtomicInteger();
    private final AtomicLong records = new AtomicLong();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile String lastError;
    private volatile Instant finishedAt;
    private volatile State state = State.RUNNING;

    GapfillJob(GapfillRequest request, String trigger, Instant createdAt) {
        this.request = request;
        this.trigger = trigger;
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public State state() {
        return state;
    }

    void planned(GapfillPlanner.Plan plan) {
        symbolsPlanned.incrementAndGet();
        barsExpected.addAndGet(plan.expected());
        barsStored.addAndGet(plan.stored());
        barsMissing.addAndGet(plan.missing());
        barsSkipped.addAndGet(plan.exhausted());
        requestsTotal.addAndGet(plan.windows().size());
    }

    void windowSucceeded(int pages, int windowRecords) {
        requestsTotal.addAndGet(pages - 1);
        requestsDone.addAndGet(pages);
        batches.addAndGet(pages);
        records.addAndGet(windowRecords);
    }

    void failed(String error) {
        errors.incrementAndGet();
        lastError = error;
    }

    void windowFailed(String error) {
        requestsDone.incrementAndGet();
        failed(error);
    }

    void finish(Instant at) {
        finishedAt = at;
        state = errors.get() == 0 ? State.SUCCEEDED : State.FAILED;
    }

    public GapfillStatus status() {
        return new GapfillStatus(id, state, trigger, request.symbols(), request.interval(), request.from(),
                request.to(), symbolsPlanned.get(), barsExpected.get(), barsStored.get(), barsMissing.get(),
                barsSkipped.get(), requestsTotal.get(), requestsDone.get(), records.get(), batches.get(),
                errors.get(), lastError, createdAt, finishedAt);
    }
}
