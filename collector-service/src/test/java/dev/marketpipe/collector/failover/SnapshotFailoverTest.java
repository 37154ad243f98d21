package dev.marketpipe.collector.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.outcome.CollectionLogOutbox;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.CollectionLogRows;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backup source for the order-book and account data types: their requests go through the same failover as
 * bars (a call the primary failed for good is asked of the backup, X failed calls switch collection over, a 400 is
 * skipped), their batches say which source answered, and each call's outcome reaches the collection log once.
 */
@QuarkusTest
@TestProfile(FailoverTest.FailoverOn.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class SnapshotFailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer wireMock;

    @Inject
    ProviderRouter router;

    @Inject
    SnapshotCollector snapshots;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    CollectionLogOutbox outbox;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void reset() {
        // reports of the previous test are sent in the background: let them arrive before the journal is cleared
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        ApiStubs.reset(wireMock);
        for (String prefix : List.of("", ApiStubs.BACKUP)) {
            wireMock.stubFor(get(urlPathEqualTo(prefix + "/market/orderbook"))
                    .willReturn(okJson(ApiStubs.BOOK)));
            wireMock.stubFor(get(urlPathEqualTo(prefix + "/account/info"))
                    .willReturn(okJson(ApiStubs.ACCOUNT)));
            wireMock.stubFor(get(urlPathEqualTo(prefix + "/positions"))
                    .willReturn(okJson(ApiStubs.POSITIONS)));
        }
        breakers.resetAll();
        router.probePrimary(); // every test starts on a healthy primary
        wireMock.resetRequests();
    }

    private void primaryAnswers(String path, int status) {
        wireMock.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"error\"}")));
    }

    private List<JsonNode> archivedBatches() throws IOException {
        List<JsonNode> batches = new ArrayList<>();
        for (LoggedRequest request : wireMock.findAll(postRequestedFor(urlEqualTo("/v1/batches")))) {
            batches.add(JSON.readTree(request.getBodyAsString()));
        }
        return batches;
    }

    @Test
    void anOrderBookThePrimaryCannotServeComesFromTheBackupAndOneWarningRowIsLogged() throws Exception {
        primaryAnswers("/market/orderbook", 503);

        SnapshotCollector.Outcome outcome = snapshots.orderBook("005930");

        assertEquals(1, outcome.records());
        wireMock.verify(4, getRequestedFor(urlPathEqualTo("/market/orderbook"))); // 1 + 3 retries on the primary
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(ApiStubs.BACKUP + "/market/orderbook"))
                .withHeader("Authorization", equalTo("Bearer backup-tok")));
        List<JsonNode> batches = archivedBatches();
        assertEquals(1, batches.size());
        assertEquals("orderbook", batches.get(0).path("dataType").asText());
        assertEquals("backup", batches.get(0).path("source").asText());
        assertEquals("simulator-backup", batches.get(0).path("provider").asText());
        assertEquals(SourceRole.PRIMARY, router.active(), "one failed call is not X = 3");

        JsonNode row = CollectionLogRows.awaitRows(wireMock, 1).get(0);
        assertEquals("orderbook", row.path("dataType").asText());
        assertEquals("005930", row.path("symbol").asText());
        assertTrue(row.path("interval").isNull());
        assertEquals("warning", row.path("status").asText(), "served by the backup: " + row);
        assertEquals("primary", row.path("source").asText());
        assertEquals("server_error", row.path("errorType").asText());
        assertEquals(4, row.path("attempts").asInt());
    }

    @Test
    void accountInfoThePrimaryCannotServeComesFromTheBackupWithTheNumberStillMasked() throws Exception {
        primaryAnswers("/account/info", 500);

        given().post("/v1/collections/account_info/run").then().statusCode(200).body("records", is(1));

        JsonNode batch = archivedBatches().get(0);
        assertEquals("account_info", batch.path("dataType").asText());
        assertEquals("backup", batch.path("source").asText());
        assertEquals("simulator-backup", batch.path("provider").asText());
        assertEquals("1234****-01", batch.path("records").path("accounts").get(0).path("accountMasked").asText());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(ApiStubs.BACKUP + "/account/info")));

        JsonNode row = CollectionLogRows.awaitRows(wireMock, 1).get(0);
        assertEquals("account_info", row.path("dataType").asText());
        assertTrue(row.path("symbol").isNull());
        assertEquals("warning", row.path("status").asText());
        assertEquals("primary", row.path("source").asText());
        assertFalse(row.toString().contains("12345678"), "no account number in the log row: " + row);
    }

    @Test
    void failedSnapshotCallsCountTowardsTheSwitchAndThenTheBackupServesDirectly() throws Exception {
        primaryAnswers("/market/orderbook", 503);
        for (int call = 1; call <= 3; call++) {
            snapshots.orderBook("005930");
            assertEquals(call < 3 ? SourceRole.PRIMARY : SourceRole.BACKUP, router.active(), "after call " + call);
        }
        CollectionLogRows.awaitRows(wireMock, 3);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        wireMock.resetRequests();

        snapshots.accountInfo();

        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/account/info"))); // the primary is no longer asked
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(ApiStubs.BACKUP + "/account/info")));
        assertEquals("backup", archivedBatches().get(0).path("source").asText());
        assertEquals(0, CollectionLogRows.all(wireMock).size(), "the backup answered: nothing to report");
    }

    @Test
    void aBadRequestOnASnapshotIsSkippedWithoutRetryOrFailoverAndLoggedOnceEach() {
        primaryAnswers("/positions", 400);
        double alerts = registry.find("marketpipe.collector.api.alerts").counters().stream()
                .mapToDouble(c -> c.count()).sum();

        for (int call = 0; call < 4; call++) {
            assertThrows(ProviderException.Rejected.class, () -> snapshots.positions());
        }

        wireMock.verify(4, getRequestedFor(urlPathEqualTo("/positions"))); // one request per call, no retry
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(ApiStubs.BACKUP + "/positions")));
        wireMock.verify(0, postRequestedFor(urlEqualTo("/v1/batches")));
        assertEquals(SourceRole.PRIMARY, router.active(), "a 400 is not the provider's fault");
        for (JsonNode row : CollectionLogRows.awaitRows(wireMock, 4)) {
            assertEquals("positions", row.path("dataType").asText());
            assertEquals("error", row.path("status").asText());
            assertEquals("bad_request", row.path("errorType").asText());
            assertEquals("primary", row.path("source").asText());
            assertEquals(1, row.path("attempts").asInt());
        }
        assertEquals(alerts, registry.find("marketpipe.collector.api.alerts").counters().stream()
                .mapToDouble(c -> c.count()).sum(), "a 400 does not alert");
    }

    @Test
    void whenBothSourcesFailAnOrderBookIsNotCollectedAndEachSourceIsLoggedOnce() {
        primaryAnswers("/market/orderbook", 503);
        primaryAnswers(ApiStubs.BACKUP + "/market/orderbook", 502);

        assertThrows(ProviderException.Unavailable.class, () -> snapshots.orderBook("005930"));

        wireMock.verify(0, postRequestedFor(urlEqualTo("/v1/batches")));
        List<JsonNode> rows = CollectionLogRows.awaitRows(wireMock, 2);
        assertEquals(List.of("backup error 4", "primary error 4"), rows.stream()
                .map(r -> r.path("source").asText() + " " + r.path("status").asText() + " " + r.path("attempts").asInt())
                .sorted().toList());
    }
}
