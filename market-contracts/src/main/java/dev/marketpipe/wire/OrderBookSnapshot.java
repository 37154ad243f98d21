package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * One order-book snapshot as the provider adapter read it: bids best (highest) first, asks best
 * (lowest) first. Nullable fields, so the validator can reject what the provider left out.
 */
@RegisterForReflection
public record OrderBookSnapshot(String symbol, Instant timestamp, List<BookLevel> bids, List<BookLevel> asks) {
}
