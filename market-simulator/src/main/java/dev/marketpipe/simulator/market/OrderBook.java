package dev.marketpipe.simulator.market;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * An order-book snapshot in the shape of {@code GET /market/orderbook}: bids best (highest) first, asks best (lowest) first.
 *
 * @param timestamp the snapshot instant, whole seconds
 */
@RegisterForReflection
public record OrderBook(String symbol, Instant timestamp, List<Level> bids, List<Level> asks) {

    /** One price level: a grid price (KRW) and the resting quantity (shares). */
    @RegisterForReflection
    public record Level(long price, long quantity) {
    }
}
