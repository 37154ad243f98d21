package dev.marketpipe.collector.archive;

import dev.marketpipe.wire.ArchiveReceipt;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * Hands each collected batch to archive-service, the pipeline's durability point (architecture invariant 1).
 * While the archive is down or full it keeps the batch and asks again with backoff for up to ten minutes,
 * so a restart or a full disk on the archive side loses nothing.
 */
@ApplicationScoped
public class BatchShipper {

    private final ArchiveApi archive;
    private final MeterRegistry registry;

    BatchShipper(@RestClient ArchiveApi archive, MeterRegistry registry) {
        this.archive = archive;
        this.registry = registry;
    }

    @Retry(maxRetries = -1, delay = 500, maxDuration = 10, durationUnit = ChronoUnit.MINUTES,
            retryOn = {ArchiveException.Unavailable.class, ProcessingException.class},
            abortOn = ArchiveException.Refused.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public ArchiveReceipt ship(CollectedBatch batch) {
        try {
            ArchiveReceipt receipt = archive.archive(batch);
            registry.counter("marketpipe.collector.batches.shipped").increment();
            registry.counter("marketpipe.collector.records.shipped").increment(batch.recordCount());
            return receipt;
        } catch (RuntimeException e) {
            registry.counter("marketpipe.collector.archive.failures").increment();
            throw e;
        }
    }
}
