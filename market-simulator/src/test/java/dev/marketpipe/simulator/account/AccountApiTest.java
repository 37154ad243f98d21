package dev.marketpipe.simulator.account;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.simulator.market.AccountGenerator;
import dev.marketpipe.simulator.market.BarGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /account/info}, {@code /positions}, {@code /orders/history}: token-protected, deterministic, validated. */
@QuarkusTest
class AccountApiTest {

    private static final List<String> UNIVERSE = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560", "055550", "012330", "028260", "066570", "003550", "096770",
            "017670", "034730", "015760", "032830");
    private static final AccountGenerator TRUTH = new AccountGenerator(
            new BarGenerator(42, MarketCalendar.krx(), 0.0), UNIVERSE, "12345678-01");
    private static final String AT = "2025-03-04T02:00:00Z";

    private static RequestSpecification authorized() {
        String token = given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
        return given().header("Authorization", "Bearer " + token);
    }

    @Test
    void accountEndpointsNeedABearerToken() {
        for (String path : List.of("/account/info", "/positions", "/orders/history")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void accountInfoIsCashPlusPositionsValueAsTheGeneratorSays() {
        JsonPath body = authorized().queryParam("at", AT).get("/account/info")
                .then().statusCode(200).extract().jsonPath();
        AccountGenerator.Account expected = TRUTH.account(Instant.parse(AT));
        assertEquals("success", body.getString("status"));
        assertEquals("12345678-01", body.getString("data.account_number"));
        assertEquals(expected.cash(), body.getLong("data.cash_balance"));
        assertEquals(expected.positionsValue(), body.getLong("data.positions_value"));
        assertEquals(body.getLong("data.cash_balance") + body.getLong("data.positions_value"),
                body.getLong("data.total_value"));
        assertEquals(AT, body.getString("data.timestamp"));
    }

    @Test
    void positionsAreValuedAtTheLastTradedPrice() {
        JsonPath body = authorized().queryParam("at", AT).get("/positions")
                .then().statusCode(200).extract().jsonPath();
        List<AccountGenerator.Holding> expected = TRUTH.positions(Instant.parse(AT));
        assertTrue(!expected.isEmpty());
        assertEquals(expected.size(), body.getInt("meta.total_records"));
        assertEquals(expected.get(0).symbol(), body.getString("data[0].symbol"));
        assertEquals(body.getLong("data[0].quantity") * body.getLong("data[0].current_price"),
                body.getLong("data[0].market_value"));
    }

    @Test
    void orderHistoryOfADayIsTheGeneratedOrdersPaged() {
        List<AccountGenerator.Order> expected = TRUTH.orders(LocalDate.parse("2025-03-04"));
        assertTrue(expected.size() > 2, "the seed places orders that day");
        JsonPath first = authorized().queryParam("start_date", "2025-03-04")
                .queryParam("end_date", "2025-03-04").queryParam("limit", 2).get("/orders/history")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(expected.size(), first.getInt("meta.total_records"));
        assertEquals((expected.size() + 1) / 2, first.getInt("meta.total_pages"));
        assertEquals(expected.get(0).orderId(), first.getString("data[0].order_id"));
        assertEquals(expected.get(1).orderedAt().toString(), first.getString("data[1].ordered_at"));
    }

    @Test
    void aWeekendHasNoOrders() {
        authorized().queryParam("start_date", "2025-03-08").queryParam("end_date", "2025-03-09")
                .get("/orders/history").then().statusCode(200).body("meta.total_records", equalTo(0));
    }

    @Test
    void badOrderHistoryParametersAreA400Problem() {
        authorized().queryParam("start_date", "yesterday").get("/orders/history")
                .then().statusCode(400).contentType("application/problem+json");
        authorized().queryParam("limit", 0).get("/orders/history")
                .then().statusCode(400).contentType("application/problem+json");
        authorized().queryParam("start_date", "2025-03-05").queryParam("end_date", "2025-03-04")
                .get("/orders/history").then().statusCode(400);
    }
}
