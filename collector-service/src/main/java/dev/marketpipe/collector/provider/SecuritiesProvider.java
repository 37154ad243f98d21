package dev.marketpipe.collector.provider;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BatchRecords;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One securities API (ARCHITECTURE "Providers"): how to authenticate and keep the token, how to ask for each data type,
 * how to read the answers ({@link dev.marketpipe.provider.ResponseFormat}, shared with the archive's replay), and which
 * row of the API error table each failure belongs to ({@link ProviderException}). One call is one request: one attempt,
 * with at most one token renewal; retries, timeouts and the circuit breaker are {@link SecuritiesApiClient}'s, the same
 * for every provider. Every request (token requests included) takes a token of the provider's rate budget before it
 * leaves.
 *
 * <p>One implementation per package ({@code provider/spec}, {@code provider/kis}), built by a {@link ProviderFactory}
 * named for it and chosen by {@code marketpipe.collector.api.provider} (the backup by
 * {@code marketpipe.collector.backup-api.provider}).
 */
public interface SecuritiesProvider {

    /** The name batches and the rate budget record for this provider ({@code marketpipe.collector.api.name}). */
    String name();

    /** One page of bars; a minute that had not closed at {@code fetchedAt} is no bar. */
    ProviderAnswer<List<Bar>, BarsQuery> fetchBars(BarsQuery query, Instant fetchedAt);

    /** One order-book or account answer (one page of order history). */
    ProviderAnswer<BatchRecords, SnapshotQuery> fetchSnapshot(SnapshotQuery query, Instant fetchedAt);

    /**
     * Values that must never appear in a log line or an error message: credentials, and the account number where
     * the provider has one (ARCHITECTURE invariant 5).
     */
    Set<String> secrets();

    /** The provider's access token (the health check asks it whether a token can be had). */
    AccessTokens tokens();
}
