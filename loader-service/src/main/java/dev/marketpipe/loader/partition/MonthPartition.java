package dev.marketpipe.loader.partition;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.bars.MarketTable;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/**
 * One month's partition of an intraday market table, e.g. {@code market_data_1min_2025_02}: the bars from
 * 2025-02-01 00:00 KST up to 2025-03-01 00:00 KST. Months are KRX (Asia/Seoul) calendar months, as migration V7
 * explains.
 */
public record MonthPartition(MarketTable table, YearMonth month) implements TablePartition {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("uuuu_MM");
    /** KST has no daylight saving: every month starts at +09:00. */
    private static final String KST_OFFSET = "+09";

    public MonthPartition {
        if (!table.isPartitioned()) {
            throw new IllegalArgumentException(table.tableName() + " is not partitioned");
        }
    }

    /** The partition the bar starting at {@code timestamp} belongs to. */
    public static MonthPartition of(MarketTable table, Instant timestamp) {
        return new MonthPartition(table, YearMonth.from(timestamp.atZone(MarketCalendar.KRX_ZONE)));
    }

    @Override
    public String name() {
        return table.tableName() + "_" + month.format(SUFFIX);
    }

    @Override
    public String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + name() + " PARTITION OF " + table.tableName()
                + " FOR VALUES FROM ('" + month.atDay(1) + " 00:00:00" + KST_OFFSET + "') TO ('"
                + month.plusMonths(1).atDay(1) + " 00:00:00" + KST_OFFSET + "')";
    }
}
