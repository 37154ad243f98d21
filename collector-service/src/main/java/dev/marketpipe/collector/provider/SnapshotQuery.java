package dev.marketpipe.collector.provider;

import dev.marketpipe.wire.DataType;

/**
 * One request to an order-book or account endpoint (spec §1.2, §1.3).
 *
 * @param symbol    the symbol of an order-book request, else null
 * @param startDate the window start of an order-history request (ISO date or instant), else null
 * @param endDate   the window end of an order-history request, else null
 * @param page      1-based page of an order-history request, else 1
 */
public record SnapshotQuery(DataType dataType, String symbol, String startDate, String endDate, int page) {

    public static SnapshotQuery orderBook(String symbol) {
        return new SnapshotQuery(DataType.ORDERBOOK, symbol, null, null, 1);
    }

    public static SnapshotQuery accountInfo() {
        return new SnapshotQuery(DataType.ACCOUNT_INFO, null, null, null, 1);
    }

    public static SnapshotQuery positions() {
        return new SnapshotQuery(DataType.POSITIONS, null, null, null, 1);
    }

    public static SnapshotQuery orders(String startDate, String endDate) {
        return new SnapshotQuery(DataType.ORDERS, null, startDate, endDate, 1);
    }

    public SnapshotQuery withPage(int nextPage) {
        return new SnapshotQuery(dataType, symbol, startDate, endDate, nextPage);
    }
}
