package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.BatchRecords;

import java.time.Instant;
import java.util.Optional;

/**
 * One answer of an order-book or account endpoint: the raw body (kept for the archive) and the records read from
 * it, the account number already masked.
 *
 * @param next     the request for the next page (order history), {@code null} when this page was the last
 * @param attempts calls it took, retries included
 */
public record SnapshotPage(SnapshotQuery query, JsonNode rawResponse, BatchRecords records, SnapshotQuery next,
        Instant fetchedAt, long latencyMs, int attempts) {

    public Optional<SnapshotQuery> nextQuery() {
        return Optional.ofNullable(next);
    }
}
