package dev.marketpipe.simulator.control;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

@QuarkusTest
class ArrivalApiTest {

    @Test
    void everySecuritiesApiRequestIsNotedEvenRefusedOnesButControlCallsAreNot() {
        given().delete("/simulator/arrivals").then().statusCode(204);
        given().get("/market/data").then().statusCode(401); // no token: refused, but it arrived
        given().contentType("application/json").body("{\"grant_type\":\"client_credentials\",\"appkey\":\"x\",\"appsecret\":\"y\"}")
                .post("/oauth/token").then().statusCode(401);
        given().get("/simulator/stats").then().statusCode(200);
        given().get("/simulator/arrivals")
                .then().statusCode(200)
                .body("requests", equalTo(2))
                .body("busiestSecond", greaterThanOrEqualTo(1));
    }
}
