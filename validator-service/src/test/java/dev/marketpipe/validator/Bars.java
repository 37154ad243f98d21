package dev.marketpipe.validator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.CollectedBatch;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Test shorthand for bars and batches. Prices in won; 09:00 KST is 00:00Z. */
public final class Bars {

    public static final String SYMBOL = "005930";

    private Bars() {
    }

    public static Bar bar(String timestamp, long open, long high, long low, long close, long volume) {
        return new Bar(Instant.parse(timestamp), SYMBOL, BigDecimal.valueOf(open), BigDecimal.valueOf(high),
                BigDecimal.valueOf(low), BigDecimal.valueOf(close), volume, null);
    }

    /** A sound bar: open 10000, high 10100, low 9900, close 10050, volume 1000. */
    public static Bar bar(String timestamp) {
        return bar(timestamp, 10_000, 10_100, 9_900, 10_050, 1_000);
    }

    public static Bar withTimestamp(Bar b, Instant ts) {
        return new Bar(ts, b.symbol(), b.open(), b.high(), b.low(), b.close(), b.volume(), b.value());
    }

    public static Bar withSymbol(Bar b, String symbol) {
        return new Bar(b.timestamp(), symbol, b.open(), b.high(), b.low(), b.close(), b.volume(), b.value());
    }

    public static Bar withPrices(Bar b, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
        return new Bar(b.timestamp(), b.symbol(), open, high, low, close, b.volume(), b.value());
    }

    public static Bar withVolume(Bar b, Long volume) {
        return new Bar(b.timestamp(), b.symbol(), b.open(), b.high(), b.low(), b.close(), volume, b.value());
    }

    public static CollectedBatch batch(BarInterval interval, String windowStart, String windowEnd, List<Bar> bars) {
        return batch(interval, Instant.parse(windowStart), Instant.parse(windowEnd), bars, 1, null);
    }

    public static CollectedBatch batch(BarInterval interval, Instant windowStart, Instant windowEnd, List<Bar> bars,
            int page, JsonNode raw) {
        return new CollectedBatch(UUID.randomUUID(), DataType.MARKET_DATA, SYMBOL, interval, SourceRole.PRIMARY,
                "simulator", windowStart, windowEnd, page, Instant.parse("2025-03-04T07:00:00Z"), 42, 1, "v1.0",
                "0.1.0", raw, bars, "raw/2025/03/04/market_data_005930_20250304_090000.json");
    }
}
