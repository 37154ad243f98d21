package dev.marketpipe.loader.collectionlog;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** JSON shape of one {@code data_collection_log} row in {@code GET /v1/collection-log}. */
@RegisterForReflection
public record CollectionLogView(long id, Instant timestamp, String symbol, String interval, String status,
        Integer recordsCollected, String errorMessage, Integer executionTimeMs, UUID batchId, String dataType,
        String source, Integer recordsAccepted, Integer recordsQuarantined, Double qualityScore, String errorType,
        String provider, Integer attempts) {

    public static CollectionLogView of(CollectionLogEntry e) {
        return new CollectionLogView(e.id, e.timestamp, e.symbol, e.interval, e.status, e.recordsCollected,
                e.errorMessage, e.executionTimeMs, e.batchId, e.dataType, e.source, e.recordsAccepted,
                e.recordsQuarantined, e.qualityScore, e.errorType, e.provider, e.attempts);
    }
}
