package dev.marketpipe.collector.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BackfillResourceTest {

    WireMockServer wireMock;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        breakers.resetAll();
    }

    @Test
    void backfillRequestsEachTradingDayOfEachSymbolAndArchivesEveryResponse() {
        // Mon 2025-03-10 .. Sun 2025-03-16: five trading days, no request for the weekend
        String location = given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\",\"000660\"],\"interval\":\"1m\",\"from\":\"2025-03-10\",\"to\":\"2025-03-16\"}")
                .when().post("/v1/backfills")
                .then().statusCode(202)
                .header("Location", notNullValue())
                .body("state", equalTo("RUNNING"))
                .body("requestsTotal", equalTo(10))
                .extract().header("Location");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get(location)
                .then().statusCode(200).body("state", equalTo("SUCCEEDED")));
        given().when().get(location).then()
                .body("requestsDone", equalTo(10))
                .body("batches", equalTo(10))
                .body("records", equalTo(20))
                .body("errors", equalTo(0));

        wireMock.verify(10, getRequestedFor(urlPathEqualTo("/market/data")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")).withQueryParam("start_date", WireMock.equalTo("2025-03-15")));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/market/data")).withQueryParam("start_date", WireMock.equalTo("2025-03-14")));
        wireMock.verify(10, postRequestedFor(urlEqualTo("/v1/batches"))
                .withRequestBody(matchingJsonPath("$.rawResponse.status", WireMock.equalTo("success")))
                .withRequestBody(matchingJsonPath("$.source", WireMock.equalTo("primary")))
                .withRequestBody(matchingJsonPath("$.dataType", WireMock.equalTo("market_data"))));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/batches"))
                .withRequestBody(matchingJsonPath("$.symbol", WireMock.equalTo("005930")))
                .withRequestBody(matchingJsonPath("$.windowStart", WireMock.equalTo("2025-03-14T00:00:00Z")))
                .withRequestBody(matchingJsonPath("$.windowEnd", WireMock.equalTo("2025-03-14T06:30:00Z"))));
    }

    @Test
    void dailyBarsAreOneRequestPerSymbolForTheWholeRange() {
        String location = given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\"],\"interval\":\"1d\",\"from\":\"2025-03-10\",\"to\":\"2025-03-14\"}")
                .when().post("/v1/backfills")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get(location)
                .then().body("state", equalTo("SUCCEEDED")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data"))
                .withQueryParam("interval", WireMock.equalTo("1d"))
                .withQueryParam("start_date", WireMock.equalTo("2025-03-10"))
                .withQueryParam("end_date", WireMock.equalTo("2025-03-14")));
    }

    @Test
    void archiveOutageIsRiddenOutAndTheBatchStillArrives() {
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).inScenario("down").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).inScenario("down").whenScenarioStateIs("still down")
                .willReturn(aResponse().withStatus(507)).willSetStateTo("up"));
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).inScenario("down").whenScenarioStateIs("up")
                .willReturn(okJson("{\"batchId\":\"00000000-0000-0000-0000-000000000001\",\"archiveRef\":\"r\",\"sha256\":\"0\",\"bytes\":1,\"duplicate\":false}").withStatus(201)));
        String location = given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\"],\"interval\":\"1m\",\"from\":\"2025-03-04\",\"to\":\"2025-03-04\"}")
                .when().post("/v1/backfills").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get(location)
                .then().body("state", equalTo("SUCCEEDED")).body("batches", equalTo(1)));
        wireMock.verify(3, postRequestedFor(urlEqualTo("/v1/batches")));
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void failedRequestIsCountedAndTheJobFinishesAsFailed() {
        wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/market/data"))
                .willReturn(aResponse().withStatus(400)));
        String location = given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\"],\"interval\":\"5m\",\"from\":\"2025-03-04\",\"to\":\"2025-03-04\"}")
                .when().post("/v1/backfills").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get(location)
                .then().body("state", equalTo("FAILED")).body("errors", equalTo(1))
                .body("lastError", startsWith("005930 5m 2025-03-04")));
    }

    @Test
    void rangeWithoutTradingDaysFinishesAtOnceWithoutRequests() {
        given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\"],\"interval\":\"1m\",\"from\":\"2025-03-08\",\"to\":\"2025-03-09\"}")
                .when().post("/v1/backfills")
                .then().statusCode(202).body("state", equalTo("SUCCEEDED")).body("requestsTotal", equalTo(0));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void reversedRangeIsAProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\"],\"interval\":\"1m\",\"from\":\"2025-03-09\",\"to\":\"2025-03-03\"}")
                .when().post("/v1/backfills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", startsWith("'from' (2025-03-09) is after 'to'"));
    }

    @Test
    void missingFieldsAndBadSymbolsAreListed() {
        given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\",\"../etc\"],\"from\":\"2025-03-03\",\"to\":\"2025-03-04\"}")
                .when().post("/v1/backfills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasItem(startsWith("request.interval")))
                .body("errors", hasItem(startsWith("request.symbols[1]")));
    }

    @Test
    void unknownIntervalAndMalformedJsonAreProblems() {
        given().contentType(ContentType.JSON)
                .body("{\"symbols\":[\"005930\"],\"interval\":\"7m\",\"from\":\"2025-03-03\",\"to\":\"2025-03-04\"}")
                .when().post("/v1/backfills")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"symbols\":[")
                .when().post("/v1/backfills")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownJobIs404Problem() {
        given().when().get("/v1/backfills/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
