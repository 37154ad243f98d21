package dev.marketpipe.loader.bars;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.calendar.Session;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.loader.load.MarketTable;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
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

/**
 * The read side of the market tables for the trading system, reports, the validator (previous close) and the
 * collector's gap-fill: bars of one symbol and interval in a time range, in time order.
 */
@ApplicationScoped
public class BarReader {

    /** Where a daily bar starts when the calendar has no session for its date (spec §2 market open). */
    static final LocalTime FALLBACK_OPEN = LocalTime.of(9, 0);

    private static final MarketCalendar KRX = MarketCalendar.krx();

    private final DataSource dataSource;

    public BarReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<StoredBar> read(String symbol, BarInterval interval, TimeRange range, int limit) {
        MarketTable table = MarketTable.of(interval);
        try (Connection connection = dataSource.getConnection()) {
            return table.isDaily()
                    ? readDaily(connection, symbol, range, limit)
                    : readIntraday(connection, table, symbol, range, limit);
        } catch (SQLException e) {
            throw new DatabaseException("reading bars failed", e);
        }
    }

    /** The instant a daily bar of {@code date} starts: the session open, or 09:00 KST on a closed day. */
    public static Instant dailyBarStart(LocalDate date) {
        return KRX.session(date).map(Session::open)
                .orElseGet(() -> date.atTime(FALLBACK_OPEN).atZone(MarketCalendar.KRX_ZONE).toInstant());
    }

    private static List<StoredBar> readIntraday(Connection connection, MarketTable table, String symbol,
            TimeRange range, int limit) throws SQLException {
        String sql = "SELECT \"timestamp\", symbol, open, high, low, close, volume, \"value\" FROM " + table.tableName()
                + " WHERE symbol = ? AND \"timestamp\" >= ? AND \"timestamp\" < ? ORDER BY \"timestamp\" LIMIT ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, symbol);
            query.setObject(2, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
            query.setInt(4, limit);
            List<StoredBar> bars = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    bars.add(new StoredBar(row.getObject(1, OffsetDateTime.class).toInstant(), row.getString(2),
                            row.getBigDecimal(3), row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6),
                            row.getLong(7), row.getBigDecimal(8), null));
                }
            }
            return bars;
        }
    }

    /**
     * Daily rows are keyed by date; their timestamp is derived from the calendar, so select the dates the range
     * touches in SQL and keep the bars whose start lies in the range.
     */
    private static List<StoredBar> readDaily(Connection connection, String symbol, TimeRange range, int limit)
            throws SQLException {
        String sql = "SELECT \"date\", symbol, open, high, low, close, volume, \"value\" FROM market_data_daily"
                + " WHERE symbol = ? AND \"date\" >= ? AND \"date\" <= ? ORDER BY \"date\"";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, symbol);
            query.setObject(2, range.firstDate());
            query.setObject(3, range.lastDate());
            List<StoredBar> bars = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next() && bars.size() < limit) {
                    LocalDate date = row.getObject(1, LocalDate.class);
                    Instant start = dailyBarStart(date);
                    if (range.contains(start)) {
                        bars.add(new StoredBar(start, row.getString(2), row.getBigDecimal(3), row.getBigDecimal(4),
                                row.getBigDecimal(5), row.getBigDecimal(6), row.getLong(7), row.getBigDecimal(8),
                                date));
                    }
                }
            }
            return bars;
        }
    }
}
