package dev.marketpipe.collector.collection;

import dev.marketpipe.collector.archive.BatchShipper;
import dev.marketpipe.collector.archive.Shipment;
import dev.marketpipe.collector.config.CollectorConfig;
import dev.marketpipe.logging.BatchLogContext;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * For every data type: hands a collected batch to the archive ({@link BatchShipper}), marks the
 * collection for the health check ({@link LastCollection}) and logs one line naming the batch; counts the records
 * a collection request brought ({@code marketpipe.collector.records.collected}). Also the versions each
 * {@link CollectedBatch} records.
 */
@ApplicationScoped
public class BatchHandOver {

    private static final Logger LOG = Logger.getLogger(BatchHandOver.class);

    private final BatchShipper shipper;
    private final LastCollection lastCollection;
    private final MeterRegistry registry;
    private final String apiVersion;
    private final String collectorVersion;

    BatchHandOver(BatchShipper shipper, LastCollection lastCollection, MeterRegistry registry, CollectorConfig config,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String collectorVersion) {
        this.shipper = shipper;
        this.lastCollection = lastCollection;
        this.registry = registry;
        this.apiVersion = config.api().apiVersion();
        this.collectorVersion = collectorVersion;
    }

    /** The securities API version batches record. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The collector version batches record. */
    public String collectorVersion() {
        return collectorVersion;
    }

    /**
     * Ships the batch (a spooled batch counts as handed over: the spool delivers it) and logs it, the line and
     * whatever {@code afterShipped} logs carrying the batch id; {@code what} names the records, e.g.
     * {@code "1m bars of 005930"}.
     */
    public void ship(CollectedBatch batch, String what, Runnable afterShipped) {
        try (BatchLogContext ignored = BatchLogContext.open(batch.batchId())) {
            Shipment shipment = shipper.ship(batch);
            lastCollection.collected();
            afterShipped.run();
            LOG.infof("batch %s: %d %s from %s (%d ms, %d attempt(s)), %s", batch.batchId(), batch.recordCount(),
                    what, batch.provider(), batch.apiLatencyMs(), batch.attempts(), shipment);
        }
    }

    /** Counts the records one collection request brought ({@code interval}: a bar interval's code, or none). */
    public void counted(DataType dataType, String interval, int records) {
        registry.counter("marketpipe.collector.records.collected", "data_type", dataType.code(), "interval",
                interval).increment(records);
    }
}
