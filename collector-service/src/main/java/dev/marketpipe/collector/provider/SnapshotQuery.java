package dev.marketpipe.collector.provider;

import dev.marketpipe.wire.DataType;

/**
 * One request to an order-book or account endpoint.
 *
 * @param symbol    the symbol of an order-book request, else null
 * @param startDate the window start of an order-history request (ISO date or instant), else null
 * @param endDate   the window end of an order-history request, else null
 * @param page      1-based number of the response within the request's pages
 * @param cursor    the provider's own continuation of the previous response ({@code null} on the first page)
 */
public record SnapshotQuery(DataType dataType, String symbol, String startDate, String endDate, int page,
        String cursor) {

    public static SnapshotQuery orderBook(String symbol) {
        return new SnapshotQuery(DataType.ORDERBOOK, symbol, null, null, 1, null);
    }

    public static SnapshotQuery accountInfo() {
        return new SnapshotQuery(DataType.ACCOUNT_INFO, null, null, null, 1, null);
    }

    public static SnapshotQuery positions() {
        return new SnapshotQuery(DataType.POSITIONS, null, null, null, 1, null);
    }

    public static SnapshotQuery orders(String startDate, String endDate) {
        return new SnapshotQuery(DataType.ORDERS, null, startDate, endDate, 1, null);
    }

    public SnapshotQuery withPage(int nextPage) {
        return new SnapshotQuery(dataType, symbol, startDate, endDate, nextPage, cursor);
    }

    /** The page after this one, continuing at {@code nextCursor}. */
    public SnapshotQuery next(String nextCursor) {
        return new SnapshotQuery(dataType, symbol, startDate, endDate, page + 1, nextCursor);
    }
}
