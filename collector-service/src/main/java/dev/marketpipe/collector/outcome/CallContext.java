package dev.marketpipe.collector.outcome;

import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.SnapshotQuery;
import dev.marketpipe.wire.DataType;

/**
 * What a securities-API call asks for, as the collection log and the alert line name it.
 *
 * @param symbol   null for the account endpoints
 * @param interval null but for bars
 */
public record CallContext(String dataType, String symbol, String interval) {

    public static CallContext of(BarsQuery query) {
        return new CallContext(DataType.MARKET_DATA.code(), query.symbol(), query.interval().code());
    }

    public static CallContext of(SnapshotQuery query) {
        return new CallContext(query.dataType().code(), query.symbol(), null);
    }
}
