package dev.marketpipe.loader.load;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.AccountSnapshot;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.OrderRecord;
import dev.marketpipe.wire.Position;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedRecord;
import dev.marketpipe.wire.Severity;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Order books and account data (migration V3): each lands in its own table, idempotently. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class RecordLoadTest extends LoaderDatabaseTest {

    private Instant at;

    @BeforeEach
    void setUp() {
        // a unique second per test: account snapshots are keyed by their instant alone
        at = Instant.parse("2025-03-04T01:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static ValidatedBatch batch(DataType type, String symbol, BatchRecords accepted,
            List<QuarantinedRecord> quarantined) {
        return new ValidatedBatch(UUID.randomUUID(), type, symbol, null, SourceRole.PRIMARY, "raw/x.json",
                Instant.parse("2025-03-04T01:00:01Z"), 12, accepted.size() + quarantined.size(), List.of(), List.of(),
                List.of(), 1.0, accepted, quarantined);
    }

    private static BigDecimal krw(long value) {
        return BigDecimal.valueOf(value);
    }

    private OrderBookSnapshot book(long bestBid) {
        return new OrderBookSnapshot(symbol, at,
                List.of(new BookLevel(krw(bestBid), 100L), new BookLevel(krw(bestBid - 100), 250L)),
                List.of(new BookLevel(krw(bestBid + 100), 80L), new BookLevel(krw(bestBid + 200), 120L)));
    }

    @Test
    void orderBookIsStoredWithItsLevelsAndRedeliveryChangesNothing() {
        ValidatedBatch batch = batch(DataType.ORDERBOOK, symbol, BatchRecords.ofOrderBooks(List.of(book(75_000))),
                List.of());
        LoadReceipt first = api.load(batch);
        assertEquals(1, first.rowsChanged());
        String before = db.rows("SELECT best_bid, best_ask, bids::text, asks::text, updated_at FROM orderbook_snapshot "
                + "WHERE symbol = ?", symbol).toString();
        assertTrue(before.contains("\"price\": 75000"), before);

        LoadReceipt again = api.load(batch);
        assertTrue(again.duplicate());
        assertEquals(before, db.rows("SELECT best_bid, best_ask, bids::text, asks::text, updated_at FROM "
                + "orderbook_snapshot WHERE symbol = ?", symbol).toString());
        assertEquals(1L, db.count("SELECT count(*) FROM data_collection_log WHERE batch_id = ?", batch.batchId()));
    }

    @Test
    void theSameSnapshotInANewBatchUpsertsOnSymbolAndTimestamp() {
        api.load(batch(DataType.ORDERBOOK, symbol, BatchRecords.ofOrderBooks(List.of(book(75_000))), List.of()));
        LoadReceipt same = api.load(batch(DataType.ORDERBOOK, symbol,
                BatchRecords.ofOrderBooks(List.of(book(75_000))), List.of()));
        assertEquals(0, same.rowsChanged());
        assertEquals(1, same.rowsUnchanged());
        LoadReceipt changed = api.load(batch(DataType.ORDERBOOK, symbol,
                BatchRecords.ofOrderBooks(List.of(book(75_100))), List.of()));
        assertEquals(1, changed.rowsChanged());
        assertEquals(1L, db.count("SELECT count(*) FROM orderbook_snapshot WHERE symbol = ?", symbol));
        assertEquals(0, new BigDecimal("75100").compareTo((BigDecimal) db.value(
                "SELECT best_bid FROM orderbook_snapshot WHERE symbol = ?", symbol)));
    }

    @Test
    void accountSnapshotIsStoredMaskedAndRedeliveryChangesNothing() {
        AccountSnapshot account = new AccountSnapshot("1234****-01", at, "KRW", krw(50_000_000), krw(7_500_000),
                krw(57_500_000), 3);
        ValidatedBatch batch = batch(DataType.ACCOUNT_INFO, null, BatchRecords.ofAccounts(List.of(account)),
                List.of());
        assertEquals(1, api.load(batch).rowsChanged());
        assertTrue(api.load(batch).duplicate());
        List<Map<String, Object>> rows = db.rows("SELECT account_masked, cash, total_value, position_count "
                + "FROM account_snapshot WHERE \"timestamp\" = ?", java.time.OffsetDateTime.ofInstant(at,
                java.time.ZoneOffset.UTC));
        assertEquals(1, rows.size());
        assertEquals("1234****-01", rows.get(0).get("account_masked"));
        assertEquals(0, krw(57_500_000).compareTo((BigDecimal) rows.get(0).get("total_value")));
        assertEquals(1L, db.count("SELECT count(*) FROM loaded_batch WHERE batch_id = ? AND symbol IS NULL",
                batch.batchId()));
    }

    @Test
    void anAccountNumberInClearIsRefused() {
        AccountSnapshot clear = new AccountSnapshot("12345678-01", at, "KRW", krw(1), krw(0), krw(1), 0);
        String body = api.post(batch(DataType.ACCOUNT_INFO, null, BatchRecords.ofAccounts(List.of(clear)), List.of()))
                .statusCode(422).extract().asString();
        assertTrue(!body.contains("12345678"), "the problem detail must not echo the number: " + body);
        assertEquals(0L, db.count("SELECT count(*) FROM account_snapshot WHERE \"timestamp\" = ?",
                java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)));
    }

    @Test
    void positionsAreUpsertedOnTimestampAndSymbol() {
        Position position = new Position(at, symbol, 120L, krw(70_000), krw(75_000), krw(9_000_000), krw(600_000));
        ValidatedBatch batch = batch(DataType.POSITIONS, null, BatchRecords.ofPositions(List.of(position)), List.of());
        assertEquals(1, api.load(batch).rowsChanged());
        assertTrue(api.load(batch).duplicate());
        LoadReceipt resent = api.load(batch(DataType.POSITIONS, null, BatchRecords.ofPositions(List.of(position)),
                List.of()));
        assertEquals(1, resent.rowsUnchanged());
        assertEquals(120L, db.value("SELECT quantity FROM position_snapshot WHERE symbol = ?", symbol));
        assertEquals(1L, db.count("SELECT count(*) FROM position_snapshot WHERE symbol = ?", symbol));
    }

    @Test
    void anOrderSeenAgainUpdatesItsRowByOrderId() {
        String orderId = "20250304-" + symbol + "-1";
        OrderRecord partial = new OrderRecord(orderId, at, symbol, "buy", 10L, krw(75_000), 5L, krw(75_000),
                "partially_filled");
        OrderRecord filled = new OrderRecord(orderId, at, symbol, "buy", 10L, krw(75_000), 10L, krw(75_000),
                "filled");
        ValidatedBatch first = batch(DataType.ORDERS, null, BatchRecords.ofOrders(List.of(partial)), List.of());
        assertEquals(1, api.load(first).rowsChanged());
        assertTrue(api.load(first).duplicate());
        assertEquals(1, api.load(batch(DataType.ORDERS, null, BatchRecords.ofOrders(List.of(filled)), List.of()))
                .rowsChanged());
        List<Map<String, Object>> rows = db.rows("SELECT filled_quantity, status FROM order_history WHERE order_id = ?",
                orderId);
        assertEquals(List.of(Map.of("filled_quantity", 10L, "status", "filled")), rows);
    }

    @Test
    void aQuarantinedRecordGoesToQuarantineOnceWithItsReasons() {
        OrderRecord bad = new OrderRecord("bad-" + symbol, at, symbol, "buy", 10L, krw(75_000), 12L, krw(75_000),
                "filled");
        QuarantinedRecord held = new QuarantinedRecord(objectMapper.valueToTree(bad), at, QuarantineStatus.QUARANTINED,
                List.of(new QualityIssue("totals_mismatch", Severity.CRITICAL, at, "filledQuantity exceeds quantity")));
        ValidatedBatch batch = batch(DataType.ORDERS, null, BatchRecords.ofOrders(List.of()), List.of(held));
        assertEquals(1, api.load(batch).quarantined());
        api.load(batch(DataType.ORDERS, null, BatchRecords.ofOrders(List.of()), List.of(held)));
        assertEquals(1L, db.count("SELECT count(*) FROM quarantine WHERE data_type = 'orders' "
                + "AND record->>'orderId' = ?", "bad-" + symbol));
        assertEquals(0L, db.count("SELECT count(*) FROM order_history WHERE order_id = ?", "bad-" + symbol));
        assertEquals("warning", db.value("SELECT status FROM data_collection_log WHERE batch_id = ?",
                batch.batchId()));
    }
}
