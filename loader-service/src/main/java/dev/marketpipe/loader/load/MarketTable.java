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

    /** Intraday tables are partitioned by KST month (migration V7); the daily table is not. */
    public boolean isPartitioned() {
        return !isDaily();
    }

    /** The per-session staging table a batch is copied into before one upsert moves it to this table. */
    String stagingTable() {
        return "staging_" + tableName;
    }

    /**
     * Created once per database session and reused by every batch of that session (cheaper than creating one per
     * transaction, see docs/BENCHMARKS.md); the rows never outlive their transaction. The symbol is not staged:
     * a batch has one, bound in {@link #mergeSql()}.
     */
    String stagingSql() {
        return "CREATE TEMP TABLE IF NOT EXISTS " + stagingTable() + " (" + keyColumn() + (isDaily() ? " DATE" : " TIMESTAMPTZ")
                + " NOT NULL, open NUMERIC(15, 2) NOT NULL, high NUMERIC(15, 2) NOT NULL, low NUMERIC(15, 2) NOT NULL, "
                + "close NUMERIC(15, 2) NOT NULL, volume BIGINT NOT NULL, \"value\" NUMERIC(20, 2)"
                + (isDaily() ? ", adj_close NUMERIC(15, 2)" : "") + ") ON COMMIT DELETE ROWS";
    }

    /** {@code COPY} of the staging columns in the order {@link BarUpserter} writes them. */
    String copySql() {
        return "COPY " + stagingTable() + " (" + keyColumn() + ", open, high, low, close, volume, \"value\""
                + (isDaily() ? ", adj_close" : "") + ") FROM STDIN";
    }

    /**
     * Spec §7.3 "Duplicate key: update existing record (upsert)": the staged batch moves into the table in ONE
     * statement, which also empties the staging table (so a second batch in the same transaction starts clean).
     * The {@code WHERE … IS DISTINCT FROM} makes an unchanged row a no-op that writes nothing, so
     * {@code updated_at} moves only when a value really changed, and the statement's row count is the number of
     * rows inserted or changed. Parameter 1 is the batch's symbol.
     */
    String mergeSql() {
        String key = keyColumn();
        String values = "open, high, low, close, volume, \"value\"" + (isDaily() ? ", adj_close" : "");
        return "WITH staged AS (DELETE FROM " + stagingTable() + " RETURNING *) "
                + "INSERT INTO " + tableName + " AS t (" + key + ", symbol, " + values + ") "
                + "SELECT " + key + ", ?, " + values + " FROM staged "
                + "ON CONFLICT (symbol, " + key + ") DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, "
                + "low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume, "
                + "\"value\" = EXCLUDED.\"value\"" + (isDaily() ? ", adj_close = EXCLUDED.adj_close" : "")
                + ", updated_at = now() "
                + "WHERE (t.open, t.high, t.low, t.close, t.volume, t.\"value\"" + (isDaily() ? ", t.adj_close" : "")
                + ") IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume, "
                + "EXCLUDED.\"value\"" + (isDaily() ? ", EXCLUDED.adj_close" : "") + ")";
    }

    /** The natural key's time column: {@code "timestamp"} for intraday bars, {@code "date"} for daily ones. */
    String keyColumn() {
        return isDaily() ? "\"date\"" : "\"timestamp\"";
    }
}
