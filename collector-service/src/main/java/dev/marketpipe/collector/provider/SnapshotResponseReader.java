package dev.marketpipe.collector.provider;

import static dev.marketpipe.collector.provider.JsonFields.decimal;
import static dev.marketpipe.collector.provider.JsonFields.instant;
import static dev.marketpipe.collector.provider.JsonFields.text;
import static dev.marketpipe.collector.provider.JsonFields.whole;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the order-book (spec §1.2) and account answers (§1.3, shapes in CONTRACTS.md) into wire records. As for
 * bars, a missing or unreadable field stays {@code null} for the validator to judge. The account number is masked
 * here, so the clear number never leaves the provider adapter except inside the raw response.
 */
@ApplicationScoped
public class SnapshotResponseReader {

    private final ObjectMapper mapper;

    SnapshotResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as JSON; an order book is a bare object, the account endpoints use the {@code status/data} envelope. */
    public JsonNode parse(SnapshotQuery query, String body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProviderException.Unavailable(200, "the securities API answered with malformed JSON");
        }
        if (root == null || !root.isObject()) {
            throw new ProviderException.Unavailable(200, "the securities API answered with a body that is not a JSON object");
        }
        if (query.dataType() != DataType.ORDERBOOK && !"success".equals(root.path("status").asText())) {
            throw new ProviderException.Unavailable(200, "the securities API answered " + query.dataType().code()
                    + " without status 'success'");
        }
        return root;
    }

    public BatchRecords records(SnapshotQuery query, JsonNode root) {
        return switch (query.dataType()) {
            case ORDERBOOK -> BatchRecords.ofOrderBooks(List.of(orderBook(root)));
            case ACCOUNT_INFO -> BatchRecords.ofAccounts(List.of(account(root.path("data"))));
            case POSITIONS -> BatchRecords.ofPositions(positions(root));
            case ORDERS -> BatchRecords.ofOrders(orders(root));
            case MARKET_DATA -> throw new IllegalArgumentException("bars are read by SpecResponseReader");
        };
    }

    public int totalPages(JsonNode root) {
        return Math.max(1, root.path("meta").path("total_pages").asInt(1));
    }

    private static OrderBookSnapshot orderBook(JsonNode root) {
        return new OrderBookSnapshot(text(root.get("symbol")), instant(root.get("timestamp")), levels(root.get("bids")),
                levels(root.get("asks")));
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
