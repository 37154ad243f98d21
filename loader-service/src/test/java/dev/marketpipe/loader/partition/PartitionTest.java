package dev.marketpipe.loader.partition;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Database partitioning: monthly KST partitions, kept ahead, created on demand, pruned by queries. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class PartitionTest extends LoaderDatabaseTest {

    @Inject
    PartitionConfig config;

    @Inject
    PartitionMaintenance maintenance;

    private Set<String> partitionsOf(String table) {
        return Set.copyOf(db.rows("SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = ?::regclass", table).stream().map(r -> (String) r.get("name")).toList());
    }

    @Test
    void partitionsExistForThisMonthAndTheConfiguredMonthsAheadAfterStart() {
        YearMonth now = YearMonth.now(MarketCalendar.KRX_ZONE);
        assertEquals(3, config.monthsAhead());
        for (String table : List.of("market_data_1min", "market_data_5min")) {
            Set<String> partitions = partitionsOf(table);
            for (int ahead = 0; ahead <= config.monthsAhead(); ahead++) {
                YearMonth month = now.plusMonths(ahead);
                String name = "%s_%04d_%02d".formatted(table, month.getYear(), month.getMonthValue());
                assertTrue(partitions.contains(name), name + " missing from " + partitions);
            }
        }
    }

    @Test
    void theMaintenanceJobRecreatesADroppedPartitionAhead() {
        YearMonth last = YearMonth.now(MarketCalendar.KRX_ZONE).plusMonths(config.monthsAhead());
        String name = new MonthPartition(MarketTable.FIVE_MINUTES, last).name();
        db.execute("DROP TABLE " + name);
        assertFalse(partitionsOf("market_data_5min").contains(name));

        maintenance.createAhead();

        assertTrue(partitionsOf("market_data_5min").contains(name));
    }

    @Test
    void barsEitherSideOfAKstMonthBoundaryLandInTheirOwnMonthsPartition() {
        Instant lastOfJanuary = ZonedDateTime.parse("2025-01-31T23:59+09:00[Asia/Seoul]").toInstant();
        List<Bar> bars = TestBatches.bars(symbol, lastOfJanuary, BarInterval.ONE_MINUTE, 2);
        assertEquals(Instant.parse("2025-01-31T15:00:00Z"), bars.get(1).timestamp(), "2025-02-01T00:00 KST");

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        List<Map<String, Object>> rows = db.rows("SELECT tableoid::regclass::text AS part FROM market_data_1min "
                + "WHERE symbol = ? ORDER BY \"timestamp\"", symbol);
        assertEquals(List.of(Map.of("part", "market_data_1min_2025_01"), Map.of("part", "market_data_1min_2025_02")),
                rows);
    }

    @Test
    void aTimeRangeQueryScansOnlyTheMatchingPartitions() {
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, Instant.parse("2025-01-31T14:00:00Z"), BarInterval.ONE_MINUTE, 120)));
        assertTrue(partitionsOf("market_data_1min").containsAll(
                Set.of("market_data_1min_2025_01", "market_data_1min_2025_02")));

        String oneDay = db.plan("SELECT * FROM market_data_1min WHERE symbol = '" + symbol + "' AND \"timestamp\" >= "
                + "'2025-02-01 00:00+09' AND \"timestamp\" < '2025-02-02 00:00+09' ORDER BY \"timestamp\"");
        assertEquals(List.of("market_data_1min_2025_02"), partitionsIn(oneDay), oneDay);

        String acrossTheBoundary = db.plan("SELECT * FROM market_data_1min WHERE \"timestamp\" >= '2025-01-31 00:00+09' "
                + "AND \"timestamp\" < '2025-02-02 00:00+09'");
        assertEquals(List.of("market_data_1min_2025_01", "market_data_1min_2025_02"), partitionsIn(acrossTheBoundary),
                acrossTheBoundary);
    }

    @Test
    void aBarOfAMonthWithoutAPartitionCreatesItOnDemand() {
        assertFalse(partitionsOf("market_data_1min").contains("market_data_1min_2019_06"));
        Instant old = Instant.parse("2019-06-12T00:00:00Z");

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, old, BarInterval.ONE_MINUTE, 3)));

        assertEquals(List.of(Map.of("part", "market_data_1min_2019_06", "n", 3L)), db.rows("SELECT "
                + "tableoid::regclass::text AS part, count(*) AS n FROM market_data_1min WHERE symbol = ? GROUP BY 1",
                symbol));
    }

    /** Two loader replicas (separate caches) creating the same month at the same moment both succeed. */
    @Test
    void concurrentCreationOfOneMonthByTwoReplicasIsSafe() throws Exception {
        MonthPartition month = new MonthPartition(MarketTable.ONE_MINUTE, YearMonth.of(2018, 3));
        int replicas = 4;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                TablePartitions replica = new TablePartitions(dataSource, config);
                done.add(pool.submit(() -> {
                    go.await();
                    replica.ensure(List.of(month));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(partitionsOf("market_data_1min").contains("market_data_1min_2018_03"));
        db.execute("INSERT INTO market_data_1min (\"timestamp\", symbol, open, high, low, close, volume) VALUES "
                + "('2018-03-31 23:59+09', '" + symbol + "', 1, 1, 1, 1, 1)");
        assertEquals(OffsetDateTime.parse("2018-03-31T14:59Z"), db.value("SELECT \"timestamp\" FROM "
                + "market_data_1min_2018_03 WHERE symbol = ?", symbol));
    }

    /** The partitions a plan reads, in name order. */
    private static List<String> partitionsIn(String plan) {
        return java.util.regex.Pattern.compile("market_data_1min_\\d{4}_\\d{2}").matcher(plan).results()
                .map(java.util.regex.MatchResult::group).distinct().sorted().toList();
    }
}
