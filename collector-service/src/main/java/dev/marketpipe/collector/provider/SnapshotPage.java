package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.BatchRecords;

import java.time.Instant;

/**
 * One answer of an order-book or account endpoint: the raw body (kept for the archive) and the records read from
 * it, the account number already masked.
 *
 * @param attempts calls it took, retries included
 */
public record SnapshotPage(SnapshotQuery query, JsonNode rawResponse, BatchRecords records, int totalPages,
        Instant fetchedAt, long latencyMs, int attempts) {
}
