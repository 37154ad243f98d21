package dev.marketpipe.loader.load;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.loader.partition.MonthPartition;
import dev.marketpipe.loader.partition.TablePartitions;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.LoadReceipt;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two paths of the bulk load: a batch none of whose keys is stored is copied straight into
 * the table, any other batch goes through staging and the upsert, and a key stored by another transaction between
 * the probe and the COPY sends the batch to the upsert with nothing doubled.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BulkPathTest extends LoaderDatabaseTest {

    /** 2025-03-04 09:00 KST. */
    private static final Instant OPEN = Instant.parse("2025-03-04T00:00:00Z");

    @Inject
    BarUpserter upserter;

    @Inject
    TablePartitions partitions;

    @Inject
    MeterRegistry registry;

    @Test
    void aBatchOfNewKeysIsCopiedStraightIntoTheTable() {
        Map<String, Double> before = paths();

        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 390)));

        assertEquals(390, receipt.rowsChanged());
        assertEquals(0, receipt.rowsUnchanged());
        assertEquals(Map.of("copy", 1.0, "unchanged", 0.0, "upsert", 0.0, "copy_conflict", 0.0), delta(before, paths()));
        assertEquals(390, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        // the column defaults, as for a row the upsert inserts
        assertEquals(0, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ? AND (id IS NULL "
                + "OR created_at IS NULL OR updated_at IS DISTINCT FROM created_at)", symbol));
    }

    @Test
    void aPartlyStoredBatchTakesTheUpsertPathWithExactCounts() {
        List<Bar> day = TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 150);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, day.subList(0, 100)));
        List<Bar> again = new ArrayList<>(day);
        Bar old = again.get(40);
        again.set(40, new Bar(old.timestamp(), symbol, old.open(), old.high(), old.low(), old.close(),
                old.volume() + 1, old.value()));
        Map<String, Double> before = paths();

        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, again));

        assertEquals(51, receipt.rowsChanged()); // 50 new and one changed
        assertEquals(99, receipt.rowsUnchanged());
        assertEquals(Map.of("copy", 0.0, "unchanged", 0.0, "upsert", 1.0, "copy_conflict", 0.0),
                delta(before, paths()));
        assertEquals(150, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(old.volume() + 1, db.value("SELECT volume FROM market_data_1min WHERE symbol = ? AND "
                + "\"timestamp\" = ?", symbol, OffsetDateTime.ofInstant(old.timestamp(), ZoneOffset.UTC)));
    }

    @Test
    void aRedeliveredUnchangedBatchIsCheckedAndNothingIsWritten() {
        List<Bar> day = TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 390);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, day));
        String rowVersions = "SELECT string_agg(xmin::text || ':' || updated_at, ',' ORDER BY \"timestamp\") "
                + "FROM market_data_1min WHERE symbol = ?";
        Object stored = db.value(rowVersions, symbol);
        // the same values with another scale (10000 = 10000.00): a redelivery, not a change
        List<Bar> again = day.stream().map(b -> new Bar(b.timestamp(), symbol, b.open().setScale(2), b.high(),
                b.low(), b.close(), b.volume(), b.value())).toList();
        Map<String, Double> before = paths();

        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, again));

        assertEquals(0, receipt.rowsChanged());
        assertEquals(390, receipt.rowsUnchanged());
        assertEquals(Map.of("copy", 0.0, "unchanged", 1.0, "upsert", 0.0, "copy_conflict", 0.0),
                delta(before, paths()));
        assertEquals(stored, db.value(rowVersions, symbol), "no row was written");
    }

    @Test
    void oneChangedValueOrOneMissingRowSendsARedeliveryToTheUpsert() {
        List<Bar> day = TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 20);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, day.subList(0, 19)));
        Map<String, Double> before = paths();

        LoadReceipt oneMore = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, day));
        List<Bar> changed = new ArrayList<>(day);
        Bar last = changed.get(19);
        changed.set(19, new Bar(last.timestamp(), symbol, last.open(), last.high(), last.low(), last.close(),
                last.volume(), last.value() == null ? BigDecimal.ONE : last.value().add(BigDecimal.ONE)));
        LoadReceipt oneChanged = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, changed));

        assertEquals(List.of(1, 19), List.of(oneMore.rowsChanged(), oneMore.rowsUnchanged()));
        assertEquals(List.of(1, 19), List.of(oneChanged.rowsChanged(), oneChanged.rowsUnchanged()));
        assertEquals(Map.of("copy", 0.0, "unchanged", 0.0, "upsert", 2.0, "copy_conflict", 0.0),
                delta(before, paths()));
    }

    @Test
    void aRedeliveredDailyBatchIsRecognisedUnchangedByItsTradingDates() {
        List<Bar> days = TestBatches.bars(symbol, OPEN, BarInterval.ONE_DAY, 5);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, days));
        Map<String, Double> before = paths();

        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, days));

        assertEquals(List.of(0, 5), List.of(receipt.rowsChanged(), receipt.rowsUnchanged()));
        assertEquals(Map.of("copy", 0.0, "unchanged", 1.0, "upsert", 0.0, "copy_conflict", 0.0),
                delta(before, paths()));
    }

    /**
     * The race for real: another transaction holds an uncommitted row of one of the batch's keys, so the probe sees
     * nothing and the COPY waits on the unique index; that transaction commits, the COPY fails with a unique
     * violation, and the batch falls back to the upsert in the same transaction.
     */
    @Test
    void aKeyStoredConcurrentlyAfterTheProbeSendsTheBatchToTheUpsert() throws Exception {
        List<Bar> bars = TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 10);
        partitions.ensure(List.of(MonthPartition.of(MarketTable.ONE_MINUTE, OPEN)));
        Map<String, Double> before = paths();
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            insert(other, bars.get(3));

            Future<UpsertCounts> loading = loader.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return upserter.upsert(connection, MarketTable.ONE_MINUTE, symbol,
                            bars.stream().map(b -> new AcceptedBar(b, List.of())).toList());
                }
            }));
            await().atMost(Duration.ofSeconds(20)).until(() -> db.count("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE wait_event_type = 'Lock' AND query LIKE 'COPY market_data_1min%'") == 1);
            other.commit();

            assertEquals(new UpsertCounts(9, 1), loading.get(20, TimeUnit.SECONDS));
        } finally {
            loader.shutdownNow();
        }
        assertEquals(Map.of("copy", 0.0, "unchanged", 0.0, "upsert", 0.0, "copy_conflict", 1.0),
                delta(before, paths()));
        assertEquals(10, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(10, db.count("SELECT count(DISTINCT \"timestamp\") FROM market_data_1min WHERE symbol = ?",
                symbol));
    }

    /** The symbol is the one free-text column COPY carries: its special characters must arrive as sent. */
    @Test
    void aSymbolWithCopyControlCharactersArrivesAsSent() {
        String odd = "T\\N\t" + symbol.substring(1, 8);
        List<AcceptedBar> bars = TestBatches.bars(odd, OPEN, BarInterval.ONE_MINUTE, 3).stream()
                .map(b -> new AcceptedBar(b, List.of())).toList();

        UpsertCounts counts = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return upserter.upsert(connection, MarketTable.ONE_MINUTE, odd, bars);
            }
        });

        assertEquals(new UpsertCounts(3, 0), counts);
        assertEquals(3, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", odd));
    }

    private static void insert(Connection connection, Bar bar) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO market_data_1min (\"timestamp\", "
                + "symbol, open, high, low, close, volume, \"value\") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, OffsetDateTime.ofInstant(bar.timestamp(), ZoneOffset.UTC));
            insert.setString(2, bar.symbol());
            insert.setBigDecimal(3, bar.open());
            insert.setBigDecimal(4, bar.high());
            insert.setBigDecimal(5, bar.low());
            insert.setBigDecimal(6, bar.close());
            insert.setLong(7, bar.volume());
            insert.setBigDecimal(8, bar.value());
            insert.executeUpdate();
        }
    }

    private static final List<String> PATHS = List.of("copy", "unchanged", "upsert", "copy_conflict");

    private Map<String, Double> paths() {
        Map<String, Double> counts = new HashMap<>();
        PATHS.forEach(path -> counts.put(path, path(path)));
        return counts;
    }

    private double path(String path) {
        return registry.get("marketpipe.loader.bulk.path").tag("path", path).counter().count();
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new HashMap<>();
        PATHS.forEach(path -> delta.put(path, after.get(path) - before.get(path)));
        return delta;
    }
}
