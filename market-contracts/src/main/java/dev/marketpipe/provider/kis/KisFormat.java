package dev.marketpipe.provider.kis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormat;
import dev.marketpipe.provider.kis.realtime.KisRealtimeBatch;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.DataType;

import java.util.List;

/**
 * The KIS Open API's answers ({@code {rt_cd, msg_cd, msg1, output1, output2}}, every number a string, every time
 * KST without a zone): minute bars ({@link KisMinuteBars}), daily bars ({@link KisDailyBars}), the order book and
 * the account answers ({@link KisAccountRecords}), and the frames of the real-time feed ({@link KisRealtimeBatch}). Field names are those of the official samples
 * ({@code koreainvestment/open-trading-api}); docs/PROVIDERS.md lists them.
 */
public final class KisFormat implements ResponseFormat {

    @Override
    public String name() {
        return "kis";
    }

    @Override
    public boolean recognises(JsonNode raw) {
        return raw != null && raw.isObject()
                && (raw.has("rt_cd") || KisDailyBars.isPair(raw) || KisRealtimeBatch.isRealtime(raw));
    }

    @Override
    public List<Bar> bars(JsonNode raw, ResponseContext context) {
        return context.interval() == BarInterval.ONE_DAY
                ? KisDailyBars.bars(raw, context) : KisMinuteBars.bars(raw, context);
    }

    @Override
    public BatchRecords records(DataType type, JsonNode raw, ResponseContext context) {
        if (KisRealtimeBatch.isRealtime(raw)) {
            return KisRealtimeBatch.records(type, raw, context);
        }
        return switch (type) {
            case ORDERBOOK -> BatchRecords.ofOrderBooks(List.of(KisAccountRecords.orderBook(raw, context)));
            case ACCOUNT_INFO -> BatchRecords.ofAccounts(List.of(KisAccountRecords.account(raw, context)));
            case POSITIONS -> BatchRecords.ofPositions(KisAccountRecords.positions(raw, context));
            case ORDERS -> BatchRecords.ofOrders(KisAccountRecords.orders(raw, context));
            case MARKET_DATA -> throw new IllegalArgumentException("bars are read by bars()");
            case TICKS -> throw new IllegalArgumentException("ticks come from the real-time feed, not a REST answer");
        };
    }
}
