package dev.marketpipe.archive.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The wiring of the old-backlog rule: with a threshold of half a second, a batch the validator keeps refusing with
 * 503 takes readiness DOWN (liveness stays UP) until it is acknowledged. The clock-driven rule itself is
 * {@code OutboxBacklogReadinessTest}.
 */
@QuarkusTest
@TestProfile(OldBacklogTest.ImpatientReadiness.class)
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class OldBacklogTest {

    public static class ImpatientReadiness implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.archive.outbox.max-backlog-age", "500ms");
        }
    }

    @InjectValidatorMock
    WireMockServer validator;

    @Test
    void oldBacklogTakesReadinessDownAndAcknowledgementBringsItBack() {
        UUID id = UUID.randomUUID();
        StubMapping down = validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(id.toString())))
                .willReturn(aResponse().withStatus(503)));
        given().contentType(ContentType.JSON).body(TestBatches.body(id, "OLDBL", "2024-08-01T00:00:00Z"))
                .post("/v1/batches").then().statusCode(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get(Management.url("/q/health/ready")).then()
                .statusCode(503)
                .body("checks.find { it.name == 'outbox-backlog' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'outbox-backlog' }.data.backlog", equalTo(1))
                .body("checks.find { it.name == 'outbox-backlog' }.data.reason", containsString("max-backlog-age"))
                .body("checks.find { it.name == 'disk_space' }.status", equalTo("UP")));
        given().get(Management.url("/q/health/live")).then().statusCode(200);
        given().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(containsString("marketpipe_archive_outbox_backlog_batches 1.0"));

        validator.removeStub(down);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get(Management.url("/q/health/ready")).then()
                .statusCode(200).body("checks.name", hasItem("outbox-backlog")));
    }
}
