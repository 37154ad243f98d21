package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.Bar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of bars as the API answered it: the raw body (kept for the archive) and the records read from it.
 *
 * @param next     the request for the window's next page, {@code null} when this page was the last
 * @param attempts calls it took, retries included
 */
public record BarsPage(BarsQuery query, JsonNode rawResponse, List<Bar> bars, BarsQuery next, Instant fetchedAt,
        long latencyMs, int attempts) {

    public Optional<BarsQuery> nextQuery() {
        return Optional.ofNullable(next);
    }
}
