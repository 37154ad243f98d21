package dev.marketpipe.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.simulator.market.AccountGenerator;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.simulator.market.OrderBook;
import dev.marketpipe.simulator.market.OrderBookGenerator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the simulator served for order books and account data, recomputed from its seed (the generators are pure
 * functions of seed, universe and time), compared with the loader's tables row by row.
 */
final class AccountTruth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrderBookGenerator books;
    private final AccountGenerator accounts;
    private final String accountNumber;

    AccountTruth(BarGenerator bars, List<String> universe, String accountNumber) {
        this.books = new OrderBookGenerator(bars);
        this.accounts = new AccountGenerator(bars, universe, accountNumber);
        this.accountNumber = accountNumber;
    }

    void assertOrderBooks(ThrowawayPostgres db, List<String> symbols) throws Exception {
        List<String> stored = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(
                "SELECT symbol, timestamp, best_bid, best_ask, bids::text, asks::text FROM orderbook_snapshot ORDER BY symbol")) {
            while (rows.next()) {
                String symbol = rows.getString(1);
                stored.add(symbol);
                Instant at = rows.getObject(2, OffsetDateTime.class).toInstant();
                OrderBook expected = books.orderBook(symbol, at);
                assertEquals(expected.bids().get(0).price(), rows.getBigDecimal(3).longValueExact(), symbol + " best bid");
                assertEquals(expected.asks().get(0).price(), rows.getBigDecimal(4).longValueExact(), symbol + " best ask");
                assertLevels(expected.bids(), JSON.readTree(rows.getString(5)), symbol + " bids");
                assertLevels(expected.asks(), JSON.readTree(rows.getString(6)), symbol + " asks");
            }
        }
        assertEquals(symbols.stream().sorted().toList(), stored, "one snapshot per symbol");
    }

    void assertAccount(ThrowawayPostgres db) throws SQLException {
        try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(
                "SELECT timestamp, account_masked, cash, positions_value, total_value, position_count FROM account_snapshot")) {
            assertTrue(rows.next(), "one account snapshot");
            Instant at = rows.getObject(1, OffsetDateTime.class).toInstant();
            AccountGenerator.Account expected = accounts.account(at);
            assertEquals(accountNumber.substring(0, 4) + "****" + accountNumber.substring(8), rows.getString(2),
                    "account number stored masked");
            assertEquals(expected.cash(), rows.getBigDecimal(3).longValueExact(), "cash");
            assertEquals(expected.positionsValue(), rows.getBigDecimal(4).longValueExact(), "positions value");
            assertEquals(expected.totalValue(), rows.getBigDecimal(5).longValueExact(), "total");
            assertEquals(expected.positionCount(), rows.getInt(6), "position count");
            assertTrue(!rows.next(), "only one account snapshot");
        }
    }

    void assertPositions(ThrowawayPostgres db) throws SQLException {
        List<String> stored = new ArrayList<>();
        Instant at = null;
        try (Connection c = db.connect(); ResultSet rows = c.createStatement().executeQuery(
                "SELECT timestamp, symbol, quantity, average_price, current_price, market_value, unrealized_pnl "
                        + "FROM position_snapshot ORDER BY symbol")) {
            while (rows.next()) {
                at = rows.getObject(1, OffsetDateTime.class).toInstant();
                stored.add(String.join("|", rows.getString(2), rows.getString(3),
                        plain(rows.getBigDecimal(4)), plain(rows.getBigDecimal(5)), plain(rows.getBigDecimal(6)),
                        plain(rows.getBigDecimal(7))));
            }
        }
        assertNotNull(at, "the seeded portfolio holds positions");
        List<String> expected = accounts.positions(at).stream()
                .map(h -> String.join("|", h.symbol(), Long.toString(h.quantity()), Long.toString(h.averagePrice()),
                        Long.toString(h.currentPrice()), Long.toString(h.marketValue()),
                        Long.toString(h.unrealizedPnl())))
                .sorted().toList();
        assertEquals(expected, stored, "positions at " + at);
    }

    void assertOrders(ThrowawayPostgres db, List<LocalDate> days) throws SQLException {
        List<String> expected = new ArrayList<>();
        for (LocalDate day : days) {
            for (AccountGenerator.Order o : accounts.orders(day)) {
                expected.add(String.join("|", o.orderId(), o.orderedAt().toString(), o.symbol(), o.side(),
                        Long.toString(o.quantity()), Long.toString(o.price()), Long.toString(o.filledQuantity()),
                        o.filledPrice() == null ? "null" : Long.toString(o.filledPrice()), o.status()));
            }
        }
        expected.sort(null);
        List<String> stored = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement query = c.prepareStatement(
                "SELECT order_id, ordered_at, symbol, side, quantity, price, filled_quantity, filled_price, status "
                        + "FROM order_history ORDER BY order_id");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                stored.add(String.join("|", rows.getString(1),
                        rows.getObject(2, OffsetDateTime.class).toInstant().toString(), rows.getString(3),
                        rows.getString(4), rows.getString(5), plain(rows.getBigDecimal(6)), rows.getString(7),
                        rows.getBigDecimal(8) == null ? "null" : plain(rows.getBigDecimal(8)), rows.getString(9)));
            }
        }
        stored.sort(null);
        assertTrue(expected.size() > 5, "the seed places orders on these days: " + expected.size());
        assertEquals(expected, stored, "order history of " + days);
    }

    private static void assertLevels(List<OrderBook.Level> expected, JsonNode stored, String what) {
        assertEquals(expected.size(), stored.size(), what + " depth");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).price(), stored.get(i).path("price").decimalValue().longValueExact(), what + "[" + i + "].price");
            assertEquals(expected.get(i).quantity(), stored.get(i).path("quantity").asLong(), what + "[" + i + "].quantity");
        }
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
