package dev.marketpipe.loader.collectionlog;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code data_collection_log} ({@link CollectionLogTable}), and its JSON in
 * {@code GET /v1/collection-log}: the outcome of one loaded batch (success or failure), with the
 * batch columns added in V2, or a collection attempt the collector reported as failed (V4 columns:
 * {@code errorType} the kind of API error, {@code provider}, {@code attempts} calls made, retries included). The loader
 * writes exactly one per loaded batch id, and one per reported attempt id.
 */
@RegisterForReflection
public record CollectionLogView(long id, Instant timestamp, String symbol, String interval, String status,
        Integer recordsCollected, String errorMessage, Integer executionTimeMs, UUID batchId, String dataType,
        String source, Integer recordsAccepted, Integer recordsQuarantined, Double qualityScore, String errorType,
        String provider, Integer attempts) {

    /** {@code status}: the batch was loaded without an issue. */
    public static final String SUCCESS = "success";
    /** {@code status}: loaded with issues, or an attempt reported as a warning. */
    public static final String WARNING = "warning";
    /** {@code status}: a collection attempt that failed. */
    public static final String ERROR = "error";

    /** This row as stored under {@code storedId}. */
    CollectionLogView withId(long storedId) {
        return new CollectionLogView(storedId, timestamp, symbol, interval, status, recordsCollected, errorMessage,
                executionTimeMs, batchId, dataType, source, recordsAccepted, recordsQuarantined, qualityScore, errorType,
                provider, attempts);
    }
}
