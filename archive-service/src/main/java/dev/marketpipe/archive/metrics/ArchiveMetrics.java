package dev.marketpipe.archive.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The archive's metrics (the pipeline's collection metrics), named {@code marketpipe.archive.*} (Prometheus:
 * {@code marketpipe_archive_*}). No symbol or batch id ever becomes a tag; the failure {@code reason} tag takes
 * only the values of {@link FailureReason}.
 */
@Singleton
public class ArchiveMetrics {

    private final MeterRegistry registry;
    private final Counter archived;
    private final Counter bytesWritten;
    private final Counter recordsReceived;
    private final Counter forwarded;
    private final Counter dead;
    private final Map<FailureReason, Counter> failures = new EnumMap<>(FailureReason.class);

    @Inject
    public ArchiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        archived = Counter.builder("marketpipe.archive.batches.archived")
                .description("Batches newly archived (envelope and outbox entry durable)").register(registry);
        bytesWritten = Counter.builder("marketpipe.archive.bytes.written")
                .description("Bytes of envelope files written").register(registry);
        recordsReceived = Counter.builder("marketpipe.archive.records.received")
                .description("Records (bars) in newly archived batches").register(registry);
        forwarded = Counter.builder("marketpipe.archive.batches.forwarded")
                .description("Batches the validator acknowledged").register(registry);
        dead = Counter.builder("marketpipe.archive.outbox.dead")
                .description("Batches the validator refused for good, moved to outbox/<replica-id>/dead")
                .register(registry);
        for (FailureReason reason : FailureReason.values()) {
            failures.put(reason, Counter.builder("marketpipe.archive.forward.failures")
                    .description("Failed attempts to forward a batch to the validator")
                    .tag("reason", reason.tag()).register(registry));
        }
    }

    /** A batch became durable for the first time; {@code envelopeBytes} is 0 when an earlier attempt wrote it. */
    public void archived(long envelopeBytes, int records) {
        archived.increment();
        bytesWritten.increment(envelopeBytes);
        recordsReceived.increment(records);
    }

    public void forwarded() {
        forwarded.increment();
    }

    public void forwardFailed(FailureReason reason) {
        failures.get(reason).increment();
    }

    public void deadLettered() {
        dead.increment();
    }

    /** Binds the outbox gauges to the forwarder's view of its backlog. */
    public void bindOutbox(Supplier<Number> backlog, Supplier<Number> oldestAgeSeconds) {
        Gauge.builder("marketpipe.archive.outbox.backlog", backlog).baseUnit("batches")
                .description("Batches waiting in the outbox for the validator's acknowledgement").register(registry);
        Gauge.builder("marketpipe.archive.outbox.oldest.age.seconds", oldestAgeSeconds).baseUnit("seconds")
                .description("Age of the oldest unacknowledged batch in the outbox (0 when empty)")
                .register(registry);
    }
}
