package dev.marketpipe.collector.provider;

import dev.marketpipe.wire.BarInterval;

/**
 * One {@code GET /market/data} request (spec §1.1).
 *
 * @param startDate ISO date (a whole trading day) or ISO instant, as the API takes it
 * @param endDate   ISO date (inclusive) or ISO instant (exclusive)
 */
public record BarsQuery(String symbol, BarInterval interval, String startDate, String endDate, int page) {

    public BarsQuery withPage(int nextPage) {
        return new BarsQuery(symbol, interval, startDate, endDate, nextPage);
    }
}
