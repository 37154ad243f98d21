package dev.marketpipe.collector.client;

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
 * archive-service's {@code POST /v1/batches} with the collector's three retry budgets. Retried: the archive cannot
 * take the batch now ({@link ArchiveException.Unavailable}: 5xx, 507 disk full, 408, 429) or cannot be reached;
 * never retried: a batch it refuses ({@link ArchiveException.Refused}). Every budget's values can be overridden with
 * {@code quarkus.fault-tolerance."dev.marketpipe.collector.client.ArchiveClient/<method>".retry.*}.
 */
@ApplicationScoped
public class ArchiveClient {

    private final ArchiveRestClient archive;
    private final MeterRegistry registry;

    ArchiveClient(@RestClient ArchiveRestClient archive, MeterRegistry registry) {
        this.archive = archive;
        this.registry = registry;
    }

    /**
     * The first attempt plus three quick retries (200 ms doubling, about 1.4 s of waiting): rides out a blip of the
     * archive without holding up collection; what still fails goes to the spool.
     */
    @Retry(maxRetries = 3, delay = 200,
            retryOn = {ArchiveException.Unavailable.class, ProcessingException.class},
            abortOn = ArchiveException.Refused.class)
    @ExponentialBackoff(maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    public ArchiveReceipt shipNow(CollectedBatch batch) {
        return shipOnce(batch);
    }

    /**
     * The last resort when the spool cannot take a batch either (its disk is full too): retries in memory for up
     * to ten minutes, holding up the caller; lost if the collector stops meanwhile.
     */
    @Retry(maxRetries = -1, delay = 500, maxDuration = 10, durationUnit = ChronoUnit.MINUTES,
            retryOn = {ArchiveException.Unavailable.class, ProcessingException.class},
            abortOn = ArchiveException.Refused.class)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public ArchiveReceipt shipPatiently(CollectedBatch batch) {
        return shipOnce(batch);
    }

    /** One attempt; the spool's drainer keeps its own backoff. */
    public ArchiveReceipt shipOnce(CollectedBatch batch) {
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
