package dev.marketpipe.collector.outcome;

import dev.marketpipe.wire.DataType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Spec §8 "collection success rate" and "error count by type": how each collection request ended, after its retries
 * and any failover to the backup source — unlike {@code marketpipe.collector.api.requests}, which counts every
 * single attempt. One request is one page of one data type (and symbol and interval). Counted as
 * {@code marketpipe.collector.collections{data_type, outcome=success|failed, error_type}}; every label is a short,
 * bounded name ({@link ApiError#type()}, {@code none} on success), never a symbol.
 */
@Startup
@ApplicationScoped
public class CollectionOutcomes {

    static final String METRIC = "marketpipe.collector.collections";
    static final String NO_ERROR = "none";

    private final MeterRegistry registry;

    CollectionOutcomes(MeterRegistry registry) {
        this.registry = registry;
        // every series from 0, so an alert on increase() sees the first failure of a kind
        for (DataType type : DataType.values()) {
            counter(type.code(), "success", NO_ERROR);
            for (String errorType : ApiError.TYPES) {
                counter(type.code(), "failed", errorType);
            }
        }
    }

    /** The request was answered, by the primary or by the backup. */
    public void succeeded(CallContext call) {
        counter(call.dataType(), "success", NO_ERROR).increment();
    }

    /** The request got no answer from any source; {@code error} is the failure that decided it. */
    public void failed(CallContext call, ApiError error) {
        counter(call.dataType(), "failed", error.type()).increment();
    }

    private Counter counter(String dataType, String outcome, String errorType) {
        return Counter.builder(METRIC)
                .description("Collection requests by how they ended, after retries and failover (spec §8)")
                .tag("data_type", dataType).tag("outcome", outcome).tag("error_type", errorType)
                .register(registry);
    }
}
