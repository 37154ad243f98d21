package dev.marketpipe.loader.load;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.testsupport.PostgresTestResource;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.LoadReceipt;
import dev.marketpipe.wire.QualityIssue;
import dev.marketpipe.wire.QuarantineStatus;
import dev.marketpipe.wire.QuarantinedBar;
import dev.marketpipe.wire.Severity;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BatchLoadTest extends LoaderDatabaseTest {

    private static final Instant OPEN_2025_03_04 = Instant.parse("2025-03-04T00:00:00Z"); // 09:00 KST

    private List<Map<String, Object>> minuteRows() {
        return db.rows("SELECT * FROM market_data_1min WHERE symbol = ? ORDER BY \"timestamp\"", symbol);
    }

    private static void assertSameNumber(BigDecimal expected, Object actual) {
        if (expected == null) {
            assertNull(actual);
            return;
        }
        assertEquals(0, expected.compareTo((BigDecimal) actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void loadedBarsEqualTheInputExactly() {
        List<Bar> bars = new ArrayList<>(TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 5));
        Bar last = bars.get(4);
        // value is an optional column: a bar without it is stored with NULL; cents survive NUMERIC(15, 2)
        bars.set(4, new Bar(last.timestamp(), symbol, new BigDecimal("75400.25"), last.high(), last.low(),
                last.close(), last.volume(), null));

        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        assertEquals(5, receipt.rowsChanged());
        assertEquals(0, receipt.rowsUnchanged());
        assertEquals(0, receipt.quarantined());
        assertFalse(receipt.duplicate());
        List<Map<String, Object>> rows = minuteRows();
        assertEquals(5, rows.size());
        for (int i = 0; i < 5; i++) {
            Bar bar = bars.get(i);
            Map<String, Object> row = rows.get(i);
            assertEquals(bar.timestamp(), ((OffsetDateTime) row.get("timestamp")).toInstant());
            assertEquals(symbol, row.get("symbol"));
            assertSameNumber(bar.open(), row.get("open"));
            assertSameNumber(bar.high(), row.get("high"));
            assertSameNumber(bar.low(), row.get("low"));
            assertSameNumber(bar.close(), row.get("close"));
            assertEquals(bar.volume(), row.get("volume"));
            assertSameNumber(bar.value(), row.get("value"));
        }
    }

    @Test
    void redeliveredBatchChangesNothing() {
        ValidatedBatch batch = TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 4),
                List.of(quarantined(OPEN_2025_03_04.plusSeconds(600), QuarantineStatus.QUARANTINED)), List.of());
        LoadReceipt first = api.load(batch);
        String checksum = db.checksum("market_data_1min", symbol);
        long quarantineRows = db.count("SELECT count(*) FROM quarantine WHERE symbol = ?", symbol);

        for (int delivery = 0; delivery < 3; delivery++) {
            LoadReceipt again = api.load(batch);
            assertTrue(again.duplicate());
            assertEquals(first.rowsChanged(), again.rowsChanged());
            assertEquals(first.rowsUnchanged(), again.rowsUnchanged());
            assertEquals(first.quarantined(), again.quarantined());
        }

        assertEquals(checksum, db.checksum("market_data_1min", symbol));
        assertEquals(quarantineRows, db.count("SELECT count(*) FROM quarantine WHERE symbol = ?", symbol));
        assertEquals(1, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ?", symbol));
        assertEquals(1, db.count("SELECT count(*) FROM loaded_batch WHERE symbol = ?", symbol));
    }

    @Test
    void theSameBadRecordFetchedAgainIsQuarantinedOnce() {
        List<QuarantinedBar> bad = List.of(quarantined(OPEN_2025_03_04.plusSeconds(600), QuarantineStatus.QUARANTINED));
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, List.of(), bad, List.of()));
        api.load(TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, List.of(), bad, List.of()));
        assertEquals(1, db.count("SELECT count(*) FROM quarantine WHERE symbol = ?", symbol));
        assertEquals(2, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ?", symbol));
    }

    @Test
    void sameBarsUnderANewBatchIdAreCountedUnchangedAndKeepUpdatedAt() {
        List<Bar> bars = TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 6);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));
        String checksum = db.checksum("market_data_1min", symbol);

        LoadReceipt second = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        assertFalse(second.duplicate());
        assertEquals(0, second.rowsChanged());
        assertEquals(6, second.rowsUnchanged());
        assertEquals(checksum, db.checksum("market_data_1min", symbol), "rows or updated_at changed");
        assertEquals(2, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ?", symbol));
    }

    @Test
    void changedBarMovesUpdatedAtOfThatRowOnly() {
        List<Bar> bars = new ArrayList<>(TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 3));
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));
        List<Map<String, Object>> before = minuteRows();

        Bar middle = bars.get(1);
        bars.set(1, new Bar(middle.timestamp(), symbol, middle.open(), middle.high(), middle.low(),
                middle.close().add(BigDecimal.TEN), middle.volume(), middle.value()));
        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));

        assertEquals(1, receipt.rowsChanged());
        assertEquals(2, receipt.rowsUnchanged());
        List<Map<String, Object>> after = minuteRows();
        assertEquals(before.get(0), after.get(0));
        assertEquals(before.get(2), after.get(2));
        assertSameNumber(middle.close().add(BigDecimal.TEN), after.get(1).get("close"));
        assertEquals(before.get(1).get("id"), after.get(1).get("id"));
        assertEquals(before.get(1).get("created_at"), after.get(1).get("created_at"));
        assertTrue(((OffsetDateTime) after.get(1).get("updated_at"))
                .isAfter((OffsetDateTime) before.get(1).get("updated_at")));
    }

    @Test
    void quarantinedBarsLandInQuarantineWithReasonsAndNotInTheMarketTable() {
        Instant missingOpenAt = OPEN_2025_03_04.plusSeconds(120);
        Instant outOfRangeAt = OPEN_2025_03_04.plusSeconds(180);
        ValidatedBatch batch = TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 2),
                List.of(quarantined(missingOpenAt, QuarantineStatus.QUARANTINED),
                        outOfRange(outOfRangeAt)),
                List.of());

        LoadReceipt receipt = api.load(batch);

        assertEquals(2, receipt.rowsChanged());
        assertEquals(2, receipt.quarantined());
        assertEquals(2, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(0, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ? AND \"timestamp\" >= ?",
                symbol, OffsetDateTime.parse("2025-03-04T00:02:00Z")));
        List<Map<String, Object>> rows = db.rows("SELECT batch_id, status, record_timestamp, archive_ref, "
                + "reasons->0->>'rule' AS rule, reasons->0->>'severity' AS severity, jsonb_exists(record, 'open') AS has_open, "
                + "record->>'open' AS open, record->>'close' AS close FROM quarantine WHERE symbol = ? "
                + "ORDER BY record_timestamp", symbol);
        assertEquals(2, rows.size());
        Map<String, Object> missing = rows.get(0);
        assertEquals(batch.batchId(), missing.get("batch_id"));
        assertEquals("quarantined", missing.get("status"));
        assertEquals(missingOpenAt, ((OffsetDateTime) missing.get("record_timestamp")).toInstant());
        assertEquals(batch.archiveRef(), missing.get("archive_ref"));
        assertEquals("missing_field", missing.get("rule"));
        assertEquals("critical", missing.get("severity"));
        assertEquals(Boolean.TRUE, missing.get("has_open"), "the null field is kept in the stored record");
        assertNull(missing.get("open"));
        assertEquals("75000", missing.get("close"));
        assertEquals("review", rows.get(1).get("status"));
        assertEquals("price_out_of_range", rows.get(1).get("rule"));

        JsonPath listed = given().queryParam("symbol", symbol).when().get("/v1/quarantine")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, listed.getList("$").size());
        JsonPath review = given().queryParam("symbol", symbol).queryParam("status", "review")
                .when().get("/v1/quarantine").then().statusCode(200).extract().jsonPath();
        assertEquals(1, review.getList("$").size());
        assertEquals(outOfRangeAt.toString(), review.getString("[0].recordTimestamp"));
        assertEquals("price_out_of_range", review.getString("[0].reasons[0].rule"));
        assertEquals(batch.batchId().toString(), review.getString("[0].batchId"));
        assertEquals(batch.archiveRef(), review.getString("[0].archiveRef"));

        Map<String, Object> log = db.rows("SELECT * FROM data_collection_log WHERE batch_id = ?", batch.batchId())
                .get(0);
        assertEquals("warning", log.get("status"));
        assertEquals("quarantined 2 (missing_field 1, price_out_of_range 1)", log.get("error_message"));
        assertEquals(2, log.get("records_quarantined"));
        assertEquals(4, log.get("records_collected"));
    }

    @Test
    void cleanBatchWritesExactlyOneSuccessLogRow() {
        ValidatedBatch batch = TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 3));
        api.load(batch);
        api.load(batch);

        List<Map<String, Object>> logs = db.rows("SELECT * FROM data_collection_log WHERE symbol = ?", symbol);
        assertEquals(1, logs.size());
        Map<String, Object> log = logs.get(0);
        assertEquals("success", log.get("status"));
        assertEquals("1m", log.get("interval"));
        assertEquals(3, log.get("records_collected"));
        assertEquals(42, log.get("execution_time_ms"));
        assertEquals(batch.batchId(), log.get("batch_id"));
        assertEquals("market_data", log.get("data_type"));
        assertNull(log.get("error_message"));

        JsonPath listed = given().queryParam("symbol", symbol).when().get("/v1/collection-log")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, listed.getList("$").size());
        assertEquals(batch.batchId().toString(), listed.getString("[0].batchId"));
        assertEquals("success", listed.getString("[0].status"));
    }

    @Test
    void flagsAndBatchIssuesMakeTheLogRowAWarning() {
        List<Bar> bars = TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 2);
        ValidatedBatch plain = TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE, bars, List.of(),
                List.of(new QualityIssue("gap", Severity.MEDIUM, OPEN_2025_03_04.plusSeconds(120), "1 bar missing")));
        ValidatedBatch batch = new ValidatedBatch(plain.batchId(), plain.dataType(), symbol, plain.interval(),
                plain.source(), plain.archiveRef(), plain.fetchedAt(), plain.apiLatencyMs(), 2,
                List.of(plain.accepted().get(0), new dev.marketpipe.wire.AcceptedBar(bars.get(1),
                        List.of(new QualityIssue("volume_zero", Severity.LOW, bars.get(1).timestamp(), "flag")))),
                List.of(), plain.batchIssues(), 0.5);

        api.load(batch);

        Map<String, Object> log = db.rows("SELECT * FROM data_collection_log WHERE batch_id = ?", batch.batchId())
                .get(0);
        assertEquals("warning", log.get("status"));
        assertEquals("flagged 1 (volume_zero 1); batch issues 1 (gap 1)", log.get("error_message"));
    }

    @Test
    void concurrentDeliveriesOfOneBatchWriteOnce() throws Exception {
        ValidatedBatch batch = TestBatches.accepted(symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 200));
        int deliveries = 4;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<LoadReceipt>> answers = new ArrayList<>();
            for (int i = 0; i < deliveries; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return api.load(batch);
                }));
            }
            go.countDown();
            int fresh = 0;
            for (Future<LoadReceipt> answer : answers) {
                LoadReceipt receipt = answer.get();
                assertEquals(200, receipt.rowsChanged(), "every answer reports the one load's counts");
                fresh += receipt.duplicate() ? 0 : 1;
            }
            assertEquals(1, fresh);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        assertEquals(1, db.count("SELECT count(*) FROM data_collection_log WHERE symbol = ?", symbol));
    }

    @Test
    void fiveMinuteBarsGoToTheirOwnTable() {
        api.load(TestBatches.accepted(symbol, BarInterval.FIVE_MINUTES,
                TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.FIVE_MINUTES, 4)));

        assertEquals(4, db.count("SELECT count(*) FROM market_data_5min WHERE symbol = ?", symbol));
        assertEquals(0, db.count("SELECT count(*) FROM market_data_1min WHERE symbol = ?", symbol));
        given().queryParam("symbol", symbol).queryParam("interval", "5m")
                .queryParam("from", "2025-03-04").queryParam("to", "2025-03-05")
                .when().get("/v1/bars").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(4))
                .body("[1].timestamp", org.hamcrest.Matchers.is("2025-03-04T00:05:00Z"));
    }

    @Test
    void metricsCountLoadedAndDuplicateBatches() {
        double loadedBefore = metric("marketpipe_loader_batches_loaded_total", "outcome=\"loaded\"");
        double duplicateBefore = metric("marketpipe_loader_batches_loaded_total", "outcome=\"duplicate\"");
        double changedBefore = metric("marketpipe_loader_rows_changed_total", null);
        double quarantinedBefore = metric("marketpipe_loader_records_quarantined_total", null);
        ValidatedBatch batch = TestBatches.batch(UUID.randomUUID(), symbol, BarInterval.ONE_MINUTE,
                TestBatches.bars(symbol, OPEN_2025_03_04, BarInterval.ONE_MINUTE, 3),
                List.of(quarantined(OPEN_2025_03_04.plusSeconds(300), QuarantineStatus.QUARANTINED)), List.of());

        api.load(batch);
        api.load(batch);

        assertEquals(loadedBefore + 1, metric("marketpipe_loader_batches_loaded_total", "outcome=\"loaded\""));
        assertEquals(duplicateBefore + 1, metric("marketpipe_loader_batches_loaded_total", "outcome=\"duplicate\""));
        assertEquals(changedBefore + 3, metric("marketpipe_loader_rows_changed_total", null));
        assertEquals(quarantinedBefore + 1, metric("marketpipe_loader_records_quarantined_total", null));
        assertTrue(metric("marketpipe_loader_load_duration_seconds_count", null) >= 2);
    }

    /** Reads one sample from /q/metrics; 0 when the series does not exist yet. */
    private static double metric(String name, String label) {
        String text = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            if (label == null || (m.group(1) != null && m.group(1).contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private QuarantinedBar quarantined(Instant at, QuarantineStatus status) {
        Bar bar = new Bar(at, symbol, null, new BigDecimal("75500"), new BigDecimal("74800"),
                new BigDecimal("75000"), 10L, null);
        return new QuarantinedBar(bar, status,
                List.of(new QualityIssue("missing_field", Severity.CRITICAL, at, "missing required field: open")));
    }

    private QuarantinedBar outOfRange(Instant at) {
        Bar bar = new Bar(at, symbol, new BigDecimal("150000"), new BigDecimal("150000"), new BigDecimal("150000"),
                new BigDecimal("150000"), 10L, new BigDecimal("1500000"));
        return new QuarantinedBar(bar, QuarantineStatus.REVIEW,
                List.of(new QualityIssue("price_out_of_range", Severity.HIGH, at, "close beyond the +-30% limit")));
    }
}
