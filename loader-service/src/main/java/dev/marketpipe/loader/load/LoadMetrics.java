package dev.marketpipe.loader.load;

import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;

/**
 * The collection metrics of the loader (Prometheus: {@code marketpipe_loader_records_received_total}, …).
 * Counted only after the transaction committed; no symbol or batch id as a label.
 */
@ApplicationScoped
public class LoadMetrics {

    /** Histogram buckets of the load latency, for quantiles and "share under X" on the dashboard. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter changed;
    private final Counter unchanged;
    private final Counter quarantined;
    private final Counter loaded;
    private final Counter duplicate;
    private final Timer duration;

    public LoadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("marketpipe.loader.records.received")
                .description("Records received in loaded batches").register(registry);
        this.changed = Counter.builder("marketpipe.loader.rows.changed")
                .description("Market-table rows inserted or whose values changed").register(registry);
        this.unchanged = Counter.builder("marketpipe.loader.rows.unchanged")
                .description("Upserted rows already stored with the same values").register(registry);
        this.quarantined = Counter.builder("marketpipe.loader.records.quarantined")
                .description("Records stored in the quarantine table").register(registry);
        this.loaded = batches("loaded");
        this.duplicate = batches("duplicate");
        this.duration = Timer.builder("marketpipe.loader.load.duration")
                .description("Time to load one batch, commit included")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }

    private Counter batches(String outcome) {
        return Counter.builder("marketpipe.loader.batches.loaded")
                .description("Batches answered by POST /v1/loads, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void record(ValidatedBatch batch, LoadReceipt receipt, Timer.Sample sample) {
        sample.stop(duration);
        count(batch, receipt);
    }

    /** A group's batches: the request's time once, then each batch's counts. */
    public void record(List<ValidatedBatch> batches, List<LoadReceipt> receipts, Timer.Sample sample) {
        sample.stop(duration);
        for (int i = 0; i < batches.size(); i++) {
            count(batches.get(i), receipts.get(i));
        }
    }

    private void count(ValidatedBatch batch, LoadReceipt receipt) {
        if (receipt.duplicate()) {
            duplicate.increment();
            return;
        }
        loaded.increment();
        received.increment(batch.recordsReceived());
        changed.increment(receipt.rowsChanged());
        unchanged.increment(receipt.rowsUnchanged());
        quarantined.increment(receipt.quarantined());
    }
}
