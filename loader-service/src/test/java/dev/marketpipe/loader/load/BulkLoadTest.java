package dev.marketpipe.loader.load;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.loader.bars.MarketTable;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.AcceptedBar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The COPY → staging → one upsert path: redelivered bars change no byte of the market tables,
 * a changed value moves exactly its row's {@code updated_at}, daily bars carry the adjusted close.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BulkLoadTest extends LoaderDatabaseTest {

    /** 2025-03-04 09:00 KST. */
    private static final Instant OPEN = Instant.parse("2025-03-04T00:00:00Z");

    @Inject
    BarUpserter upserter;

    private static String table(BarInterval interval) {
        return switch (interval) {
            case ONE_MINUTE -> "market_data_1min";
            case FIVE_MINUTES -> "market_data_5min";
            case ONE_DAY -> "market_data_daily";
        };
    }

    /** A full KRX day of bars (390 one-minute bars; for daily bars 390 consecutive days). */
    private List<Bar> day(BarInterval interval) {
        return TestBatches.bars(symbol, OPEN, interval, 390);
    }

    @ParameterizedTest
    @EnumSource(BarInterval.class)
    void theSameBarsRedeliveredThreeTimesLeaveTheTableByteForByteIdentical(BarInterval interval) {
        List<Bar> bars = day(interval);
        ValidatedBatch batch = TestBatches.accepted(symbol, interval, bars);
        LoadReceipt first = api.load(batch);
        assertEquals(390, first.rowsChanged());
        String checksum = db.checksum(table(interval), symbol); // every column, id and updated_at included
        Object updatedAt = db.value("SELECT max(updated_at) FROM " + table(interval) + " WHERE symbol = ?", symbol);

        for (int delivery = 0; delivery < 3; delivery++) {
            // the same batch id (the outbox retrying) and the same bars under a new id (a replay, a re-run backfill)
            assertTrue(api.load(batch).duplicate());
            LoadReceipt again = api.load(TestBatches.withId(batch, UUID.randomUUID()));
            assertEquals(0, again.rowsChanged());
            assertEquals(390, again.rowsUnchanged());
        }

        assertEquals(checksum, db.checksum(table(interval), symbol));
        assertEquals(updatedAt, db.value("SELECT max(updated_at) FROM " + table(interval) + " WHERE symbol = ?",
                symbol));
        assertEquals(390, db.count("SELECT count(*) FROM " + table(interval) + " WHERE symbol = ?", symbol));
    }

    @ParameterizedTest
    @EnumSource(BarInterval.class)
    void aChangedValueMovesOnlyThatRowsUpdatedAt(BarInterval interval) {
        List<Bar> bars = new ArrayList<>(day(interval));
        api.load(TestBatches.accepted(symbol, interval, bars));
        String key = interval == BarInterval.ONE_DAY ? "\"date\"" : "\"timestamp\"";
        List<Map<String, Object>> before = db.rows("SELECT * FROM " + table(interval) + " WHERE symbol = ? ORDER BY "
                + key, symbol);

        Bar old = bars.get(200);
        bars.set(200, new Bar(old.timestamp(), symbol, old.open(), old.high(), old.low(), old.close(),
                old.volume() + 1, old.value()));
        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, interval, bars));

        assertEquals(1, receipt.rowsChanged());
        assertEquals(389, receipt.rowsUnchanged());
        List<Map<String, Object>> after = db.rows("SELECT * FROM " + table(interval) + " WHERE symbol = ? ORDER BY "
                + key, symbol);
        for (int i = 0; i < bars.size(); i++) {
            if (i == 200) {
                assertEquals(old.volume() + 1, after.get(i).get("volume"));
                assertEquals(before.get(i).get("id"), after.get(i).get("id"));
                assertEquals(before.get(i).get("created_at"), after.get(i).get("created_at"));
                assertNotEquals(before.get(i).get("updated_at"), after.get(i).get("updated_at"));
            } else {
                assertEquals(before.get(i), after.get(i), "row " + i);
            }
        }
    }

    @Test
    void dailyBarsStoreTheirKstTradingDateAndTheAdjustedClose() {
        // 2025-03-04 23:30 UTC is 2025-03-05 08:30 KST: the KST date decides
        Bar bar = TestBatches.bars(symbol, Instant.parse("2025-03-04T23:30:00Z"), BarInterval.ONE_DAY, 1).get(0);

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(bar)));

        Map<String, Object> row = db.rows("SELECT \"date\"::text AS d, close, adj_close, \"value\" FROM "
                + "market_data_daily WHERE symbol = ?", symbol).get(0);
        assertEquals("2025-03-05", row.get("d"));
        assertEquals(0, bar.close().compareTo((BigDecimal) row.get("adj_close")));
        assertEquals(0, bar.value().compareTo((BigDecimal) row.get("value")));
    }

    @Test
    void aDailyBarWithTheProvidersAdjustedCloseStoresItAndARedeliveryChangesNothing() {
        Bar plain = TestBatches.bars(symbol, Instant.parse("2025-03-05T00:00:00Z"), BarInterval.ONE_DAY, 1).get(0);
        Bar adjusted = new Bar(plain.timestamp(), plain.symbol(), plain.open(), plain.high(), plain.low(),
                plain.close(), plain.volume(), plain.value(), plain.close().divide(BigDecimal.valueOf(2)));

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(adjusted)));
        LoadReceipt again = api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(adjusted)));

        assertEquals(0, adjusted.adjClose().compareTo((BigDecimal) db.value(
                "SELECT adj_close FROM market_data_daily WHERE symbol = ?", symbol)));
        assertEquals(1, again.rowsUnchanged(), "the unchanged check compares the adjusted close too");
        LoadReceipt without = api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(plain)));
        assertEquals(1, without.rowsChanged(), "a bar without an adjusted close stores its close there");
    }

    /** COPY carries the numbers as the loader writes them: every digit, scale and zero must arrive as sent. */
    @Test
    void numbersArriveExactlyThroughCopy() {
        List<String> prices = List.of("0.01", "0.05", "1.5", "7", "9999.99", "10000", "10000.01", "75400.25",
                "100000000", "12345678901.9", "9999999999999.99", "0", "0.00", "120000.10");
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            BigDecimal price = new BigDecimal(prices.get(i));
            bars.add(new Bar(OPEN.plusSeconds(60L * i), symbol, price, price, price, price, (long) i * 1_000_000_007L,
                    i % 2 == 0 ? null : new BigDecimal("999999999999999999.99").subtract(price)));
        }

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        List<Map<String, Object>> rows = db.rows("SELECT open, high, low, close, volume, \"value\" FROM "
                + "market_data_1min WHERE symbol = ? ORDER BY \"timestamp\"", symbol);
        assertEquals(bars.size(), rows.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            Map<String, Object> row = rows.get(i);
            for (String column : List.of("open", "high", "low", "close")) {
                assertEquals(0, bar.open().compareTo((BigDecimal) row.get(column)), column + " of " + prices.get(i));
            }
            assertEquals(bar.volume(), row.get("volume"));
            if (bar.value() == null) {
                assertEquals(null, row.get("value"));
            } else {
                assertEquals(0, bar.value().compareTo((BigDecimal) row.get("value")), "value of " + prices.get(i));
            }
        }
    }

    @Test
    void aTimeTwiceInOneBatchStoresItsLastBar() {
        List<Bar> bars = new ArrayList<>(TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, 3));
        Bar first = bars.get(0);
        bars.add(new Bar(first.timestamp(), symbol, first.open(), first.high(), first.low(),
                first.close().add(BigDecimal.ONE), first.volume(), first.value()));

        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        assertEquals(3, receipt.rowsChanged());
        assertEquals(1, receipt.rowsUnchanged());
        assertEquals(0, first.close().add(BigDecimal.ONE).compareTo((BigDecimal) db.value("SELECT close FROM "
                + "market_data_1min WHERE symbol = ? AND \"timestamp\" = ?", symbol,
                java.time.OffsetDateTime.ofInstant(first.timestamp(), java.time.ZoneOffset.UTC))));
    }

    @Test
    void twoUpsertsInOneTransactionDoNotSeeEachOthersStagedRows() {
        // the staging table lives as long as the session; each upsert leaves it empty for the next one
        String other = TestBatches.uniqueSymbol();
        List<UpsertCounts> counts = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return List.of(
                        upserter.upsert(connection, MarketTable.ONE_MINUTE, symbol, accepted(symbol, 5)),
                        upserter.upsert(connection, MarketTable.ONE_MINUTE, other, accepted(other, 2)));
            }
        });
        assertEquals(List.of(new UpsertCounts(5, 0), new UpsertCounts(2, 0)), counts);
        assertEquals(5, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(2, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", other));
    }

    private static List<AcceptedBar> accepted(String symbol, int n) {
        return TestBatches.bars(symbol, OPEN, BarInterval.ONE_MINUTE, n).stream()
                .map(b -> new AcceptedBar(b, List.of())).toList();
    }
}
