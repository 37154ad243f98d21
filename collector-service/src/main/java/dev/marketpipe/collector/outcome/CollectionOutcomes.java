package dev.marketpipe.collector.outcome;

import dev.marketpipe.wire.DataType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Collection success rate and error count by type: how each collection request ended, after its retries
 * and any failover to the backup source — unlike {@code marketpipe.collector.api.requests}, which counts every
 * single attempt. One request is one page of one data type (and symbol and interval). Counted as
 * {@code marketpipe.collector.collections{data_type, outcome=success|failed, error_type}}; every label is a short,
 * bounded name ({@link ApiError#type()}, {@code none} on success), never a symbol. How long a request took, retries
 * and failover included (the average collection time), is {@code marketpipe.collector.collection.duration}.
 */
@Startup
@ApplicationScoped
public class CollectionOutcomes {

    static final String METRIC = "marketpipe.collector.collections";
    static final String DURATION = "marketpipe.collector.collection.duration";
    static final String NO_ERROR = "none";
    /** Buckets of the collection time: one attempt is usually under a second, retries with backoff take longer. */
    private static final Duration[] DURATION_BUCKETS = {Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60)};

    private final MeterRegistry registry;

    CollectionOutcomes(MeterRegistry registry) {
        this.registry = registry;
        // every series from 0, so an alert on increase() sees the first failure of a kind
        for (DataType type : DataType.values()) {
            duration(type.code());
            counter(type.code(), "success", NO_ERROR);
            for (String errorType : ApiError.TYPES) {
                counter(type.code(), "failed", errorType);
            }
        }
    }

    /** The request was answered, by the primary or by the backup, after {@code took}. */
    public void succeeded(CallContext call, Duration took) {
        counter(call.dataType(), "success", NO_ERROR).increment();
        duration(call.dataType()).record(took);
    }

    /** The request got no answer from any source after {@code took}; {@code error} is the failure that decided it. */
    public void failed(CallContext call, ApiError error, Duration took) {
        counter(call.dataType(), "failed", error.type()).increment();
        duration(call.dataType()).record(took);
    }

    private Timer duration(String dataType) {
        return Timer.builder(DURATION)
                .description("Time of one collection request, retries and failover included")
                .tag("data_type", dataType).serviceLevelObjectives(DURATION_BUCKETS).register(registry);
    }

    private Counter counter(String dataType, String outcome, String errorType) {
        return Counter.builder(METRIC)
                .description("Collection requests by how they ended, after retries and failover")
                .tag("data_type", dataType).tag("outcome", outcome).tag("error_type", errorType)
                .register(registry);
    }
}
