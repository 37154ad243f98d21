package dev.marketpipe.collector.provider;

import dev.marketpipe.wire.BarInterval;

/**
 * One request for bars of one symbol over a window, and where in the window's pages it stands.
 *
 * @param startDate ISO date (a whole trading day) or ISO instant, as the {@code spec} provider's API takes it
 * @param endDate   ISO date (inclusive) or ISO instant (exclusive)
 * @param page      1-based number of the response within the window
 * @param cursor    the provider's own continuation of the previous response ({@code null} on the first page):
 *                  opaque to everything but the provider that made it
 */
public record BarsQuery(String symbol, BarInterval interval, String startDate, String endDate, int page,
        String cursor) {

    /** The first page of a window. */
    public BarsQuery(String symbol, BarInterval interval, String startDate, String endDate, int page) {
        this(symbol, interval, startDate, endDate, page, null);
    }

    public BarsQuery withPage(int nextPage) {
        return new BarsQuery(symbol, interval, startDate, endDate, nextPage, cursor);
    }

    /** The page after this one, continuing at {@code nextCursor}. */
    public BarsQuery next(String nextCursor) {
        return new BarsQuery(symbol, interval, startDate, endDate, page + 1, nextCursor);
    }
}
