package dev.marketpipe.loader.coverage;

import dev.marketpipe.loader.LoaderApi;
import dev.marketpipe.loader.TestBatches;
import dev.marketpipe.testsupport.PostgresTestResource;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class CoverageQueryTest {

    /** Tue 2025-03-04 09:00 KST and Wed 2025-03-05 09:00 KST. */
    private static final Instant DAY1 = Instant.parse("2025-03-04T00:00:00Z");
    private static final Instant DAY2 = Instant.parse("2025-03-05T00:00:00Z");

    @Inject
    ObjectMapper objectMapper;

    private String symbol;
    private LoaderApi loader;

    @BeforeEach
    void setUp() {
        symbol = TestBatches.uniqueSymbol();
        loader = new LoaderApi(objectMapper);
    }

    private ValidatableResponse coverage(String interval, String from, String to) {
        var request = given().queryParam("symbol", symbol).queryParam("interval", interval);
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.when().get("/v1/coverage").then();
    }

    @Test
    void holesSplitADayIntoRunsOfConsecutiveStoredBars() {
        // day 1: bars 09:00..09:19 stored except 09:05..09:07 and 09:15; day 2: 09:00..09:04
        List<Bar> day1 = new ArrayList<>(TestBatches.bars(symbol, DAY1, BarInterval.ONE_MINUTE, 20));
        day1.removeIf(b -> {
            long minute = (b.timestamp().getEpochSecond() - DAY1.getEpochSecond()) / 60;
            return (minute >= 5 && minute <= 7) || minute == 15;
        });
        loader.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, day1));
        loader.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, TestBatches.bars(symbol, DAY2, BarInterval.ONE_MINUTE, 5)));

        coverage("1m", "2025-03-04", "2025-03-06").statusCode(200)
                .body("symbol", is(symbol))
                .body("interval", is("1m"))
                .body("from", is("2025-03-03T15:00:00Z"))
                .body("bars", is(21))
                .body("days.date", contains("2025-03-04", "2025-03-05"))
                .body("days[0].bars", is(16))
                .body("days[0].runs.first", contains("2025-03-04T00:00:00Z", "2025-03-04T00:08:00Z", "2025-03-04T00:16:00Z"))
                .body("days[0].runs.last", contains("2025-03-04T00:04:00Z", "2025-03-04T00:14:00Z", "2025-03-04T00:19:00Z"))
                .body("days[0].runs.bars", contains(5, 7, 4))
                .body("days[1].runs.first", contains("2025-03-05T00:00:00Z"))
                .body("days[1].runs.last", contains("2025-03-05T00:04:00Z"));
    }

    @Test
    void rangeBoundsAreFromInclusiveToExclusive() {
        loader.load(TestBatches.accepted(symbol, BarInterval.ONE_MINUTE, TestBatches.bars(symbol, DAY1, BarInterval.ONE_MINUTE, 10)));
        coverage("1m", "2025-03-04T00:02:00Z", "2025-03-04T00:05:00Z").statusCode(200)
                .body("bars", is(3))
                .body("days[0].runs[0].first", is("2025-03-04T00:02:00Z"))
                .body("days[0].runs[0].last", is("2025-03-04T00:04:00Z"));
    }

    @Test
    void fiveMinuteBarsAreConsecutiveFiveMinutesApart() {
        List<Bar> bars = new ArrayList<>(TestBatches.bars(symbol, DAY1, BarInterval.FIVE_MINUTES, 6));
        bars.remove(2); // 09:10
        loader.load(TestBatches.accepted(symbol, BarInterval.FIVE_MINUTES, bars));
        coverage("5m", "2025-03-04", "2025-03-05").statusCode(200)
                .body("bars", is(5))
                .body("days[0].runs.bars", contains(2, 3))
                .body("days[0].runs[1].first", is("2025-03-04T00:15:00Z"));
    }

    @Test
    void dailyCoverageListsStoredTradingDatesWithTheirSessionOpen() {
        loader.load(TestBatches.accepted(symbol, BarInterval.ONE_DAY, List.of(
                TestBatches.bars(symbol, DAY1, BarInterval.ONE_DAY, 1).get(0),
                TestBatches.bars(symbol, Instant.parse("2025-03-06T00:00:00Z"), BarInterval.ONE_DAY, 1).get(0))));
        coverage("1d", "2025-03-03", "2025-03-08").statusCode(200)
                .body("bars", is(2))
                .body("days.date", contains("2025-03-04", "2025-03-06"))
                .body("days[1].runs[0].first", is("2025-03-06T00:00:00Z"));
    }

    @Test
    void nothingStoredIsAnEmptyCoverage() {
        coverage("1m", "2025-03-04", "2025-03-05").statusCode(200)
                .body("bars", is(0))
                .body("days", empty());
    }

    @Test
    void badInputIsAnsweredWithProblemJson() {
        assertProblem(coverage("1m", null, "2025-03-05"), "from is required");
        assertProblem(coverage("1m", "2025-03-05", "2025-03-04"), "from must be before to");
        assertProblem(coverage("1m", "2025-01-01", "2025-06-01"), "longer than 100 days");
        assertProblem(coverage("7m", "2025-03-04", "2025-03-05"), "unknown interval");
        assertProblem(given().queryParam("interval", "1m").queryParam("from", "2025-03-04")
                .queryParam("to", "2025-03-05").when().get("/v1/coverage").then(), null);
    }

    private static void assertProblem(ValidatableResponse response, String detailPart) {
        response.statusCode(400).contentType(startsWith("application/problem+json")).body("status", is(400));
        if (detailPart != null) {
            response.body("detail", containsString(detailPart));
        }
    }
}
