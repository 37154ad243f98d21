package dev.marketpipe.loader.tickbars;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.Tick;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 1-minute bars from ticks (migration V10): built once the minute has ended, marked {@code ticks}, replaced by the
 * REST bar collected later, and a difference between the two kept.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class TickBarTest extends LoaderDatabaseTest {

    /** 2025-03-05 09:00 KST. */
    private static final Instant MINUTE = Instant.parse("2025-03-05T00:00:00Z");

    private Tick tick(int second, long price, long quantity, long cumulativeVolume, long cumulativeValue) {
        return new Tick(symbol, MINUTE.plusSeconds(second), BigDecimal.valueOf(price), quantity, cumulativeVolume,
                BigDecimal.valueOf(cumulativeValue), BigDecimal.valueOf(72_000));
    }

    private ValidatedBatch ticks(List<Tick> ticks) {
        return new ValidatedBatch(UUID.randomUUID(), DataType.TICKS, symbol, null, SourceRole.PRIMARY, "raw/x.json",
                ticks.get(0).timestamp(), 0, ticks.size(), List.of(), List.of(), List.of(), 1.0,
                BatchRecords.ofTicks(ticks), List.of());
    }

    private Map<String, Object> storedBar(Instant at) {
        List<Map<String, Object>> rows = db.rows("SELECT open, high, low, close, volume, \"value\", source "
                + "FROM market_data_1min WHERE symbol = ? AND \"timestamp\" = ?", symbol,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private Bar rest(long open, long high, long low, long close, long volume) {
        return new Bar(MINUTE, symbol, BigDecimal.valueOf(open), BigDecimal.valueOf(high), BigDecimal.valueOf(low),
                BigDecimal.valueOf(close), volume, BigDecimal.valueOf(close * volume));
    }

    private void loadTickBar() {
        // the day's first trades: before them the day's cumulative value is 1,000,000 (a trade at 08:59:59)
        api.load(ticks(List.of(tick(-1, 50_000, 20, 20, 1_000_000))));
        api.load(ticks(List.of(tick(0, 71_900, 10, 30, 1_719_000), tick(12, 72_100, 5, 35, 2_079_500),
                tick(30, 71_800, 1, 36, 2_151_300), tick(59, 72_000, 4, 40, 2_439_300))));
        await().atMost(Duration.ofSeconds(10)).until(() -> storedBar(MINUTE) != null);
    }

    @Test
    void aMinutesTicksBecomeItsBarMarkedAsBuiltFromTicks() {
        loadTickBar();

        Map<String, Object> bar = storedBar(MINUTE);
        assertEquals("ticks", bar.get("source"));
        assertEquals(new BigDecimal("71900.00"), bar.get("open"));
        assertEquals(new BigDecimal("72100.00"), bar.get("high"));
        assertEquals(new BigDecimal("71800.00"), bar.get("low"));
        assertEquals(new BigDecimal("72000.00"), bar.get("close"));
        assertEquals(20L, bar.get("volume"));
        assertEquals(new BigDecimal("1439300.00"), bar.get("value"), "the day's cumulative value since 08:59:59");
        assertEquals(0L, db.count("SELECT count(*) FROM tick_minute_pending WHERE symbol = ?", symbol));
    }

    @Test
    void theRestBarReplacesTheTickBarAndADifferenceIsKept() {
        loadTickBar();

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, List.of(rest(71_900, 72_100, 71_800, 72_100, 21))));

        Map<String, Object> bar = storedBar(MINUTE);
        assertEquals("rest", bar.get("source"));
        assertEquals(new BigDecimal("72100.00"), bar.get("close"));
        List<Map<String, Object>> differences = db.rows("SELECT tick_close, rest_close, tick_volume, rest_volume, "
                + "kept FROM bar_source_difference WHERE symbol = ?", symbol);
        assertEquals(1, differences.size());
        assertEquals(new BigDecimal("72000.00"), differences.get(0).get("tick_close"));
        assertEquals(21L, differences.get(0).get("rest_volume"));
        assertEquals("rest", differences.get(0).get("kept"));

        // the day's report names the minute, as JSON and on its page
        JsonPath report = given().queryParam("date", "2025-03-05").queryParam("interval", "1m")
                .when().get("/v1/reports/daily").then().statusCode(200).extract().jsonPath();
        assertTrue(report.getLong("realTime.trades") >= 5, report.prettify());
        assertTrue(report.getLong("realTime.differingBars") >= 1);
        assertTrue(report.getList("realTime.differences.symbol").contains(symbol), report.prettify());
        String page = given().accept("text/html").queryParam("date", "2025-03-05").queryParam("interval", "1m")
                .when().get("/v1/reports/daily").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h2>Real time</h2>") && page.contains(symbol)
                && page.contains("71900 / 72100 / 71800 / 72000 × 20"), page);
    }

    @Test
    void anEqualRestBarConfirmsTheTickBarWithoutADifference() {
        loadTickBar();

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, List.of(rest(71_900, 72_100, 71_800, 72_000, 20))));

        assertEquals("rest", storedBar(MINUTE).get("source"));
        assertEquals(0L, db.count("SELECT count(*) FROM bar_source_difference WHERE symbol = ?", symbol));
    }

    @Test
    void aLateTickRebuildsItsMinutesBarButNeverOverwritesARestBar() {
        loadTickBar();
        api.load(ticks(List.of(tick(59, 73_000, 2, 42, 2_585_300))));
        await().atMost(Duration.ofSeconds(10)).until(() -> new BigDecimal("73000.00").equals(storedBar(MINUTE).get("high")));
        assertEquals(22L, storedBar(MINUTE).get("volume"));

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, List.of(rest(71_900, 73_000, 71_800, 73_000, 22))));
        api.load(ticks(List.of(tick(59, 74_000, 1, 43, 2_659_300))));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.count("SELECT count(*) FROM tick_minute_pending WHERE symbol = ?", symbol) == 0);
        Map<String, Object> bar = storedBar(MINUTE);
        assertEquals("rest", bar.get("source"));
        assertTrue(new BigDecimal("73000.00").equals(bar.get("high")), bar.toString());
    }
}
