package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * One collection attempt that did not end in a loaded batch (a request that failed after its retries, a 400 that
 * was skipped, a primary failure the backup source answered instead), as the collector reports it to the loader's
 * {@code POST /v1/collection-log}, which writes it to the collection log {@code data_collection_log}. Batches that
 * were loaded get their row from the loader itself.
 *
 * @param status          {@code error} (nothing collected) or {@code warning} (collected elsewhere), or {@code success}
 * @param errorType       bounded API error kind: {@code bad_request}, {@code auth_failed}, {@code rate_limited},
 *                        {@code server_error}, {@code timeout}, {@code connection_error}, {@code circuit_open}
 * @param source          {@code primary} or {@code backup}: the provider the attempt went to
 * @param provider        the provider's name (e.g. {@code simulator}, {@code kis})
 * @param errorMessage    what went wrong, never a secret
 * @param executionTimeMs from the first attempt to the final outcome, waits included
 * @param attempts        calls made, retries and re-authentication included
 * @param attemptId       the report's identity: the loader writes one row per id however often it is sent (the
 *                        collector keeps reports until the loader acknowledges them, so one may arrive twice)
 * @param occurredAt      when the attempt ended; the row's timestamp (a report may reach the loader much later)
 */
@RegisterForReflection
public record CollectionAttempt(
        String symbol,
        String interval,
        String dataType,
        String status,
        Integer recordsCollected,
        String errorMessage,
        Long executionTimeMs,
        String errorType,
        String source,
        String provider,
        Integer attempts,
        UUID attemptId,
        Instant occurredAt) {

    /** This report with its identity and the moment it ended. */
    public CollectionAttempt identified(UUID id, Instant at) {
        return new CollectionAttempt(symbol, interval, dataType, status, recordsCollected, errorMessage,
                executionTimeMs, errorType, source, provider, attempts, id, at);
    }
}
