package dev.marketpipe.archive.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.testsupport.LogCapture;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logs: the archive's lines about one batch carry its id (MDC batchId) — the request thread that writes
 * it and the outbox thread that forwards it, retry included.
 */
@QuarkusTest
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class BatchIdLoggingTest {

    @InjectValidatorMock
    WireMockServer validator;

    @Test
    void receivingWritingAndForwardingABatchLogUnderItsId() {
        UUID id = UUID.randomUUID();
        String scenario = "once-unavailable-" + id;
        validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("accepting")
                .willReturn(aResponse().withStatus(503)));
        validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))
                .inScenario(scenario).whenScenarioStateIs("accepting")
                .willReturn(okJson("{\"duplicate\":false}")));

        try (LogCapture logs = LogCapture.start()) {
            given().contentType(ContentType.JSON).body(TestBatches.body(id, "LOGID", "2025-03-04T00:00:00Z"))
                    .post("/v1/batches").then().statusCode(201);
            // written, forwarding failed once, delivered after the failure
            await().atMost(Duration.ofSeconds(15)).until(() -> logs.mentioning(id.toString()).size() >= 3);

            List<LogCapture.Line> handling = logs.mentioning(id.toString());
            handling.forEach(line -> assertEquals(id.toString(), line.batchId(), "MDC batchId on " + line));
            assertTrue(handling.stream().anyMatch(l -> l.message().startsWith("archived batch")), "intake line");
            assertTrue(handling.stream().anyMatch(l -> l.message().contains("delivered after 1 failed")),
                    "forwarder line: " + handling);
            assertTrue(handling.stream().map(LogCapture.Line::thread).distinct().count() >= 2,
                    "request thread and outbox thread: " + handling);
        }
    }
}
