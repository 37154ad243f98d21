package dev.marketpipe.collector.client;

import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectionAttempt;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;

/**
 * What the collector asks of loader-service. {@link #stored}: which bars are stored; reading is idempotent, so a
 * brief loader outage is retried, and a longer one fails the gap-fill run (the next scheduled run tries again)
 * rather than guessing that everything is missing. {@link #record}: one collection-log report, a single attempt —
 * the caller's durable outbox keeps the report and retries with its own backoff.
 */
@ApplicationScoped
public class LoaderClient {

    private final LoaderRestClient loader;

    LoaderClient(@RestClient LoaderRestClient loader) {
        this.loader = loader;
    }

    @Retry(maxRetries = 3, delay = 500, retryOn = {ProcessingException.class, WebApplicationException.class})
    @ExponentialBackoff
    public StoredCoverage stored(String symbol, BarInterval interval, Instant from, Instant to) {
        return loader.coverage(symbol, interval.code(), from.toString(), to.toString());
    }

    /**
     * Posts one report; returns once the loader acknowledged it. A refusal throws the
     * {@link WebApplicationException} with the loader's status, an unreachable loader a {@link ProcessingException}.
     */
    public void record(CollectionAttempt attempt) {
        loader.record(attempt).close();
    }
}
