package dev.marketpipe.collector.outcome;

import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.wire.DataType;

/** What a securities-API call asks for, as the collection log and the alert line name it. */
public record CallContext(String dataType, String symbol, String interval) {

    public static CallContext of(BarsQuery query) {
        return new CallContext(DataType.MARKET_DATA.code(), query.symbol(), query.interval().code());
    }
}
