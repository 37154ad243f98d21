package dev.marketpipe.simulator.control;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class RecentRequestsTest {

    @BeforeEach
    void clear() {
        given().delete("/simulator/requests").then().statusCode(204);
    }

    @Test
    void everyAnsweredMarketRequestIsRecordedWithItsWindowAndStatusButNotItsToken() {
        String token = given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
        given().header("Authorization", "Bearer " + token).queryParam("symbol", "005930").queryParam("interval", "1m")
                .queryParam("start_date", "2025-03-04T01:00:00Z").queryParam("end_date", "2025-03-04T04:00:00Z")
                .get("/market/data").then().statusCode(200);
        given().queryParam("symbol", "000660").queryParam("interval", "1m").get("/market/data").then().statusCode(401);

        given().queryParam("limit", 10).get("/simulator/requests").then().statusCode(200)
                .body("dropped", equalTo(0))
                .body("requests", hasSize(2))
                .body("requests[0].symbol", equalTo("005930"))
                .body("requests[0].startDate", equalTo("2025-03-04T01:00:00Z"))
                .body("requests[0].endDate", equalTo("2025-03-04T04:00:00Z"))
                .body("requests[0].status", equalTo(200))
                .body("requests[1].status", equalTo(401))
                .body(not(containsString(token)));
        given().queryParam("limit", 1).get("/simulator/requests").then().body("requests", hasSize(1))
                .body("requests[0].symbol", equalTo("000660"));
    }

    @Test
    void aBadLimitIsAProblem() {
        given().queryParam("limit", 0).get("/simulator/requests").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
