package dev.marketpipe.archive.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.marketpipe.archive.TestBatches;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET /v1/batches} over HTTP, with the real forwarder and a WireMock validator. Each test uses its own day. */
@QuarkusTest
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BatchListingResourceTest {

    @InjectValidatorMock
    WireMockServer validator;

    @Test
    void batchIsQueuedWhileTheValidatorIsDownAndForwardedOnceItAcknowledges() {
        UUID id = UUID.randomUUID();
        StubMapping down = validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))
                .willReturn(aResponse().withStatus(503)));
        String ref = archive(id, "LSTQ", "2024-06-03T00:00:00Z");

        given().queryParam("date", "2024-06-03").get("/v1/batches").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("from", org.hamcrest.Matchers.equalTo("2024-06-03"))
                .body("items.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].batchId", org.hamcrest.Matchers.equalTo(id.toString()))
                .body("items[0].dataType", org.hamcrest.Matchers.equalTo("market_data"))
                .body("items[0].symbol", org.hamcrest.Matchers.equalTo("LSTQ"))
                .body("items[0].interval", org.hamcrest.Matchers.equalTo("1m"))
                .body("items[0].source", org.hamcrest.Matchers.equalTo("primary"))
                .body("items[0].archiveRef", org.hamcrest.Matchers.equalTo(ref))
                .body("items[0].state", org.hamcrest.Matchers.equalTo("queued"))
                .body("nextCursor", nullValue());

        validator.removeStub(down);

        await().atMost(Duration.ofSeconds(10)).until(() -> "forwarded".equals(stateOf("2024-06-03", id)));
    }

    @Test
    void batchTheValidatorRefusesIsListedDeadLettered() {
        UUID id = UUID.randomUUID();
        validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))
                .willReturn(aResponse().withStatus(422)));
        archive(id, "LSTD", "2024-06-04T00:00:00Z");

        await().atMost(Duration.ofSeconds(10)).until(() -> "dead_lettered".equals(stateOf("2024-06-04", id)));
        given().queryParam("date", "2024-06-04").queryParam("state", "dead_lettered").get("/v1/batches")
                .then().statusCode(200).body("items.batchId", org.hamcrest.Matchers.contains(id.toString()));
        given().queryParam("date", "2024-06-04").queryParam("state", "forwarded").get("/v1/batches")
                .then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void pagesOverARangeListEveryBatchOnce() {
        List<String> archived = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            archive(id, "PG" + i, "2024-06-0" + (5 + i % 2) + "T00:00:00Z");
            archived.add(id.toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("from", "2024-06-05").queryParam("to", "2024-06-06")
                    .queryParam("dataType", "market_data").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/v1/batches").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.batchId", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(3, pages);
        assertEquals(archived.size(), seen.size());
        assertEquals(new HashSet<>(archived), new HashSet<>(seen));
        given().queryParam("date", "2024-06-05").queryParam("symbol", "PG0").get("/v1/batches").then()
                .statusCode(200).body("items.symbol", org.hamcrest.Matchers.contains("PG0"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no date at all                 | dataType=market_data                      | date (YYYY-MM-DD) is required",
        "date not a date                | date=2024-13-01                           | date must be a date YYYY-MM-DD",
        "date and range together        | date=2024-06-03&from=2024-06-01&to=2024-06-03 | either date or from and to",
        "range without its end          | from=2024-06-01                           | date (YYYY-MM-DD) is required",
        "range backwards                | from=2024-06-05&to=2024-06-01             | must not be after to",
        "range too long                 | from=2024-01-01&to=2024-03-01             | at most 31 per request",
        "unknown data type              | date=2024-06-03&dataType=quotes           | dataType must be one of",
        "unknown state                  | date=2024-06-03&state=done                | state must be one of",
        "symbol not a symbol            | date=2024-06-03&symbol=a/b                | symbol must match",
        "limit zero                     | date=2024-06-03&limit=0                   | limit must be a whole number",
        "limit too large                | date=2024-06-03&limit=5000                | limit must be a whole number",
        "limit not a number             | date=2024-06-03&limit=ten                 | limit must be a whole number",
        "cursor not issued by us        | date=2024-06-03&cursor=bm90LWEtY3Vyc29y   | cursor is not one this endpoint issued",
    })
    void badQueryIs400ProblemJsonSayingWhatToSend(String name, String query, String detail) {
        given().get("/v1/batches?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(400))
                .body("detail", containsString(detail));
    }

    @Test
    void cursorOfAnotherRangeIs400() {
        archive(UUID.randomUUID(), "CUR1", "2024-06-07T00:00:00Z");
        archive(UUID.randomUUID(), "CUR2", "2024-06-07T00:00:00Z");
        String cursor = given().queryParam("date", "2024-06-07").queryParam("limit", 1).get("/v1/batches")
                .then().statusCode(200).extract().path("nextCursor");

        given().queryParam("date", "2024-06-08").queryParam("cursor", cursor).get("/v1/batches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("outside"));
    }

    private static String archive(UUID id, String symbol, String windowStart) {
        return given().contentType(ContentType.JSON).body(TestBatches.body(id, symbol, windowStart))
                .post("/v1/batches").then().statusCode(201).extract().path("archiveRef");
    }

    private static String stateOf(String date, UUID id) {
        List<Map<String, Object>> items = given().queryParam("date", date).get("/v1/batches").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> id.toString().equals(i.get("batchId")))
                .map(i -> (String) i.get("state")).findFirst().orElse(null);
    }
}
