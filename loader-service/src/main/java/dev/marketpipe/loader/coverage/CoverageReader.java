package dev.marketpipe.loader.coverage;

import dev.marketpipe.loader.bars.BarReader;
import dev.marketpipe.loader.bars.TimeRange;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.wire.BarInterval;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@link Coverage}: the runs of consecutive stored bars, computed in PostgreSQL ("gaps and islands") over the
 * {@code (symbol, timestamp)} unique index, so the answer stays small and no bar values are read.
 */
@ApplicationScoped
public class CoverageReader {

    /**
     * Bars of one island share {@code bar number - row number}; islands never span two KST dates (there is no
     * overnight session), and grouping by the date as well keeps that true even for stray bars.
     */
    private static final String INTRADAY_RUNS = "SELECT d, min(ts), max(ts), count(*) FROM ("
            + " SELECT \"timestamp\" AS ts, (\"timestamp\" AT TIME ZONE 'Asia/Seoul')::date AS d,"
            + " floor(extract(epoch FROM \"timestamp\") / ?)::bigint - row_number() OVER (ORDER BY \"timestamp\") AS grp"
            + " FROM %s WHERE symbol = ? AND \"timestamp\" >= ? AND \"timestamp\" < ?) s"
            + " GROUP BY d, grp ORDER BY 2";

    private static final String DAILY_DATES = "SELECT \"date\" FROM market_data_daily"
            + " WHERE symbol = ? AND \"date\" >= ? AND \"date\" <= ? ORDER BY \"date\"";

    private final DataSource dataSource;

    public CoverageReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Coverage read(String symbol, BarInterval interval, TimeRange range) {
        try (Connection connection = dataSource.getConnection()) {
            List<Coverage.Day> days = interval == BarInterval.ONE_DAY
                    ? daily(connection, symbol, range)
                    : intraday(connection, MarketTable.of(interval), interval, symbol, range);
            long bars = days.stream().mapToLong(Coverage.Day::bars).sum();
            return new Coverage(symbol, interval, range.from(), range.to(), bars, days);
        } catch (SQLException e) {
            throw new DatabaseException("reading coverage failed", e);
        }
    }

    private static List<Coverage.Day> intraday(Connection connection, MarketTable table, BarInterval interval,
            String symbol, TimeRange range) throws SQLException {
        Map<LocalDate, List<Coverage.Run>> runs = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(INTRADAY_RUNS.formatted(table.tableName()))) {
            query.setLong(1, interval.length().toSeconds());
            query.setString(2, symbol);
            query.setObject(3, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
            query.setObject(4, OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    LocalDate date = row.getObject(1, LocalDate.class);
                    runs.computeIfAbsent(date, d -> new ArrayList<>()).add(new Coverage.Run(
                            row.getObject(2, OffsetDateTime.class).toInstant(),
                            row.getObject(3, OffsetDateTime.class).toInstant(), row.getLong(4)));
                }
            }
        }
        List<Coverage.Day> days = new ArrayList<>();
        runs.forEach((date, dayRuns) -> days.add(
                new Coverage.Day(date, dayRuns.stream().mapToLong(Coverage.Run::bars).sum(), dayRuns)));
        return days;
    }

    /** A daily bar is keyed by its trading date; its start is the session open, as {@code GET /v1/bars} says. */
    private static List<Coverage.Day> daily(Connection connection, String symbol, TimeRange range)
            throws SQLException {
        List<Coverage.Day> days = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(DAILY_DATES)) {
            query.setString(1, symbol);
            query.setObject(2, range.firstDate());
            query.setObject(3, range.lastDate());
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    LocalDate date = row.getObject(1, LocalDate.class);
                    Instant start = BarReader.dailyBarStart(date);
                    if (range.contains(start)) {
                        days.add(new Coverage.Day(date, 1, List.of(new Coverage.Run(start, start, 1))));
                    }
                }
            }
        }
        return days;
    }
}
