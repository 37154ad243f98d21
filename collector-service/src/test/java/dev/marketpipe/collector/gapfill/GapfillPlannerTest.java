package dev.marketpipe.collector.gapfill;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gap-fill planner against a WireMock loader (coverage) and securities API: which windows it requests. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class GapfillPlannerTest {

    private static final MarketCalendar CALENDAR = MarketCalendar.krx();

    WireMockServer wireMock;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        breakers.resetAll();
        clock.now = Instant.parse("2025-06-02T00:00:00Z");
        QuarkusMock.installMockForType(clock, MarketClock.class);
    }

    @Test
    void aThreeHourHoleIsFilledByExactlyOneRequest() {
        // 2025-03-04: 09:00-09:59 and 13:00-15:29 KST stored, 10:00-12:59 missing
        stubCoverage("005930", "1m", day("2025-03-04", run("2025-03-04T00:00:00Z", "2025-03-04T00:59:00Z", 60),
                run("2025-03-04T04:00:00Z", "2025-03-04T06:29:00Z", 150)));
        JsonPath status = gapfill("005930", "1m", "2025-03-04", "2025-03-04");

        assertEquals("SUCCEEDED", status.getString("state"));
        assertEquals(390, status.getInt("barsExpected"));
        assertEquals(210, status.getInt("barsStored"));
        assertEquals(180, status.getInt("barsMissing"));
        assertEquals(1, status.getInt("requestsTotal"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data"))
                .withQueryParam("interval", WireMock.equalTo("1m"))
                .withQueryParam("start_date", WireMock.equalTo("2025-03-04T01:00:00Z"))
                .withQueryParam("end_date", WireMock.equalTo("2025-03-04T04:00:00Z")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v1/coverage"))
                .withQueryParam("from", WireMock.equalTo("2025-03-03T15:00:00Z"))
                .withQueryParam("to", WireMock.equalTo("2025-03-04T15:00:00Z")));
    }

    @Test
    void nothingIsRequestedForWeekendsHolidaysOrNights() {
        // Fri 2025-01-24 .. Mon 2025-02-03 spans a weekend and Seollal (2025-01-27..30): three sessions trade
        stubCoverage("000660", "1m");
        JsonPath status = gapfill("000660", "1m", "2025-01-24", "2025-02-03");

        assertEquals(3 * 390, status.getInt("barsExpected"));
        assertEquals(3, status.getInt("requestsTotal"));
        List<LoggedRequest> requests = wireMock.findAll(getRequestedFor(urlPathEqualTo("/market/data")));
        assertEquals(3, requests.size());
        for (String day : List.of("2025-01-24", "2025-01-31", "2025-02-03")) {
            wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data"))
                    .withQueryParam("start_date", WireMock.equalTo(day + "T00:00:00Z"))
                    .withQueryParam("end_date", WireMock.equalTo(day + "T06:30:00Z")));
        }
        requests.forEach(GapfillPlannerTest::assertWithinOneSession);
    }

    @Test
    void todayIsFilledOnlyUpToTheBarsThatHaveSettled() {
        clock.now = Instant.parse("2025-03-05T02:00:30Z"); // 11:00:30 KST; settle 2 min: bars up to 10:57 ended by 10:58
        stubCoverage("035420", "1m");
        JsonPath status = gapfill("035420", "1m", "2025-03-05", "2025-03-05");

        assertEquals(118, status.getInt("barsExpected"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data"))
                .withQueryParam("start_date", WireMock.equalTo("2025-03-05T00:00:00Z"))
                .withQueryParam("end_date", WireMock.equalTo("2025-03-05T01:58:00Z")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void dailyGapsMergeOnlyOverConsecutiveTradingDates() {
        stubCoverage("005380", "1d", day("2025-03-05", run("2025-03-05T00:00:00Z", "2025-03-05T00:00:00Z", 1)),
                day("2025-03-06", run("2025-03-06T00:00:00Z", "2025-03-06T00:00:00Z", 1)));
        JsonPath status = gapfill("005380", "1d", "2025-03-03", "2025-03-14");

        // 2025-03-03 is a holiday (Independence Movement Day, substitute): nine trading dates
        assertEquals(9, status.getInt("barsExpected"));
        assertEquals(7, status.getInt("barsMissing"));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/market/data")));
        for (String[] window : new String[][] {{"2025-03-04", "2025-03-04"}, {"2025-03-07", "2025-03-07"},
                {"2025-03-10", "2025-03-14"}}) {
            wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data"))
                    .withQueryParam("interval", WireMock.equalTo("1d"))
                    .withQueryParam("start_date", WireMock.equalTo(window[0]))
                    .withQueryParam("end_date", WireMock.equalTo(window[1])));
        }
    }

    @Test
    void aBarThatNeverArrivesIsRequestedAtMostMaxAttemptsTimes() {
        // the stub "loader" never gets 10:00-10:09 (as if the validator quarantined those bars on every fetch)
        stubCoverage("051910", "1m", day("2025-03-06", run("2025-03-06T00:00:00Z", "2025-03-06T00:59:00Z", 60),
                run("2025-03-06T01:10:00Z", "2025-03-06T06:29:00Z", 320)));
        for (int run = 1; run <= 3; run++) {
            JsonPath status = gapfill("051910", "1m", "2025-03-06", "2025-03-06");
            assertEquals(1, status.getInt("requestsTotal"), "run " + run);
            wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data"))
                    .withQueryParam("start_date", WireMock.equalTo("2025-03-06T01:00:00Z"))
                    .withQueryParam("end_date", WireMock.equalTo("2025-03-06T01:10:00Z")));
        }

        JsonPath fourth = gapfill("051910", "1m", "2025-03-06", "2025-03-06");
        assertEquals("SUCCEEDED", fourth.getString("state"));
        assertEquals(0, fourth.getInt("requestsTotal"));
        assertEquals(10, fourth.getInt("barsMissing"));
        assertEquals(10, fourth.getInt("barsSkipped"));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void aRequestTheProviderDidNotAnswerDoesNotUseUpAnAttempt() {
        stubCoverage("055550", "1m", day("2025-03-07", run("2025-03-07T00:00:00Z", "2025-03-07T06:28:00Z", 389)));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(503)));
        for (int run = 1; run <= 3; run++) { // more runs than max-attempts
            assertEquals("FAILED", gapfill("055550", "1m", "2025-03-07", "2025-03-07").getString("state"));
        }
        ApiStubs.reset(wireMock);
        stubCoverage("055550", "1m", day("2025-03-07", run("2025-03-07T00:00:00Z", "2025-03-07T06:28:00Z", 389)));
        JsonPath status = gapfill("055550", "1m", "2025-03-07", "2025-03-07");
        assertEquals("SUCCEEDED", status.getString("state"));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data"))
                .withQueryParam("start_date", WireMock.equalTo("2025-03-07T06:29:00Z"))
                .withQueryParam("end_date", WireMock.equalTo("2025-03-07T06:30:00Z")));
    }

    @Test
    void symbolsPlannedAtTheSameTimeAllAddTheirRequestsToTheOneJob() {
        List<String> symbols = List.of("005930", "000660", "035420", "005380", "051910", "006400");
        for (String symbol : symbols) {
            stubCoverage(symbol, "1m", day("2025-03-07", run("2025-03-07T00:00:00Z", "2025-03-07T06:28:00Z", 389)));
        }
        wireMock.resetRequests();
        String location = given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"" + String.join("\",\"", symbols) + "\"],\"interval\":\"1m\","
                        + "\"from\":\"2025-03-07\",\"to\":\"2025-03-07\"}")
                .when().post("/v1/gapfills").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(20)).until(() -> !"RUNNING".equals(
                given().when().get(location).then().statusCode(200).extract().path("state")));

        JsonPath status = given().when().get(location).then().extract().jsonPath();
        assertEquals("SUCCEEDED", status.getString("state"));
        assertEquals(symbols.size(), status.getInt("symbolsPlanned"));
        assertEquals(symbols.size(), status.getInt("requestsDone"), "each symbol's missing last bar, once");
        wireMock.verify(symbols.size(), getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void anUnreachableLoaderFailsTheRunWithoutGuessing() {
        wireMock.stubFor(get(urlPathEqualTo("/v1/coverage")).willReturn(aResponse().withStatus(503)));
        JsonPath status = gapfill("006400", "1m", "2025-03-04", "2025-03-04");
        assertEquals("FAILED", status.getString("state"));
        assertTrue(status.getString("lastError").contains("coverage not known"), status.getString("lastError"));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void badGapfillRequestsAreProblems() {
        given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\"],\"interval\":\"1m\",\"from\":\"2025-03-09\",\"to\":\"2025-03-03\"}")
                .when().post("/v1/gapfills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("is after 'to'"));
        given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\"],\"interval\":\"1m\",\"from\":\"2024-01-01\",\"to\":\"2025-03-03\"}")
                .when().post("/v1/gapfills")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"../x\"],\"from\":\"2025-03-03\",\"to\":\"2025-03-04\"}")
                .when().post("/v1/gapfills")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/v1/gapfills/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private JsonPath gapfill(String symbol, String interval, String from, String to) {
        wireMock.resetRequests();
        String location = given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"" + symbol + "\"],\"interval\":\"" + interval + "\",\"from\":\"" + from
                        + "\",\"to\":\"" + to + "\"}")
                .when().post("/v1/gapfills")
                .then().statusCode(202).body("state", equalTo("RUNNING")).extract().header("Location");
        await().atMost(Duration.ofSeconds(20)).until(() -> !"RUNNING".equals(
                given().when().get(location).then().statusCode(200).extract().path("state")));
        return given().when().get(location).then().extract().jsonPath();
    }

    private void stubCoverage(String symbol, String interval, String... days) {
        wireMock.stubFor(get(urlPathEqualTo("/v1/coverage")).withQueryParam("symbol", WireMock.equalTo(symbol))
                .withQueryParam("interval", WireMock.equalTo(interval))
                .willReturn(okJson("{\"symbol\":\"" + symbol + "\",\"interval\":\"" + interval
                        + "\",\"from\":\"2025-01-01T00:00:00Z\",\"to\":\"2025-12-31T00:00:00Z\",\"bars\":0,\"days\":["
                        + String.join(",", days) + "]}")));
    }

    private static String day(String date, String... runs) {
        return "{\"date\":\"" + date + "\",\"bars\":0,\"runs\":[" + String.join(",", runs) + "]}";
    }

    private static String run(String first, String last, int bars) {
        return "{\"first\":\"" + first + "\",\"last\":\"" + last + "\",\"bars\":" + bars + "}";
    }

    /** start is a bar start of a session, and the window ends within that same session. */
    private static void assertWithinOneSession(LoggedRequest request) {
        Instant start = Instant.parse(request.queryParameter("start_date").firstValue());
        Instant end = Instant.parse(request.queryParameter("end_date").firstValue());
        assertTrue(CALENDAR.isBarStart(start, BarInterval.ONE_MINUTE), "start " + start + " is a bar start");
        assertTrue(CALENDAR.isBarStart(end.minus(BarInterval.ONE_MINUTE.length()), BarInterval.ONE_MINUTE),
                "end " + end + " closes a bar of a session");
        assertEquals(CALENDAR.tradingDate(start), CALENDAR.tradingDate(end.minusSeconds(1)), "one session");
    }
}
