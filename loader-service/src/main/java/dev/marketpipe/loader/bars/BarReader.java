package dev.marketpipe.loader.bars;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read side of the market tables for the trading system, reports, the validator (previous close) and the
 * collector's gap-fill: pages of bars of one symbol and interval in a time range, in time order, and the newest
 * bar of each of a list of symbols.
 */
@ApplicationScoped
public class BarReader {

    /** Where a daily bar starts when the calendar has no session for its date (the regular market open). */
    static final LocalTime FALLBACK_OPEN = LocalTime.of(9, 0);

    private static final MarketCalendar KRX = MarketCalendar.krx();

    private static final String INTRADAY_COLUMNS = "\"timestamp\", symbol, open, high, low, close, volume, \"value\"";
    private static final String DAILY_COLUMNS = "\"date\", symbol, open, high, low, close, volume, \"value\"";

    private final DataSource dataSource;

    public BarReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * At most {@code limit} bars of {@code range} after {@code after} (from the start of the range when empty).
     * One row more than asked is read, so the last page says so instead of sending the client to an empty one.
     */
    public BarPage read(String symbol, BarInterval interval, TimeRange range, Optional<BarCursor> after, int limit) {
        MarketTable table = MarketTable.of(interval);
        try (Connection connection = dataSource.getConnection()) {
            List<StoredBar> bars = table.isDaily()
                    ? readDaily(connection, symbol, range, after, limit + 1)
                    : readIntraday(connection, table, symbol, range, after, limit + 1);
            if (bars.size() <= limit) {
                return new BarPage(bars, Optional.empty());
            }
            List<StoredBar> page = List.copyOf(bars.subList(0, limit));
            return new BarPage(page, Optional.of(new BarCursor(page.get(limit - 1).timestamp(), symbol)));
        } catch (SQLException e) {
            throw new DatabaseException("reading bars failed", e);
        }
    }

    /** Whether any bar of {@code symbol} is stored in the table of {@code interval} (one index probe). */
    public boolean isKnown(String symbol, BarInterval interval) {
        String sql = "SELECT EXISTS (SELECT 1 FROM " + MarketTable.of(interval).tableName() + " WHERE symbol = ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, symbol);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading bars failed", e);
        }
    }

    /**
     * The newest stored bar of each of {@code symbols} that has one, in the order asked. One query: a LATERAL
     * subquery per symbol ({@code ORDER BY timestamp DESC LIMIT 1}) is one backward probe of the unique
     * {@code (symbol, timestamp)} index (on a partitioned table: the newest partition holding the symbol first),
     * where {@code DISTINCT ON (symbol)} would read every stored bar of the symbols.
     */
    public List<StoredBar> latest(List<String> symbols, BarInterval interval) {
        MarketTable table = MarketTable.of(interval);
        String key = table.isDaily() ? "\"date\"" : "\"timestamp\"";
        String sql = "SELECT b.* FROM unnest(?::varchar[]) WITH ORDINALITY AS asked(symbol, position) "
                + "CROSS JOIN LATERAL (SELECT " + (table.isDaily() ? DAILY_COLUMNS : INTRADAY_COLUMNS) + " FROM "
                + table.tableName() + " m WHERE m.symbol = asked.symbol ORDER BY " + key + " DESC LIMIT 1) b "
                + "ORDER BY asked.position";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            Array array = connection.createArrayOf("varchar", symbols.toArray());
            query.setArray(1, array);
            List<StoredBar> bars = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    bars.add(table.isDaily() ? dailyBar(row) : intradayBar(row));
                }
            }
            return bars;
        } catch (SQLException e) {
            throw new DatabaseException("reading the latest bars failed", e);
        }
    }

    /** The instant a daily bar of {@code date} starts: the session open, or 09:00 KST on a closed day. */
    public static Instant dailyBarStart(LocalDate date) {
        return KRX.session(date).map(Session::open)
                .orElseGet(() -> date.atTime(FALLBACK_OPEN).atZone(MarketCalendar.KRX_ZONE).toInstant());
    }

    /** Keyset: after the cursor's bar ({@code >}), else from the start of the range ({@code >=}). */
    private static List<StoredBar> readIntraday(Connection connection, MarketTable table, String symbol,
            TimeRange range, Optional<BarCursor> after, int rows) throws SQLException {
        String sql = "SELECT " + INTRADAY_COLUMNS + " FROM " + table.tableName() + " WHERE symbol = ? AND \"timestamp\" "
                + (after.isPresent() ? ">" : ">=") + " ? AND \"timestamp\" < ? ORDER BY \"timestamp\" LIMIT ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, symbol);
            query.setObject(2, utc(after.map(BarCursor::after).orElse(range.from())));
            query.setObject(3, utc(range.to()));
            query.setInt(4, rows);
            List<StoredBar> bars = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    bars.add(intradayBar(row));
                }
            }
            return bars;
        }
    }

    /**
     * Daily rows are keyed by date; their timestamp is derived from the calendar, so select the dates the range
     * touches in SQL and keep the bars whose start lies in the range. A cursor's bar start maps back to its date.
     */
    private static List<StoredBar> readDaily(Connection connection, String symbol, TimeRange range,
            Optional<BarCursor> after, int rows) throws SQLException {
        String sql = "SELECT " + DAILY_COLUMNS + " FROM market_data_daily WHERE symbol = ? AND \"date\" "
                + (after.isPresent() ? ">" : ">=") + " ? AND \"date\" <= ? ORDER BY \"date\"";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, symbol);
            query.setObject(2, after.map(c -> LocalDate.ofInstant(c.after(), MarketCalendar.KRX_ZONE))
                    .orElse(range.firstDate()));
            query.setObject(3, range.lastDate());
            List<StoredBar> bars = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (bars.size() < rows && row.next()) {
                    StoredBar bar = dailyBar(row);
                    if (range.contains(bar.timestamp())) {
                        bars.add(bar);
                    }
                }
            }
            return bars;
        }
    }

    private static StoredBar intradayBar(ResultSet row) throws SQLException {
        return new StoredBar(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
                row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6),
                row.getLong(7), row.getBigDecimal(8), null);
    }

    private static StoredBar dailyBar(ResultSet row) throws SQLException {
        LocalDate date = row.getObject(1, LocalDate.class);
        return new StoredBar(dailyBarStart(date), row.getString(2), row.getBigDecimal(3), row.getBigDecimal(4),
                row.getBigDecimal(5), row.getBigDecimal(6), row.getLong(7), row.getBigDecimal(8), date);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
