package dev.marketpipe.provider.spec;

import static dev.marketpipe.provider.RawFields.decimal;
import static dev.marketpipe.provider.RawFields.instant;
import static dev.marketpipe.provider.RawFields.text;
import static dev.marketpipe.provider.RawFields.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.marketpipe.wire.AccountNumberMask;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.ResponseFormat;
import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The response format of the {@code spec} provider's plain REST contract (served by the bundled simulator): bars
 * {@code {status, data[], meta{total_records, page, total_pages}}}, the order book as a bare object
 * {@code {symbol, timestamp, bids[], asks[]}}, the account answers in the {@code status/data} envelope (shapes
 * in CONTRACTS.md). Records carry their own symbol and UTC timestamps, so the request context is not needed.
 */
public final class SpecFormat implements ResponseFormat {

    @Override
    public String name() {
        return "spec";
    }

    @Override
    public boolean recognises(JsonNode raw) {
        return raw != null && raw.isObject() && !raw.has("rt_cd");
    }

    @Override
    public List<Bar> bars(JsonNode raw, ResponseContext context) {
        JsonNode data = raw.path("data");
        if (!data.isArray()) {
            throw new IllegalArgumentException("the raw response has no data array (not the spec provider's format)");
        }
        List<Bar> bars = new ArrayList<>(data.size());
        for (JsonNode record : data) {
            bars.add(new Bar(instant(record.get("timestamp")), text(record.get("symbol")),
                    decimal(record.get("open")), decimal(record.get("high")), decimal(record.get("low")),
                    decimal(record.get("close")), whole(record.get("volume")), decimal(record.get("value"))));
        }
        return bars;
    }

    @Override
    public BatchRecords records(DataType type, JsonNode raw, ResponseContext context) {
        return switch (type) {
            case ORDERBOOK -> BatchRecords.ofOrderBooks(List.of(orderBook(raw)));
            case ACCOUNT_INFO -> BatchRecords.ofAccounts(List.of(account(raw.path("data"))));
            case POSITIONS -> BatchRecords.ofPositions(positions(raw));
            case ORDERS -> BatchRecords.ofOrders(orders(raw));
            case MARKET_DATA -> throw new IllegalArgumentException("bars are read by bars()");
            case TICKS -> throw new IllegalArgumentException("the spec API has no real-time feed");
        };
    }

    /** Pages of the window the response belongs to ({@code meta.total_pages}, at least 1). */
    public static int totalPages(JsonNode raw) {
        return Math.max(1, raw.path("meta").path("total_pages").asInt(1));
    }

    private static OrderBookSnapshot orderBook(JsonNode raw) {
        if (!raw.isObject()) {
            throw new IllegalArgumentException("the raw response is not an order book object (spec provider format)");
        }
        return new OrderBookSnapshot(text(raw.get("symbol")), instant(raw.get("timestamp")), levels(raw.get("bids")),
                levels(raw.get("asks")));
    }

    private static List<BookLevel> levels(JsonNode side) {
        if (side == null || !side.isArray()) {
            return null;
        }
        List<BookLevel> levels = new ArrayList<>();
        for (JsonNode level : side) {
            levels.add(new BookLevel(decimal(level.get("price")), whole(level.get("quantity"))));
        }
        return levels;
    }

    private static AccountSnapshot account(JsonNode data) {
        Long count = whole(data.get("position_count"));
        return new AccountSnapshot(AccountNumberMask.mask(text(data.get("account_number"))),
                instant(data.get("timestamp")), text(data.get("currency")), decimal(data.get("cash_balance")),
                decimal(data.get("positions_value")), decimal(data.get("total_value")),
                count == null ? null : count.intValue());
    }

    private static List<Position> positions(JsonNode root) {
        Instant timestamp = instant(root.path("meta").get("timestamp"));
        List<Position> positions = new ArrayList<>();
        for (JsonNode item : root.path("data")) {
            positions.add(new Position(timestamp, text(item.get("symbol")), whole(item.get("quantity")),
                    decimal(item.get("average_price")), decimal(item.get("current_price")),
                    decimal(item.get("market_value")), decimal(item.get("unrealized_pnl"))));
        }
        return positions;
    }

    private static List<OrderRecord> orders(JsonNode root) {
        List<OrderRecord> orders = new ArrayList<>();
        for (JsonNode item : root.path("data")) {
            orders.add(new OrderRecord(text(item.get("order_id")), instant(item.get("ordered_at")),
                    text(item.get("symbol")), text(item.get("side")), whole(item.get("quantity")),
                    decimal(item.get("price")), whole(item.get("filled_quantity")), decimal(item.get("filled_price")),
                    text(item.get("status"))));
        }
        return orders;
    }
}
