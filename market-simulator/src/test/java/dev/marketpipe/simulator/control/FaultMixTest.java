package dev.marketpipe.simulator.control;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PUT /simulator/fault-mix}: faults drawn at random for every market request, counted, and cleared. */
@QuarkusTest
class FaultMixTest {

    @AfterEach
    void clear() {
        given().delete("/simulator/fault-mix").then().statusCode(200);
    }

    @Test
    void theMixAnswersItsSharesOfMarketRequestsWithFaultsAndCountsThem() {
        given().contentType(ContentType.JSON).body("""
                {"serverErrors":0.2,"rateLimits":0.1,"retryAfterSeconds":2,"timeouts":0.05,"timeoutDelayMillis":300}""")
                .put("/simulator/fault-mix").then().statusCode(200).body("mix.serverErrors", equalTo(0.2f));
        RequestSpecification client = given().header("Authorization", "Bearer " + token());
        Map<Integer, Integer> statuses = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            Response answer = given().spec(client).queryParam("symbol", "005930").get("/market/orderbook");
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 429) {
                assertEquals("2", answer.header("Retry-After"));
            }
        }
        int serverErrors = statuses.getOrDefault(500, 0) + statuses.getOrDefault(502, 0)
                + statuses.getOrDefault(503, 0);
        assertTrue(serverErrors > 40 && serverErrors < 120, "5xx: " + statuses);
        assertTrue(statuses.getOrDefault(429, 0) > 15 && statuses.getOrDefault(429, 0) < 70, "429: " + statuses);
        assertTrue(statuses.getOrDefault(504, 0) > 5, "held: " + statuses);

        Map<String, Integer> injected = given().get("/simulator/fault-mix").then().statusCode(200)
                .extract().path("injected");
        assertEquals(statuses.getOrDefault(429, 0), injected.get("429"));
        assertEquals(statuses.getOrDefault(504, 0), injected.get("timeout"));

        given().delete("/simulator/fault-mix").then().statusCode(200);
        given().spec(client).queryParam("symbol", "005930").get("/market/orderbook").then().statusCode(200);
    }

    @Test
    void aTokenExpiryRevokesEveryTokenOnSchedule() {
        String token = token();
        given().contentType(ContentType.JSON).body("{\"serverErrors\":0,\"rateLimits\":0,\"timeouts\":0,"
                + "\"tokenExpirySeconds\":1}").put("/simulator/fault-mix").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> given()
                .header("Authorization", "Bearer " + token).queryParam("symbol", "005930")
                .get("/market/orderbook").statusCode() == 401);
        given().get("/simulator/fault-mix").then().body("injected.token_expiry", equalTo(1));
    }

    @Test
    void sharesOutsideZeroToOneAreRefused() {
        given().contentType(ContentType.JSON).body("{\"serverErrors\":1.5,\"rateLimits\":0,\"timeouts\":0}")
                .put("/simulator/fault-mix").then().statusCode(400);
    }

    private static String token() {
        return given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }
}
