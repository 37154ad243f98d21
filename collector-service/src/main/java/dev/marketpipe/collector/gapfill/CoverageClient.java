package dev.marketpipe.collector.gapfill;

import dev.marketpipe.wire.BarInterval;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;

/**
 * Asks the loader which bars are stored. Reading is idempotent, so a brief loader outage is retried; a longer one
 * fails the gap-fill run (the next scheduled run tries again) rather than guessing that everything is missing.
 */
@ApplicationScoped
public class CoverageClient {

    private final LoaderCoverageApi loader;

    CoverageClient(@RestClient LoaderCoverageApi loader) {
        this.loader = loader;
    }

    @Retry(maxRetries = 3, delay = 500, retryOn = {ProcessingException.class, WebApplicationException.class})
    @ExponentialBackoff
    public StoredCoverage stored(String symbol, BarInterval interval, Instant from, Instant to) {
        return loader.coverage(symbol, interval.code(), from.toString(), to.toString());
    }
}
