package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one request to a provider gave: the body exactly as received (for the archive), the records read from it,
 * and the request for the next page if the provider has more.
 *
 * @param <R> the records: bars, or the batch records of a snapshot
 * @param <Q> the query type, for {@code next}
 */
public record ProviderAnswer<R, Q>(JsonNode raw, R records, Q next) {
}
