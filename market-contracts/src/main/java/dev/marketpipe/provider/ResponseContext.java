package dev.marketpipe.provider;

import dev.marketpipe.wire.BarInterval;

import java.time.Instant;

/**
 * What a reader needs to know about the request behind a raw response besides its body: some providers leave the
 * symbol out of their records (KIS), and a minute that had not closed when the answer was fetched is no final bar.
 * The archive's envelope metadata holds every field, so a replay reads an archived response exactly as the collector
 * read it when it was fetched.
 *
 * @param symbol      the symbol asked for; {@code null} for account data
 * @param account     the account asked about, already masked; {@code null} for market data
 * @param interval    the bar interval asked for; {@code null} for order books and account data
 * @param windowStart the first bar start the request asked for (inclusive); {@code null} when not windowed
 * @param windowEnd   the last bar start the request asked for (exclusive); {@code null} when not windowed
 * @param fetchedAt   when the request was sent
 */
public record ResponseContext(String symbol, String account, BarInterval interval, Instant windowStart, Instant windowEnd,
        Instant fetchedAt) {

    /** The context of a market-data or order-book request. */
    public static ResponseContext market(String symbol, BarInterval interval, Instant windowStart, Instant windowEnd,
            Instant fetchedAt) {
        return new ResponseContext(symbol, null, interval, windowStart, windowEnd, fetchedAt);
    }

    /** Whether a bar starting at {@code start} lies in the requested window (an open side admits everything). */
    public boolean inWindow(Instant start) {
        return (windowStart == null || !start.isBefore(windowStart)) && (windowEnd == null || start.isBefore(windowEnd));
    }
}
