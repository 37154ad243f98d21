package dev.marketpipe.collector.api;

import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class CalendarResourceTest {

    @Test
    void listsTradingSessionsSkippingWeekendAndSeollal() {
        given().queryParam("from", "2025-01-24").queryParam("to", "2025-02-03")
                .when().get("/v1/calendar/sessions")
                .then().statusCode(200)
                .body("date", contains("2025-01-24", "2025-01-31", "2025-02-03"))
                .body("[0].open", equalTo("2025-01-24T00:00:00Z"))
                .body("[0].close", equalTo("2025-01-24T06:30:00Z"));
    }

    @Test
    void badDatesAreProblems() {
        given().queryParam("from", "2025-13-01").queryParam("to", "2025-02-03")
                .when().get("/v1/calendar/sessions")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("to", "2025-02-03")
                .when().get("/v1/calendar/sessions")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
