package dev.marketpipe.loader.bars;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /v1/bars/latest} and {@code GET /v1/orderbooks/latest}: the trading system's "now" reads. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class LatestReadTest {

    private static final Instant OPEN = Instant.parse("2025-03-04T00:00:00Z");

    @Inject
    ObjectMapper objectMapper;

    private LoaderApi api;

    @BeforeEach
    void setUp() {
        api = new LoaderApi(objectMapper);
    }

    private static ValidatableResponse latest(String symbols, String interval) {
        return given().queryParam("symbols", symbols).queryParam("interval", interval)
                .when().get("/v1/bars/latest").then();
    }

    private List<Bar> load(String symbol, Instant first, int n) {
        List<Bar> bars = TestBatches.bars(symbol, first, BarInterval.ONE_MINUTE, n);
        api.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, bars));
        return bars;
    }

    @Test
    void latestBarOfEachKnownSymbolInTheOrderAskedAndTheUnknownNamedInAHeader() {
        String a = TestBatches.uniqueSymbol();
        String b = TestBatches.uniqueSymbol();
        String unknown = TestBatches.uniqueSymbol();
        List<Bar> barsOfA = load(a, OPEN, 10);
        List<Bar> barsOfB = load(b, OPEN.plusSeconds(3_600), 5);

        latest(b + "," + unknown + ", " + a + "," + b, "1m").statusCode(200)
                .header("X-Unknown-Symbols", is(unknown))
                .body("size()", is(2))
                .body("[0].symbol", is(b))
                .body("[0].timestamp", is(barsOfB.get(4).timestamp().toString()))
                .body("[0].close", is(barsOfB.get(4).close().floatValue()))
                .body("[1].symbol", is(a))
                .body("[1].timestamp", is(barsOfA.get(9).timestamp().toString()));
        latest(a, "1m").statusCode(200).header("X-Unknown-Symbols", nullValue());
    }

    @Test
    void latestAsCsv() {
        String a = TestBatches.uniqueSymbol();
        List<Bar> bars = load(a, OPEN, 3);

        String body = given().queryParam("symbols", a).queryParam("interval", "1m").accept("text/csv")
                .when().get("/v1/bars/latest").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();

        org.junit.jupiter.api.Assertions.assertEquals("timestamp,symbol,open,high,low,close,volume,value,date\r\n"
                + bars.get(2).timestamp() + "," + a + ",75200.00,75700.00,75000.00,75400.00,1002,75550800.00,\r\n",
                body);
    }

    @Test
    void noneOfTheSymbolsKnownIsNotFound() {
        String a = TestBatches.uniqueSymbol();
        load(a, OPEN, 1);

        problem(latest(TestBatches.uniqueSymbol() + "," + TestBatches.uniqueSymbol(), "1m"), 404)
                .body("detail", containsString("any of the 2 symbols"));
        problem(latest(a, "5m"), 404); // known in 1m, not in 5m
    }

    @Test
    void badSymbolListsAreProblemJson() {
        String tooMany = IntStream.range(0, 501).mapToObj(i -> "S" + i).collect(Collectors.joining(","));
        problem(latest(tooMany, "1m"), 400).body("detail", containsString("at most 500 symbols"));
        problem(latest("A,,B", "1m"), 400).body("detail", containsString("empty entry"));
        problem(latest("A," + "X".repeat(21), "1m"), 400).body("detail", containsString("longer than 20"));
        problem(latest("A", "2m"), 400).body("detail", containsString("unknown interval"));
        problem(given().queryParam("interval", "1m").when().get("/v1/bars/latest").then(), 400);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", is(status));
    }

    private void loadBook(String symbol, Instant at, long bestBid) {
        OrderBookSnapshot book = new OrderBookSnapshot(symbol, at,
                List.of(new BookLevel(BigDecimal.valueOf(bestBid), 100L),
                        new BookLevel(BigDecimal.valueOf(bestBid - 100), 250L)),
                List.of(new BookLevel(BigDecimal.valueOf(bestBid + 100), 80L)));
        BatchRecords records = BatchRecords.ofOrderBooks(List.of(book));
        api.load(new ValidatedBatch(UUID.randomUUID(), DataType.ORDERBOOK, symbol, null, SourceRole.PRIMARY,
                "raw/x.json", at, 12, 1, List.of(), List.of(), List.of(), 1.0, records, List.of()));
    }

    @Test
    void latestOrderBookIsTheNewestSnapshotWithItsLevelsBestFirst() {
        String symbol = TestBatches.uniqueSymbol();
        loadBook(symbol, Instant.parse("2025-03-04T01:00:10Z"), 75_100);
        loadBook(symbol, Instant.parse("2025-03-04T01:00:00Z"), 75_000); // loaded later, but older

        given().queryParam("symbol", symbol).when().get("/v1/orderbooks/latest").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("symbol", is(symbol))
                .body("timestamp", is("2025-03-04T01:00:10Z"))
                .body("bids.size()", is(2))
                .body("bids[0].price", is(75100))
                .body("bids[1].quantity", is(250))
                .body("asks[0].price", is(75200));
        String csv = given().queryParam("symbol", symbol).accept("text/csv").when().get("/v1/orderbooks/latest")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals("symbol,timestamp,side,level,price,quantity\r\n"
                + symbol + ",2025-03-04T01:00:10Z,bid,1,75100,100\r\n"
                + symbol + ",2025-03-04T01:00:10Z,bid,2,75000,250\r\n"
                + symbol + ",2025-03-04T01:00:10Z,ask,1,75200,80\r\n", csv);
    }

    @Test
    void orderBookOfASymbolWithoutSnapshotsIsNotFound() {
        problem(given().queryParam("symbol", TestBatches.uniqueSymbol()).accept("text/csv")
                .when().get("/v1/orderbooks/latest").then(), 404)
                .body("detail", containsString("no order book of symbol"));
        problem(given().when().get("/v1/orderbooks/latest").then(), 400);
    }
}
