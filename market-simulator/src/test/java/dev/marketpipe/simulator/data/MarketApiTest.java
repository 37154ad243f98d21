package dev.marketpipe.simulator.data;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class MarketApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final BarGenerator TRUTH = new BarGenerator(42, MarketCalendar.krx(), 0.0);

    @AfterEach
    void resetSimulator() {
        given().delete("/simulator/faults").then().statusCode(204);
        given().contentType(ContentType.JSON).body("{\"invalidFraction\":0.0}").put("/simulator/config")
                .then().statusCode(200);
    }

    static String token() {
        return given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}")
                .post("/oauth/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + token());
    }

    @Test
    void tokenFlowIssuesABearerTokenThatOpensTheMarketApi() {
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}")
                .post("/oauth/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(86400))
                .body("access_token", notNullValue());
        authorized().queryParam("symbol", "005930").queryParam("interval", "1d")
                .queryParam("start_date", "2025-03-04").queryParam("end_date", "2025-03-04")
                .get("/market/data")
                .then().statusCode(200).body("status", equalTo("success")).body("data", hasSize(1));
    }

    @Test
    void wrongCredentialsAre401ProblemJson() {
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"guess\"}")
                .post("/oauth/token")
                .then().statusCode(401).contentType(PROBLEM)
                .body("status", equalTo(401))
                .body("detail", containsString("invalid appkey or appsecret"))
                .body(org.hamcrest.Matchers.not(containsString("guess")));
        given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"password\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}")
                .post("/oauth/token")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("grant_type"));
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\"}")
                .post("/oauth/token")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void marketApiWithoutAValidTokenIs401() {
        given().queryParam("symbol", "005930").queryParam("interval", "1m").get("/market/data")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("detail", containsString("bearer token"));
        given().header("Authorization", "Bearer not-a-token").queryParam("symbol", "005930").get("/market/orderbook")
                .then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Basic ZGVtbzpkZW1v").get("/market/unknown")
                .then().statusCode(401);
    }

    @Test
    void aDateWindowServesTheWholeKstTradingDayExactlyAsTheGeneratorSays() {
        JsonPath body = authorized().queryParam("symbol", "035720").queryParam("interval", "1m")
                .queryParam("start_date", "2025-03-04").queryParam("end_date", "2025-03-04")
                .get("/market/data")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("meta.total_records", equalTo(390))
                .body("meta.page", equalTo(1))
                .body("meta.total_pages", equalTo(1))
                .body("meta.limit", equalTo(1000))
                .extract().jsonPath();
        List<Map<String, Object>> data = body.getList("data");
        List<Bar> truth = TRUTH.servedBars("035720", BarInterval.ONE_MINUTE, LocalDate.parse("2025-03-04"));
        assertEquals(390, data.size());
        assertEquals("2025-03-04T00:00:00Z", data.get(0).get("timestamp"));
        assertEquals("2025-03-04T06:29:00Z", data.get(389).get("timestamp"));
        for (int i = 0; i < data.size(); i++) {
            assertRecordIs(truth.get(i), data.get(i));
        }
    }

    @Test
    void anInstantWindowIsStartInclusiveAndEndExclusive() {
        authorized().queryParam("symbol", "005930").queryParam("interval", "5m")
                .queryParam("start_date", "2025-03-04T00:10:00Z").queryParam("end_date", "2025-03-04T00:30:00Z")
                .get("/market/data")
                .then().statusCode(200)
                .body("meta.total_records", equalTo(4))
                .body("data[0].timestamp", equalTo("2025-03-04T00:10:00Z"))
                .body("data[3].timestamp", equalTo("2025-03-04T00:25:00Z"));
    }

    @Test
    void pagingReturnsEveryRecordOfTheWindowExactlyOnce() {
        RequestSpecification client = authorized();
        List<String> seen = new ArrayList<>();
        int page = 1;
        int totalPages;
        do {
            JsonPath body = given().spec(client).queryParam("symbol", "000660").queryParam("interval", "1m")
                    .queryParam("start_date", "2025-03-06").queryParam("end_date", "2025-03-07")
                    .queryParam("limit", 100).queryParam("page", page)
                    .get("/market/data")
                    .then().statusCode(200)
                    .body("meta.total_records", equalTo(780))
                    .body("meta.page", equalTo(page))
                    .body("meta.limit", equalTo(100))
                    .extract().jsonPath();
            totalPages = body.getInt("meta.total_pages");
            seen.addAll(body.getList("data.timestamp"));
            page++;
        } while (page <= totalPages);
        assertEquals(8, totalPages);
        assertEquals(780, seen.size());
        Set<String> unique = new HashSet<>(seen);
        assertEquals(780, unique.size());
        List<String> expected = new ArrayList<>();
        for (String day : List.of("2025-03-06", "2025-03-07")) {
            TRUTH.servedBars("000660", BarInterval.ONE_MINUTE, LocalDate.parse(day))
                    .forEach(bar -> expected.add(bar.timestamp().toString()));
        }
        assertEquals(expected, seen);
        // a page past the end is empty, not an error
        given().spec(client).queryParam("symbol", "000660").queryParam("interval", "1m")
                .queryParam("start_date", "2025-03-06").queryParam("end_date", "2025-03-07")
                .queryParam("limit", 100).queryParam("page", 9)
                .get("/market/data")
                .then().statusCode(200).body("data", hasSize(0)).body("meta.total_records", equalTo(780));
    }

    @Test
    void aHolidayHasNoRecords() {
        authorized().queryParam("symbol", "005930").queryParam("interval", "1m").queryParam("start_date", "2025-01-28")
                .get("/market/data")
                .then().statusCode(200).body("data", hasSize(0)).body("meta.total_records", equalTo(0));
    }

    @Test
    void badParametersAre400ProblemJsonThatSaysWhatIsWrong() {
        RequestSpecification client = authorized();
        given().spec(client).queryParam("symbol", "005930").queryParam("interval", "15m").get("/market/data")
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("detail", containsString("interval"));
        given().spec(client).queryParam("symbol", "005930").queryParam("interval", "1m").queryParam("limit", 1001)
                .get("/market/data")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("limit"));
        given().spec(client).queryParam("symbol", "005930").queryParam("interval", "1m").queryParam("limit", "abc")
                .get("/market/data")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("limit"));
        given().spec(client).queryParam("symbol", "005930").queryParam("interval", "1m").queryParam("page", 0)
                .get("/market/data")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("page"));
        given().spec(client).queryParam("symbol", "005930").queryParam("interval", "1d")
                .queryParam("start_date", "2023-01-01").queryParam("end_date", "2025-01-01")
                .get("/market/data")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("370 days"));
        given().spec(client).queryParam("interval", "1m").get("/market/data")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("symbol"));
    }

    @Test
    void anUnknownSymbolIs404() {
        authorized().queryParam("symbol", "999999").queryParam("interval", "1m").get("/market/data")
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("999999"));
        authorized().queryParam("symbol", "999999").get("/market/orderbook")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void orderBookHasTenLevelsPerSideBidsDescendingAsksAscendingAndBestBidBelowBestAsk() {
        JsonPath book = authorized().queryParam("symbol", "005930").queryParam("at", "2025-03-04T02:00:00Z")
                .get("/market/orderbook")
                .then().statusCode(200)
                .body("symbol", equalTo("005930"))
                .body("timestamp", equalTo("2025-03-04T02:00:00Z"))
                .extract().jsonPath();
        List<Number> bids = book.getList("bids.price", Number.class);
        List<Number> asks = book.getList("asks.price", Number.class);
        assertEquals(10, bids.size());
        assertEquals(10, asks.size());
        for (int i = 1; i < 10; i++) {
            assertTrue(bids.get(i).longValue() < bids.get(i - 1).longValue(), "bids descending " + bids);
            assertTrue(asks.get(i).longValue() > asks.get(i - 1).longValue(), "asks ascending " + asks);
        }
        assertTrue(bids.get(0).longValue() < asks.get(0).longValue());
        assertTrue(book.getList("bids.quantity", Number.class).stream().allMatch(q -> q.longValue() > 0));
        // deterministic for the same second
        assertEquals(book.getList("bids"), authorized().queryParam("symbol", "005930")
                .queryParam("at", "2025-03-04T02:00:00.700Z").get("/market/orderbook").jsonPath().getList("bids"));
        authorized().queryParam("symbol", "005930").get("/market/orderbook")
                .then().statusCode(200).body("bids", hasSize(10));
    }

    @Test
    void injected429sCarryRetryAfterAndThenTheApiRecovers() {
        RequestSpecification client = authorized();
        given().contentType(ContentType.JSON).body("{\"status\":429,\"count\":2,\"retryAfterSeconds\":3}")
                .put("/simulator/faults")
                .then().statusCode(200).body("remaining", equalTo(2));
        for (int i = 0; i < 2; i++) {
            given().spec(client).queryParam("symbol", "005930").get("/market/orderbook")
                    .then().statusCode(429).contentType(PROBLEM).header("Retry-After", "3");
        }
        given().spec(client).queryParam("symbol", "005930").get("/market/orderbook").then().statusCode(200);
        given().get("/simulator/faults").then().statusCode(200).body("remaining", equalTo(0));
    }

    @Test
    void anInjected401RevokesEveryTokenSoTheClientMustReauthenticate() {
        String old = token();
        given().contentType(ContentType.JSON).body("{\"status\":401,\"count\":1}").put("/simulator/faults")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + old).queryParam("symbol", "005930").get("/market/orderbook")
                .then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + old).queryParam("symbol", "005930").get("/market/orderbook")
                .then().statusCode(401);
        authorized().queryParam("symbol", "005930").get("/market/orderbook").then().statusCode(200);
    }

    @Test
    void injected5xxAreProblemJsonAndFaultsCanBeCleared() {
        RequestSpecification client = authorized();
        given().contentType(ContentType.JSON).body("{\"status\":503,\"count\":5}").put("/simulator/faults")
                .then().statusCode(200);
        given().spec(client).queryParam("symbol", "005930").get("/market/orderbook")
                .then().statusCode(503).contentType(PROBLEM).body("status", equalTo(503));
        given().delete("/simulator/faults").then().statusCode(204);
        given().spec(client).queryParam("symbol", "005930").get("/market/orderbook").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"status\":200}").put("/simulator/faults")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void statsCountMarketRequestsByStatusAndTokensIssued() {
        given().delete("/simulator/stats").then().statusCode(204);
        RequestSpecification client = authorized();
        given().spec(client).queryParam("symbol", "005930").get("/market/orderbook").then().statusCode(200);
        given().queryParam("symbol", "005930").get("/market/orderbook").then().statusCode(401);
        given().spec(client).queryParam("symbol", "005930").queryParam("interval", "7m").get("/market/data")
                .then().statusCode(400);
        given().get("/simulator/stats").then().statusCode(200)
                .body("requests", equalTo(3))
                .body("tokensIssued", equalTo(1))
                .body("byStatus.200", equalTo(1))
                .body("byStatus.401", equalTo(1))
                .body("byStatus.400", equalTo(1));
    }

    @Test
    void switchingOnInvalidBarsAtRuntimeServesCorruptedRecordsWithMissingFieldsAbsent() {
        given().contentType(ContentType.JSON).body("{\"invalidFraction\":1.0}").put("/simulator/config")
                .then().statusCode(200).body("invalidFraction", equalTo(1.0f)).body("seed", equalTo(42));
        List<Map<String, Object>> data = authorized().queryParam("symbol", "005930").queryParam("interval", "1m")
                .queryParam("start_date", "2025-03-04").get("/market/data")
                .then().statusCode(200).body("meta.total_records", equalTo(390))
                .extract().jsonPath().getList("data");
        List<Bar> truth = new BarGenerator(42, MarketCalendar.krx(), 1.0)
                .servedBars("005930", BarInterval.ONE_MINUTE, LocalDate.parse("2025-03-04"));
        long missingClose = data.stream().filter(record -> !record.containsKey("close")).count();
        assertTrue(missingClose > 0, "some records lack close");
        assertEquals(truth.stream().filter(bar -> bar.close() == null).count(), missingClose);
        assertTrue(data.stream().anyMatch(record -> ((Number) record.get("volume")).longValue() < 0));
        assertTrue(data.stream().anyMatch(record -> ((String) record.get("timestamp")).compareTo("2025-03-04T00:00:00Z") < 0));
        for (int i = 0; i < data.size(); i++) {
            assertRecordIs(truth.get(i), data.get(i));
        }
        given().contentType(ContentType.JSON).body("{\"invalidFraction\":1.5}").put("/simulator/config")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void healthOpenApiAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/market/data"));
        authorized().queryParam("symbol", "005930").get("/market/orderbook").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("marketpipe_simulator_requests_served_total"), "requests counter exported");
        assertTrue(metrics.contains("marketpipe_simulator_tokens_issued_total"), "token counter exported");
        assertFalse(metrics.contains("005930"), "no symbol label");
    }

    private static void assertRecordIs(Bar expected, Map<String, Object> actual) {
        assertEquals(expected.timestamp().toString(), actual.get("timestamp"));
        assertEquals(expected.symbol(), actual.get("symbol"));
        assertNumber(expected.open() == null ? null : expected.open().longValueExact(), actual.get("open"));
        assertNumber(expected.high().longValueExact(), actual.get("high"));
        assertNumber(expected.low().longValueExact(), actual.get("low"));
        assertNumber(expected.close() == null ? null : expected.close().longValueExact(), actual.get("close"));
        assertNumber(expected.volume(), actual.get("volume"));
        assertNumber(expected.value().longValueExact(), actual.get("value"));
    }

    private static void assertNumber(Long expected, Object actual) {
        if (expected == null) {
            assertEquals(null, actual);
        } else {
            assertTrue(actual instanceof Number, "a JSON number: " + actual);
            assertEquals(expected.longValue(), ((Number) actual).longValue());
        }
    }
}
