package dev.marketpipe.loader.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.partition.DayPartition;
import dev.marketpipe.loader.partition.TablePartitions;
import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;
import dev.marketpipe.wire.Tick;
import dev.marketpipe.wire.ValidatedBatch;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Upserts accepted order books and account data into their tables (migration V3) and ticks into
 * {@code market_ticks} (V9) on their natural keys: {@code (symbol, timestamp)}, {@code timestamp},
 * {@code (timestamp, symbol)}, {@code order_id}, {@code (symbol, trading_date, cumulative_volume)}. As for bars, the
 * {@code WHERE … IS DISTINCT FROM} makes a row already stored with the same values a no-op, counted unchanged.
 */
@ApplicationScoped
public class RecordUpserter {

    static final String ORDERBOOK = "INSERT INTO orderbook_snapshot AS t (symbol, \"timestamp\", best_bid, best_ask, "
            + "bids, asks) VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb) ON CONFLICT (symbol, \"timestamp\") DO UPDATE SET "
            + "best_bid = EXCLUDED.best_bid, best_ask = EXCLUDED.best_ask, bids = EXCLUDED.bids, asks = EXCLUDED.asks, "
            + "updated_at = now() WHERE (t.best_bid, t.best_ask, t.bids, t.asks) IS DISTINCT FROM "
            + "(EXCLUDED.best_bid, EXCLUDED.best_ask, EXCLUDED.bids, EXCLUDED.asks)";
    static final String ACCOUNT = "INSERT INTO account_snapshot AS t (\"timestamp\", account_masked, currency, cash, "
            + "positions_value, total_value, position_count) VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (\"timestamp\") DO UPDATE SET account_masked = EXCLUDED.account_masked, "
            + "currency = EXCLUDED.currency, cash = EXCLUDED.cash, positions_value = EXCLUDED.positions_value, "
            + "total_value = EXCLUDED.total_value, position_count = EXCLUDED.position_count, updated_at = now() "
            + "WHERE (t.account_masked, t.currency, t.cash, t.positions_value, t.total_value, t.position_count) "
            + "IS DISTINCT FROM (EXCLUDED.account_masked, EXCLUDED.currency, EXCLUDED.cash, EXCLUDED.positions_value, "
            + "EXCLUDED.total_value, EXCLUDED.position_count)";
    static final String POSITION = "INSERT INTO position_snapshot AS t (\"timestamp\", symbol, quantity, average_price, "
            + "current_price, market_value, unrealized_pnl) VALUES (?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (\"timestamp\", symbol) DO UPDATE SET quantity = EXCLUDED.quantity, "
            + "average_price = EXCLUDED.average_price, current_price = EXCLUDED.current_price, "
            + "market_value = EXCLUDED.market_value, unrealized_pnl = EXCLUDED.unrealized_pnl, updated_at = now() "
            + "WHERE (t.quantity, t.average_price, t.current_price, t.market_value, t.unrealized_pnl) "
            + "IS DISTINCT FROM (EXCLUDED.quantity, EXCLUDED.average_price, EXCLUDED.current_price, "
            + "EXCLUDED.market_value, EXCLUDED.unrealized_pnl)";
    static final String TICK = "INSERT INTO market_ticks AS t (symbol, trading_date, cumulative_volume, \"timestamp\", "
            + "price, quantity, cumulative_value, previous_close) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (symbol, trading_date, cumulative_volume) DO UPDATE SET \"timestamp\" = EXCLUDED.\"timestamp\", "
            + "price = EXCLUDED.price, quantity = EXCLUDED.quantity, cumulative_value = EXCLUDED.cumulative_value, "
            + "previous_close = EXCLUDED.previous_close, updated_at = now() "
            + "WHERE (t.\"timestamp\", t.price, t.quantity, t.cumulative_value, t.previous_close) IS DISTINCT FROM "
            + "(EXCLUDED.\"timestamp\", EXCLUDED.price, EXCLUDED.quantity, EXCLUDED.cumulative_value, "
            + "EXCLUDED.previous_close)";
    static final String ORDER = "INSERT INTO order_history AS t (order_id, ordered_at, symbol, side, quantity, price, "
            + "filled_quantity, filled_price, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (order_id) DO UPDATE SET ordered_at = EXCLUDED.ordered_at, symbol = EXCLUDED.symbol, "
            + "side = EXCLUDED.side, quantity = EXCLUDED.quantity, price = EXCLUDED.price, "
            + "filled_quantity = EXCLUDED.filled_quantity, filled_price = EXCLUDED.filled_price, "
            + "status = EXCLUDED.status, updated_at = now() "
            + "WHERE (t.ordered_at, t.symbol, t.side, t.quantity, t.price, t.filled_quantity, t.filled_price, t.status) "
            + "IS DISTINCT FROM (EXCLUDED.ordered_at, EXCLUDED.symbol, EXCLUDED.side, EXCLUDED.quantity, "
            + "EXCLUDED.price, EXCLUDED.filled_quantity, EXCLUDED.filled_price, EXCLUDED.status)";

