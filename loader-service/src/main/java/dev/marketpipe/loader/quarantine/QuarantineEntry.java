package dev.marketpipe.loader.quarantine;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * One quarantined record as {@code GET /v1/quarantine} answers it.
 *
 * @param record  the record exactly as received (null fields kept)
 * @param reasons the validator's findings: {@code [{rule, severity, timestamp, message}]}
 */
@RegisterForReflection
public record QuarantineEntry(
        long id,
        UUID batchId,
        String dataType,
        String symbol,
        String interval,
        Instant recordTimestamp,
        String status,
        JsonNode reasons,
        JsonNode record,
        String archiveRef,
        Instant createdAt,
        String decidedBy,
        Instant decidedAt) {
}
