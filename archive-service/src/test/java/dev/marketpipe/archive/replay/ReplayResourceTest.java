package dev.marketpipe.archive.replay;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.api.InjectValidatorMock;
import dev.marketpipe.archive.api.ValidatorMock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /v1/replays} and {@code GET /v1/replays/{id}} over the real intake and outbox (validator: WireMock). */
@QuarkusTest
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class ReplayResourceTest {

    @InjectValidatorMock
    WireMockServer validator;

    @Test
    void archivedBatchesAreSentToTheValidatorAgainUnderDeliveryIdsOfTheReplay() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstRef = archive(first, "2024-05-07T00:00:00Z");
        String secondRef = archive(second, "2024-05-07T00:01:00Z");
        await().atMost(Duration.ofSeconds(10)).until(() -> requestsWith("$.batchId", first.toString()) == 1
                && requestsWith("$.batchId", second.toString()) == 1);

        Response started = given().contentType(ContentType.JSON)
                .body(Map.of("from", "2024-05-07", "to", "2024-05-07", "symbols", new String[] {"RPLY1"}))
                .post("/v1/replays");

        started.then().statusCode(202).header("Location", containsString("/v1/replays/"))
                .body("state", org.hamcrest.Matchers.equalTo("RUNNING"))
                .body("progressStorage", org.hamcrest.Matchers.equalTo("memory"));
        UUID replay = UUID.fromString(started.path("id"));
        String location = started.header("Location");
        await().atMost(Duration.ofSeconds(10)).until(
                () -> given().get(location).then().statusCode(200).extract().path("state").equals("SUCCEEDED"));
        given().get(location).then()
                .body("batchesTotal", org.hamcrest.Matchers.equalTo(2))
                .body("batchesSent", org.hamcrest.Matchers.equalTo(2))
                .body("batchesFailed", org.hamcrest.Matchers.equalTo(0))
                .body("bars", org.hamcrest.Matchers.equalTo(2))
                .body("dataTypes", hasItem("market_data"))
                .body("finishedAt", org.hamcrest.Matchers.notNullValue());
        given().get("/v1/replays?limit=1").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(1))
                .body("[0].id", org.hamcrest.Matchers.equalTo(replay.toString()))
                .body("[0].state", org.hamcrest.Matchers.equalTo("SUCCEEDED"));
        for (Map.Entry<UUID, String> sent : Map.of(first, firstRef, second, secondRef).entrySet()) {
            String delivery = ArchivedBatchReader.deliveryId(replay, sent.getKey()).toString();
            assertEquals(1, requestsWith("$.batchId", delivery), "sent once under its delivery id");
            validator.verify(postRequestedFor(urlEqualTo("/v1/validations"))
                    .withRequestBody(matchingJsonPath("$.batchId", equalTo(delivery)))
                    .withRequestBody(matchingJsonPath("$.archiveRef", equalTo(sent.getValue())))
                    .withRequestBody(containing("\"bars\":[{\"timestamp\":\"2025-03-04T00:00:00Z\","
                            + "\"symbol\":\"005930\",\"open\":75000,\"high\":75500,\"low\":74800,\"close\":75200.50")));
        }
    }

    @Test
    void badRequestsAreAnsweredWithProblemJson() {
        badRequest(Map.of("to", "2025-03-04"), "from");
        badRequest(Map.of("from", "2025-03-05", "to", "2025-03-04"), "must not be before from");
        badRequest(Map.of("from", "2025-01-01", "to", "2025-12-31"), "at most 92");
        badRequest(Map.of("from", "2025-03-04", "to", "2025-03-04", "symbols", new String[] {"../etc"}), "symbols");
        badRequest(Map.of("from", "2025-03-04", "to", "2025-03-04", "dataTypes", new String[] {"trades"}),
                "unknown data type 'trades'");
        badRequest(Map.of("from", "2025-03-04", "to", "2025-03-04", "dataTypes", new String[] {"positions"}),
                "positions cannot be replayed");
        badRequest(Map.of("from", "yesterday", "to", "2025-03-04"), "from");
        given().contentType(ContentType.JSON).post("/v1/replays").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void aListLimitOutsideItsRangeIsProblemJson() {
        given().get("/v1/replays?limit=0").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void unknownReplayIs404ProblemJson() {
        given().get("/v1/replays/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", startsWith("no replay"));
    }

    private void badRequest(Map<String, Object> body, String mentioned) {
        Response response = given().contentType(ContentType.JSON).body(body).post("/v1/replays");
        response.then().statusCode(400).contentType(startsWith("application/problem+json"));
        String text = response.asString();
        if (!text.contains(mentioned)) {
            throw new AssertionError("the problem should mention '" + mentioned + "': " + text);
        }
    }

    private String archive(UUID id, String windowStart) {
        return given().contentType(ContentType.JSON).body(TestBatches.body(id, "RPLY1", windowStart))
                .post("/v1/batches").then().statusCode(201).extract().path("archiveRef");
    }

    private int requestsWith(String path, String value) {
        return validator.findAll(postRequestedFor(urlEqualTo("/v1/validations"))
                .withRequestBody(matchingJsonPath(path, equalTo(value)))).size();
    }
}
