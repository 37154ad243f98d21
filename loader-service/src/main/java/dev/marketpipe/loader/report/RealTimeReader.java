package dev.marketpipe.loader.report;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.database.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The real-time part of a day's report: trades stored, minutes the feed covered, 1-minute bars of the feed's symbols
 * that only REST filled (a minute the socket missed, or one without trades), and the minutes where the bar built
 * from ticks and the REST bar differed ({@code bar_source_difference}, the first {@link #LISTED}).
 */
@ApplicationScoped
public class RealTimeReader {

    static final int LISTED = 50;

    private static final String COUNTS = "WITH t AS (SELECT symbol, date_trunc('minute', \"timestamp\") AS minute, "
            + "count(*) AS trades FROM market_ticks WHERE trading_date = ? GROUP BY 1, 2) "
            + "SELECT (SELECT coalesce(sum(trades), 0) FROM t), (SELECT count(*) FROM t), "
            + "(SELECT count(*) FROM market_data_1min b WHERE b.symbol IN (SELECT DISTINCT symbol FROM t) "
            + "AND b.\"timestamp\" >= ? AND b.\"timestamp\" < ? AND NOT EXISTS (SELECT 1 FROM t "
            + "WHERE t.symbol = b.symbol AND t.minute = b.\"timestamp\")), "
            + "(SELECT count(*) FROM bar_source_difference WHERE \"timestamp\" >= ? AND \"timestamp\" < ?)";
    private static final String DIFFERENCES = "SELECT symbol, \"timestamp\", tick_open, tick_high, tick_low, "
            + "tick_close, tick_volume, rest_open, rest_high, rest_low, rest_close, rest_volume, kept "
            + "FROM bar_source_difference WHERE \"timestamp\" >= ? AND \"timestamp\" < ? "
            + "ORDER BY \"timestamp\", symbol LIMIT " + LISTED;

    private final DataSource dataSource;

    public RealTimeReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The day's figures; empty when the feed stored nothing that day (a set-up without a feed). */
    public Optional<DailyReport.RealTime> read(LocalDate date) {
        OffsetDateTime from = date.atStartOfDay(MarketCalendar.KRX_ZONE).toOffsetDateTime();
        OffsetDateTime to = date.plusDays(1).atStartOfDay(MarketCalendar.KRX_ZONE).toOffsetDateTime();
        try (Connection connection = dataSource.getConnection()) {
            long trades;
            long minutes;
            long restOnly;
            long differing;
            try (PreparedStatement query = connection.prepareStatement(COUNTS)) {
                query.setObject(1, date);
                query.setObject(2, from);
                query.setObject(3, to);
                query.setObject(4, from);
                query.setObject(5, to);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    trades = row.getLong(1);
                    minutes = row.getLong(2);
                    restOnly = row.getLong(3);
                    differing = row.getLong(4);
                }
            }
            if (trades == 0 && differing == 0) {
                return Optional.empty();
            }
            List<DailyReport.BarDifference> differences = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(DIFFERENCES)) {
                query.setObject(1, from);
                query.setObject(2, to);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        differences.add(new DailyReport.BarDifference(row.getString(1),
                                row.getObject(2, OffsetDateTime.class).atZoneSameInstant(MarketCalendar.KRX_ZONE)
                                        .toOffsetDateTime(),
                                ohlcv(row, 3), ohlcv(row, 8), row.getString(13)));
                    }
                }
            }
            return Optional.of(new DailyReport.RealTime(trades, minutes, restOnly, differing, differences));
        } catch (SQLException e) {
            throw new DatabaseException("reading the day's real-time figures failed", e);
        }
    }

    private static String ohlcv(ResultSet row, int first) throws SQLException {
        return row.getBigDecimal(first).stripTrailingZeros().toPlainString() + " / "
                + row.getBigDecimal(first + 1).stripTrailingZeros().toPlainString() + " / "
                + row.getBigDecimal(first + 2).stripTrailingZeros().toPlainString() + " / "
                + row.getBigDecimal(first + 3).stripTrailingZeros().toPlainString() + " × " + row.getLong(first + 4);
    }
}
