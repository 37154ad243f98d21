package dev.marketpipe.loader.bars;

import dev.marketpipe.loader.Db;
import dev.marketpipe.loader.partition.MonthPartition;
import dev.marketpipe.loader.partition.TablePartitions;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Migration V7 dropped V1's {@code idx_symbol_timestamp (symbol, timestamp DESC)} because the unique
 * {@code (symbol, timestamp)} index has the same columns. The queries it served — one symbol in a time range, oldest
 * or newest first (GET /v1/bars, /v1/coverage, the previous close) — must still be index scans on the unique index,
 * and all symbols in a time range (the daily report) an index scan on {@code idx_timestamp}; this proves it with
 * {@code EXPLAIN} over two days of 300 symbols × 390 bars, analysed (with a few dozen symbols the planner
 * rightly finds a symbol's newest bars faster by walking {@code idx_timestamp}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class IndexUseTest {

    private static final String DAY = "\"timestamp\" >= '2025-04-08 00:00+09' AND \"timestamp\" < '2025-04-09 00:00+09'";

    @Inject
    DataSource dataSource;

    @Inject
    TablePartitions partitions;

    private Db db;

    @BeforeEach
    void fillAprilOnce() {
        db = new Db(dataSource);
        if (db.count("SELECT count(*) FROM market_data_1min WHERE symbol = 'IDX000'") == 0) {
            partitions.ensure(List.of(new MonthPartition(MarketTable.ONE_MINUTE, YearMonth.of(2025, 4))));
            db.execute("INSERT INTO market_data_1min (\"timestamp\", symbol, open, high, low, close, volume) "
                    + "SELECT d + (m * INTERVAL '1 minute'), 'IDX' || lpad(s::text, 3, '0'), 100, 101, 99, 100, 10 "
                    + "FROM generate_series(0, 299) s, generate_series(0, 389) m, "
                    + "generate_series('2025-04-07 09:00+09'::timestamptz, '2025-04-08 09:00+09', INTERVAL '1 day') d");
            db.execute("ANALYZE market_data_1min");
        }
    }

    private static void assertIndexScanOn(String index, String plan) {
        assertTrue(plan.contains("Index Scan") || plan.contains("Index Only Scan"), plan);
        assertTrue(plan.contains(index), plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    @Test
    void oneSymbolInATimeRangeOldestFirstUsesTheUniqueIndex() {
        // BarReader.readIntraday
        assertIndexScanOn("market_data_1min_2025_04_symbol_timestamp_key", db.plan("SELECT \"timestamp\", symbol, open, "
                + "high, low, close, volume, \"value\" FROM market_data_1min WHERE symbol = 'IDX007' AND " + DAY
                + " ORDER BY \"timestamp\" LIMIT 200000"));
    }

    @Test
    void oneSymbolNewestFirstUsesTheUniqueIndexBackwards() {
        // what idx_symbol_timestamp (timestamp DESC) was for: the latest bars of a symbol in a range
        String plan = db.plan("SELECT * FROM market_data_1min WHERE symbol = 'IDX007' AND " + DAY
                + " ORDER BY \"timestamp\" DESC LIMIT 10");
        assertIndexScanOn("market_data_1min_2025_04_symbol_timestamp_key", plan);
        assertTrue(plan.contains("Index Scan Backward"), plan);
    }

    @Test
    void coverageOfOneSymbolReadsOnlyTheUniqueIndex() {
        // CoverageReader.INTRADAY_RUNS: timestamps only, so an index-only scan
        assertIndexScanOn("market_data_1min_2025_04_symbol_timestamp_key", db.plan("SELECT d, min(ts), max(ts), count(*) "
                + "FROM (SELECT \"timestamp\" AS ts, (\"timestamp\" AT TIME ZONE 'Asia/Seoul')::date AS d, "
                + "floor(extract(epoch FROM \"timestamp\") / 60)::bigint - row_number() OVER (ORDER BY \"timestamp\") "
                + "AS grp FROM market_data_1min WHERE symbol = 'IDX007' AND " + DAY + ") s GROUP BY d, grp ORDER BY 2"));
    }

    @Test
    void allSymbolsOfOneHourUseTheTimestampIndex() {
        // the daily report's "which symbols have bars" over a range narrower than the partition
        assertIndexScanOn("market_data_1min_2025_04_timestamp_idx", db.plan("SELECT DISTINCT symbol FROM "
                + "market_data_1min WHERE \"timestamp\" >= '2025-04-08 09:00+09' AND \"timestamp\" < '2025-04-08 09:10+09'"));
    }
}