    private final ObjectMapper json;
    private final TablePartitions partitions;

    public RecordUpserter(ObjectMapper json, TablePartitions partitions) {
        this.json = json;
        this.partitions = partitions;
    }

    public UpsertCounts upsert(Connection connection, ValidatedBatch batch) throws SQLException {
        BatchRecords records = batch.acceptedRecords();
        return switch (batch.dataType()) {
            case ORDERBOOK -> run(connection, ORDERBOOK, records.orderBooks(), this::bindBook);
            case ACCOUNT_INFO -> run(connection, ACCOUNT, records.accounts(), RecordUpserter::bindAccount);
            case POSITIONS -> run(connection, POSITION, records.positions(), RecordUpserter::bindPosition);
            case ORDERS -> run(connection, ORDER, records.orders(), RecordUpserter::bindOrder);
            case TICKS -> {
                // the days' partitions first, outside this transaction (TablePartitions explains why)
                partitions.ensure(records.ticks().stream()
                        .map(tick -> new DayPartition(DayPartition.TICKS, tradingDate(tick))).distinct().toList());
                UpsertCounts counts = run(connection, TICK, records.ticks(), RecordUpserter::bindTick);
                TickMinutes.markPending(connection, records.ticks());
                yield counts;
            }
            case MARKET_DATA -> throw new IllegalArgumentException("bars are upserted by BarUpserter");
        };
    }

    private <T> UpsertCounts run(Connection connection, String sql, List<T> rows, Binder<T> binder)
            throws SQLException {
        if (rows.isEmpty()) {
            return new UpsertCounts(0, 0);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(statement, row);
                statement.addBatch();
            }
            int changed = 0;
            for (int count : statement.executeBatch()) {
                if (count > 0) {
                    changed++;
                }
            }
            return new UpsertCounts(changed, rows.size() - changed);
        }
    }

    private void bindBook(PreparedStatement s, OrderBookSnapshot book) throws SQLException {
        s.setString(1, book.symbol());
        s.setObject(2, utc(book.timestamp()));
        s.setBigDecimal(3, book.bids().get(0).price());
        s.setBigDecimal(4, book.asks().get(0).price());
        s.setString(5, toJson(book.bids()));
        s.setString(6, toJson(book.asks()));
    }

    private static void bindAccount(PreparedStatement s, AccountSnapshot account) throws SQLException {
        s.setObject(1, utc(account.timestamp()));
        s.setString(2, account.accountMasked());
        s.setString(3, account.currency());
        s.setBigDecimal(4, account.cash());
        s.setBigDecimal(5, account.positionsValue());
        s.setBigDecimal(6, account.totalValue());
        if (account.positionCount() == null) {
            s.setNull(7, Types.INTEGER);
        } else {
            s.setInt(7, account.positionCount());
        }
    }

    private static void bindPosition(PreparedStatement s, Position position) throws SQLException {
        s.setObject(1, utc(position.timestamp()));
        s.setString(2, position.symbol());
        s.setLong(3, position.quantity());
        s.setBigDecimal(4, position.averagePrice());
        s.setBigDecimal(5, position.currentPrice());
        s.setBigDecimal(6, position.marketValue());
        s.setBigDecimal(7, position.unrealizedPnl());
    }

    private static void bindOrder(PreparedStatement s, OrderRecord order) throws SQLException {
        s.setString(1, order.orderId());
        s.setObject(2, utc(order.orderedAt()));
        s.setString(3, order.symbol());
        s.setString(4, order.side());
        s.setLong(5, order.quantity());
        s.setBigDecimal(6, order.price());
        s.setLong(7, order.filledQuantity());
        s.setBigDecimal(8, order.filledPrice());
        s.setString(9, order.status());
    }

    private static void bindTick(PreparedStatement s, Tick tick) throws SQLException {
        s.setString(1, tick.symbol());
        s.setObject(2, tradingDate(tick));
        s.setLong(3, tick.cumulativeVolume());
        s.setObject(4, utc(tick.timestamp()));
        s.setBigDecimal(5, tick.price());
        s.setLong(6, tick.quantity());
        s.setBigDecimal(7, tick.cumulativeValue());
        s.setBigDecimal(8, tick.previousClose());
    }

    private static LocalDate tradingDate(Tick tick) {
        return LocalDate.ofInstant(tick.timestamp(), MarketCalendar.KRX_ZONE);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }
}
