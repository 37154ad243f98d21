package dev.marketpipe.loader.bars;

import dev.marketpipe.loader.LoaderDatabaseTest;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;

import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.LoadReceipt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The KST day boundary (ARCHITECTURE "Time"): daily rows are keyed by the KRX trading date, ranges by KST dates. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class TradingDateTest extends LoaderDatabaseTest {

    @Test
    void dailyBarIsStoredUnderItsKstTradingDate() {
        Bar bar = TestBatches.bars(symbol, Instant.parse("2025-03-04T00:00:00Z"), BarInterval.ONE_DAY, 1).get(0);

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(bar)));

        Map<String, Object> row = db.rows("SELECT * FROM market_data_daily WHERE symbol = ?", symbol).get(0);
        assertEquals(LocalDate.parse("2025-03-04"), row.get("date"));
        assertEquals(0, bar.close().compareTo((BigDecimal) row.get("adj_close")), "adj_close = close for now");
        given().queryParam("symbol", symbol).queryParam("interval", "1d")
                .queryParam("from", "2025-03-04").queryParam("to", "2025-03-05")
                .when().get("/v1/bars").then().statusCode(200)
                .body("size()", is(1))
                .body("[0].date", is("2025-03-04"))
                .body("[0].timestamp", is("2025-03-04T00:00:00Z"))
                .body("[0].volume", is(1000));
    }

    @Test
    void dailyBarJustAfterKstMidnightBelongsToTheKstDate() {
        // 2025-03-03T15:30Z is 00:30 KST on 03-04: the UTC date would be one day early
        Bar bar = TestBatches.bars(symbol, Instant.parse("2025-03-03T15:30:00Z"), BarInterval.ONE_DAY, 1).get(0);

        api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(bar)));

        assertEquals(LocalDate.parse("2025-03-04"),
                db.value("SELECT \"date\" FROM market_data_daily WHERE symbol = ?", symbol));
    }

    @Test
    void dailyBarsUpsertOnSymbolAndDate() {
        Bar first = TestBatches.bars(symbol, Instant.parse("2025-03-04T00:00:00Z"), BarInterval.ONE_DAY, 1).get(0);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(first)));
        Bar corrected = new Bar(first.timestamp(), symbol, first.open(), first.high(), first.low(),
                first.close().subtract(BigDecimal.ONE), first.volume(), first.value());

        LoadReceipt receipt = api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(corrected)));

        assertEquals(1, receipt.rowsChanged());
        assertEquals(1, db.count("SELECT count(*) FROM market_data_daily WHERE symbol = ?", symbol));
        assertEquals(0, corrected.close().compareTo(
                (BigDecimal) db.value("SELECT adj_close FROM market_data_daily WHERE symbol = ?", symbol)));
    }

    @Test
    void dailyBarOfALateOpeningDayReadsBackWithThatSessionOpen() {
        // 2025-01-02, the first trading day of the year, opens at 10:00 KST (01:00Z)
        Bar bar = TestBatches.bars(symbol, Instant.parse("2025-01-02T01:00:00Z"), BarInterval.ONE_DAY, 1).get(0);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(bar)));

        given().queryParam("symbol", symbol).queryParam("interval", "1d")
                .queryParam("from", "2025-01-01").queryParam("to", "2025-01-10")
                .when().get("/v1/bars").then().statusCode(200)
                .body("size()", is(1))
                .body("[0].date", is("2025-01-02"))
                .body("[0].timestamp", is("2025-01-02T01:00:00Z"));
        // an instant range that starts after that session open does not include the bar
        given().queryParam("symbol", symbol).queryParam("interval", "1d")
                .queryParam("from", "2025-01-02T01:00:01Z").queryParam("to", "2025-01-10")
                .when().get("/v1/bars").then().statusCode(200).body("size()", is(0));
    }

    @Test
    void minuteBarAtUtcAfternoonIsReadBackUnderTheNextKstDate() {
        // 2025-03-04T15:00:00Z is 00:00 KST on 2025-03-05
        Bar bar = TestBatches.bars(symbol, Instant.parse("2025-03-04T15:00:00Z"), BarInterval.ONE_MINUTE, 1).get(0);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, List.of(bar)));

        given().queryParam("symbol", symbol).queryParam("interval", "1m")
                .queryParam("from", "2025-03-05").queryParam("to", "2025-03-06")
                .when().get("/v1/bars").then().statusCode(200)
                .body("size()", is(1))
                .body("[0].timestamp", is("2025-03-04T15:00:00Z"))
                .body("[0].symbol", is(symbol));
        given().queryParam("symbol", symbol).queryParam("interval", "1m")
                .queryParam("from", "2025-03-04").queryParam("to", "2025-03-05")
                .when().get("/v1/bars").then().statusCode(200).body("size()", is(0));
        // the same boundary written as KST offsets
        given().queryParam("symbol", symbol).queryParam("interval", "1m")
                .queryParam("from", "2025-03-05T00:00:00+09:00").queryParam("to", "2025-03-05T00:01:00+09:00")
                .when().get("/v1/bars").then().statusCode(200).body("size()", is(1));
    }
}
