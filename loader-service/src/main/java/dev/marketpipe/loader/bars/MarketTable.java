package dev.marketpipe.loader.bars;

import dev.marketpipe.wire.BarInterval;

/**
 * The market table of each bar interval and its natural key: intraday bars are keyed by
 * {@code (symbol, timestamp)}, daily bars by {@code (symbol, date)} (the KRX trading date).
 */
public enum MarketTable {
    ONE_MINUTE("market_data_1min"),
    FIVE_MINUTES("market_data_5min"),
    DAILY("market_data_daily");

    /** The {@code source} of a bar collected from a REST API (migration V10); the column's default. */
    public static final String REST = "rest";
    /** The {@code source} of a 1-minute bar built from the real-time ticks. */
    public static final String TICKS = "ticks";

    private final String tableName;

    MarketTable(String tableName) {
        this.tableName = tableName;
    }

    public static MarketTable of(BarInterval interval) {
        return switch (interval) {
            case ONE_MINUTE -> ONE_MINUTE;
            case FIVE_MINUTES -> FIVE_MINUTES;
            case ONE_DAY -> DAILY;
        };
    }

    public String tableName() {
        return tableName;
    }

    public boolean isDaily() {
        return this == DAILY;
    }

    /** Intraday tables are partitioned by KST month (migration V7); the daily table is not. */
    public boolean isPartitioned() {
        return !isDaily();
    }

    /** The natural key's time column: {@code "timestamp"} for intraday bars, {@code "date"} for daily ones. */
    public String keyColumn() {
        return isDaily() ? "\"date\"" : "\"timestamp\"";
    }
}
