package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.Bar;

import java.time.Instant;
import java.util.List;

/**
 * One page of bars as the API answered it: the raw body (kept for the archive) and the records read from it.
 *
 * @param attempts calls it took, retries included
 */
public record BarsPage(BarsQuery query, JsonNode rawResponse, List<Bar> bars, int totalPages, Instant fetchedAt,
        long latencyMs, int attempts) {
}
