package dev.marketpipe.loader.partition;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One KST trading date's partition of a table partitioned by its {@code trading_date} column, e.g.
 * {@code market_ticks_2025_03_05} (migration V9). Retention drops whole day partitions.
 */
public record DayPartition(String table, LocalDate day) implements TablePartition {

    public static final String TICKS = "market_ticks";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("uuuu_MM_dd");

    @Override
    public String name() {
        return table + "_" + day.format(SUFFIX);
    }

    @Override
    public String createSql() {
        return "CREATE TABLE IF NOT EXISTS " + name() + " PARTITION OF " + table + " FOR VALUES FROM ('" + day
                + "') TO ('" + day.plusDays(1) + "')";
    }

    /** The day of a partition named like {@link #name()} of {@code table}; null for any other name. */
    public static LocalDate dayOf(String table, String partitionName) {
        String prefix = table + "_";
        if (!partitionName.startsWith(prefix)) {
            return null;
        }
        try {
            return LocalDate.parse(partitionName.substring(prefix.length()), SUFFIX);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
