package dev.marketpipe.loader.orderbook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.OrderBookSnapshot;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One price level of an order-book snapshot as a flat row, the shape of the {@code text/csv} answer of
 * {@code GET /v1/orderbooks/latest} (CSV has no nested lists): bids first, then asks, each best first.
 *
 * @param side  {@code bid} or {@code ask}
 * @param level 1 for the best price of its side
 */
@RegisterForReflection
@JsonPropertyOrder({"symbol", "timestamp", "side", "level", "price", "quantity"})
public record OrderBookLevelRow(String symbol, Instant timestamp, String side, int level, BigDecimal price,
        Long quantity) {

    public static List<OrderBookLevelRow> of(OrderBookSnapshot book) {
        List<OrderBookLevelRow> rows = new ArrayList<>();
        add(rows, book, "bid", book.bids());
        add(rows, book, "ask", book.asks());
        return rows;
    }

    private static void add(List<OrderBookLevelRow> rows, OrderBookSnapshot book, String side,
            List<BookLevel> levels) {
        for (int i = 0; i < levels.size(); i++) {
            rows.add(new OrderBookLevelRow(book.symbol(), book.timestamp(), side, i + 1, levels.get(i).price(),
                    levels.get(i).quantity()));
        }
    }
}
