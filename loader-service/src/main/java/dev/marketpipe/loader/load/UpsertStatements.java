package dev.marketpipe.loader.load;

import dev.marketpipe.loader.bars.MarketTable;

/**
 * The statements that move a batch of bars into its {@link MarketTable} (an upsert: a duplicate key updates the stored
 * row): the session's staging table, the text {@code COPY}s, the probes and the one-statement upsert
 * ({@link BarUpserter}).
 */
final class UpsertStatements {

    private UpsertStatements() {
    }

    /** The per-session staging table a batch is copied into before one upsert moves it to {@code table}. */
    static String stagingTable(MarketTable table) {
        return "staging_" + table.tableName();
    }

    /**
     * Created once per database session ({@link StagingTables}) and reused by every batch of that session (cheaper
     * than one per transaction, see docs/BENCHMARKS.md); rows never outlive their transaction. The symbol is not
     * staged: a batch has one, bound in {@link #mergeSql(MarketTable, String)}.
     */
    static String stagingSql(MarketTable table) {
        return "CREATE TEMP TABLE IF NOT EXISTS " + stagingTable(table) + " (" + table.keyColumn()
                + (table.isDaily() ? " DATE" : " TIMESTAMPTZ")
                + " NOT NULL, open NUMERIC(15, 2) NOT NULL, high NUMERIC(15, 2) NOT NULL, low NUMERIC(15, 2) NOT NULL, "
                + "close NUMERIC(15, 2) NOT NULL, volume BIGINT NOT NULL, \"value\" NUMERIC(20, 2)"
                + (table.isDaily() ? ", adj_close NUMERIC(15, 2)" : "") + ") ON COMMIT DELETE ROWS";
    }

    /** Text {@code COPY} of the staging columns in the order {@link PostgresText} writes them. */
    static String copySql(MarketTable table) {
        return "COPY " + stagingTable(table) + " (" + table.keyColumn() + ", open, high, low, close, volume, \"value\""
                + (table.isDaily() ? ", adj_close" : "") + ") FROM STDIN";
    }

    /**
     * Text {@code COPY} of a batch straight into {@code relation} ({@code table} or one of its partitions), symbol
     * included, in the column order of {@link PostgresText#copyRowsWithSymbol}: the fast path for a batch none of whose keys is
     * stored yet ({@link #anyStoredSql(MarketTable, String)}). {@code id}, {@code created_at} and {@code updated_at} take their
     * column defaults, as an insert by the upsert does.
     */
    static String copyIntoSql(MarketTable table, String relation) {
        return "COPY " + relation + " (" + table.keyColumn() + ", symbol, open, high, low, close, volume, \"value\""
                + (table.isDaily() ? ", adj_close" : "") + ") FROM STDIN";
    }

    /**
     * Whether {@code relation} stores any row of the batch's symbol between its first and last key: one probe of the
     * unique {@code (symbol, key)} index, stopping at the first hit. Parameters: 1 the symbol, 2 and 3 the batch's
     * first and last key.
     */
    static String anyStoredSql(MarketTable table, String relation) {
        return "SELECT EXISTS (SELECT 1 FROM " + relation + " WHERE symbol = ? AND " + table.keyColumn()
                + " BETWEEN ? AND ?)";
    }

    /**
     * How many of the batch's rows {@code relation} stores already with the same values: the batch travels as one
     * array per column ({@code unnest}), compared row by row on the unique index. When that is every row, a
     * redelivered batch is done with this one read-only statement — no staging COPY, no upsert, and no write, so
     * no WAL to flush at commit for it. Numbers compare as numbers ({@code 10000 = 10000.00}). A bar built from ticks
     * is never "the same": the REST bar that arrives for it replaces or confirms it (migration V10). Parameters: 1 to 7
     * (8 for daily bars) the column arrays as text, in the order of {@link PostgresText}; then the symbol and the
     * batch's first and last key.
     */
    static String storedUnchangedSql(MarketTable table, String relation) {
        String key = table.keyColumn();
        String values = "open, high, low, close, volume, \"value\"" + (table.isDaily() ? ", adj_close" : "");
        return "SELECT count(*) FROM unnest(?::text[]::" + (table.isDaily() ? "date" : "timestamptz") + "[], "
                + "?::text[]::numeric[], ?::text[]::numeric[], ?::text[]::numeric[], ?::text[]::numeric[], "
                + "?::text[]::bigint[], ?::text[]::numeric[]" + (table.isDaily() ? ", ?::text[]::numeric[]" : "")
                + ") AS b(k, " + values + ") JOIN " + relation + " o ON o.symbol = ? AND o." + key + " BETWEEN ? AND ?"
                + " AND o." + key + " = b.k WHERE (" + prefixed("o.", values) + ") IS NOT DISTINCT FROM ("
                + prefixed("b.", values) + ") AND o.source = '" + MarketTable.REST + "'";
    }

    /**
     * A duplicate key updates the existing record (upsert): the staged batch moves into {@code relation} (the
     * table, or the one partition all of the batch falls into: no per-row routing, and less to plan) in ONE
     * statement, which also empties the staging table (so a second batch in the same transaction starts clean).
     * Rows stored already with the same values are skipped before the upsert ({@code NOT EXISTS}, a read-only
     * probe bounded by the batch's first and last key): a redelivered batch then writes nothing at all, where
     * {@code ON CONFLICT} alone would lock, and so write, every conflicting row. The {@code WHERE … IS DISTINCT
     * FROM} of the update stays for a row another transaction stores meanwhile. {@code updated_at} moves only when
     * a value really changed, and the row count is the number of rows inserted or changed. A row built from ticks
     * takes the REST bar and its source (the V10 trigger keeps any difference, or the tick-built values when they
     * are preferred). Parameters: 1 and 2 the batch's symbol, 3 and 4 its first and last key.
     */
    static String mergeSql(MarketTable table, String relation) {
        String key = table.keyColumn();
        String values = "open, high, low, close, volume, \"value\"" + (table.isDaily() ? ", adj_close" : "");
        return "WITH staged AS (DELETE FROM " + stagingTable(table) + " RETURNING *) "
                + "INSERT INTO " + relation + " AS t (" + key + ", symbol, " + values + ") "
                + "SELECT s." + key + ", ?, " + prefixed("s.", values)
                + " FROM staged s WHERE NOT EXISTS (SELECT 1 FROM "
                + relation + " o WHERE o.symbol = ? AND o." + key + " BETWEEN ? AND ? AND o." + key + " = s." + key
                + " AND (" + prefixed("o.", values) + ") IS NOT DISTINCT FROM (" + prefixed("s.", values) + ")"
                + " AND o.source = '" + MarketTable.REST + "') "
                + "ON CONFLICT (symbol, " + key + ") DO UPDATE SET " + assignments(values + ", source")
                + ", updated_at = now() WHERE (" + prefixed("t.", values + ", source") + ") IS DISTINCT FROM ("
                + prefixed("EXCLUDED.", values + ", source") + ")";
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }

    private static String assignments(String columns) {
        StringBuilder set = new StringBuilder();
        for (String column : columns.split(", ")) {
            set.append(set.isEmpty() ? "" : ", ").append(column).append(" = EXCLUDED.").append(column);
        }
        return set.toString();
    }

}
