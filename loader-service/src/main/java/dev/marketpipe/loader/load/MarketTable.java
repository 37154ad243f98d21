package dev.marketpipe.loader.load;

import dev.marketpipe.wire.BarInterval;

/**
 * The spec §6 market table of each bar interval and its natural key: intraday bars are keyed by
 * {@code (symbol, timestamp)}, daily bars by {@code (symbol, date)} (the KRX trading date).
 */
public enum MarketTable {
    ONE_MINUTE("market_data_1min"),
    FIVE_MINUTES("market_data_5min"),
    DAILY("market_data_daily");

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

    /**
     * Spec §7.3 "Duplicate key: update existing record (upsert)". The {@code WHERE … IS DISTINCT FROM} makes an
     * unchanged row a no-op (update count 0), so {@code updated_at} moves only when a value really changed.
     */
    String upsertSql() {
        if (isDaily()) {
            return "INSERT INTO " + tableName + " AS t (\"date\", symbol, open, high, low, close, volume, \"value\", "
                    + "adj_close) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (symbol, \"date\") DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, "
                    + "low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume, "
                    + "\"value\" = EXCLUDED.\"value\", adj_close = EXCLUDED.adj_close, updated_at = now() "
                    + "WHERE (t.open, t.high, t.low, t.close, t.volume, t.\"value\", t.adj_close) IS DISTINCT FROM "
                    + "(EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume, "
                    + "EXCLUDED.\"value\", EXCLUDED.adj_close)";
        }
        return "INSERT INTO " + tableName + " AS t (\"timestamp\", symbol, open, high, low, close, volume, \"value\") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (symbol, \"timestamp\") DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, "
                + "low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume, "
                + "\"value\" = EXCLUDED.\"value\", updated_at = now() "
                + "WHERE (t.open, t.high, t.low, t.close, t.volume, t.\"value\") IS DISTINCT FROM "
                + "(EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume, EXCLUDED.\"value\")";
    }
}
