package dev.marketpipe.loader.report;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.database.DatabaseException;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the daily report needs from the tables besides coverage: which symbols had bars or quarantined records on a
 * KST date, and the quarantined records per symbol and rule. Approved records are left out: approval stored them
 * as bars, and counting them again would lower the quality score for a record a person found good.
 */
@ApplicationScoped
public class DailyActivityReader {

    private static final String QUARANTINE_DAY = " FROM quarantine q WHERE q.data_type = ? AND q.\"interval\" = ?"
            + " AND q.record_timestamp >= ? AND q.record_timestamp < ? AND q.status <> 'approved'";

    private static final String QUARANTINED_PER_SYMBOL = "SELECT q.symbol, count(*)" + QUARANTINE_DAY
            + " GROUP BY q.symbol";

    private static final String QUARANTINED_PER_RULE = "SELECT q.symbol, r.reason ->> 'rule', count(*)"
            + QUARANTINE_DAY.replace("FROM quarantine q", "FROM quarantine q CROSS JOIN LATERAL"
                    + " jsonb_array_elements(q.reasons) AS r(reason)")
            + " GROUP BY 1, 2";

    private final DataSource dataSource;

    public DailyActivityReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Per symbol with any activity that day: quarantined count and the count per rule (both possibly 0). */
    public Map<String, Quarantined> read(LocalDate date, BarInterval interval) {
        Map<String, Quarantined> symbols = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String symbol : storedSymbols(connection, date, interval)) {
                symbols.put(symbol, new Quarantined(0, new TreeMap<>()));
            }
            OffsetDateTime dayStart = date.atStartOfDay(MarketCalendar.KRX_ZONE).toOffsetDateTime();
            OffsetDateTime dayEnd = date.plusDays(1).atStartOfDay(MarketCalendar.KRX_ZONE).toOffsetDateTime();
            try (PreparedStatement query = quarantineQuery(connection, QUARANTINED_PER_SYMBOL, interval, dayStart,
                    dayEnd); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    symbols.put(row.getString(1), new Quarantined(row.getLong(2), new TreeMap<>()));
                }
            }
            try (PreparedStatement query = quarantineQuery(connection, QUARANTINED_PER_RULE, interval, dayStart,
                    dayEnd); ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    symbols.get(row.getString(1)).byReason().put(row.getString(2), row.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the day's activity failed", e);
        }
        return symbols;
    }

    private static TreeSet<String> storedSymbols(Connection connection, LocalDate date, BarInterval interval)
            throws SQLException {
        MarketTable table = MarketTable.of(interval);
        String sql = table.isDaily()
                ? "SELECT DISTINCT symbol FROM market_data_daily WHERE \"date\" = ?"
                : "SELECT DISTINCT symbol FROM " + table.tableName() + " WHERE \"timestamp\" >= ? AND \"timestamp\" < ?";
        TreeSet<String> symbols = new TreeSet<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (table.isDaily()) {
                query.setObject(1, date);
            } else {
                query.setObject(1, date.atStartOfDay(MarketCalendar.KRX_ZONE).toOffsetDateTime());
                query.setObject(2, date.plusDays(1).atStartOfDay(MarketCalendar.KRX_ZONE).toOffsetDateTime());
            }
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    symbols.add(row.getString(1));
                }
            }
        }
        return symbols;
    }

    private static PreparedStatement quarantineQuery(Connection connection, String sql, BarInterval interval,
            OffsetDateTime dayStart, OffsetDateTime dayEnd) throws SQLException {
        PreparedStatement query = connection.prepareStatement(sql);
        query.setString(1, DataType.MARKET_DATA.code());
        query.setString(2, interval.code());
        query.setObject(3, dayStart);
        query.setObject(4, dayEnd);
        return query;
    }

    /** One symbol's quarantined records of the day. */
    public record Quarantined(long records, Map<String, Long> byReason) {
    }
}
