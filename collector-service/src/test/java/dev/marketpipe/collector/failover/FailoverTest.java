package dev.marketpipe.collector.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.collection.WindowCollector;
import dev.marketpipe.collector.outcome.CollectionLogOutbox;
import dev.marketpipe.collector.provider.BarsPage;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.provider.Sourced;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.CollectionLogRows;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The backup source: failover after 3 consecutive failed primary calls, failback when the probe gets an answer, batches
 * that say which source answered, and reconciliation of daily bars. The primary and the backup are two WireMock
 * stand-ins (the backup under {@code /backup}).
 */
@QuarkusTest
@TestProfile(FailoverTest.FailoverOn.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class FailoverTest {

    public static class FailoverOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.collector.failover.enabled", "true",
                    "marketpipe.collector.failover.after-consecutive-failures", "3");
        }
    }

    private static final BarsQuery QUERY = new BarsQuery("005930", BarInterval.ONE_MINUTE, "2025-03-04", "2025-03-04", 1);
    private static final String DAILY = """
            {"status":"success","data":[
              {"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":75000,"high":75500,"low":74800,"close":%s,"volume":1500,"value":112800000},
              {"timestamp":"2025-03-05T00:00:00Z","symbol":"005930","open":75200,"high":75300,"low":75100,"close":75100,"volume":900,"value":67590000}
            ],"meta":{"total_records":2,"page":1,"total_pages":1,"limit":1000}}""";

    WireMockServer wireMock;

    @Inject
    ProviderRouter router;

    @Inject
    WindowCollector collector;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    MeterRegistry registry;

    @Inject
    CollectionLogOutbox outbox;

    @BeforeEach
    void reset() {
        // reports of the previous test are sent in the background: let them arrive before the journal is cleared
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        ApiStubs.reset(wireMock);
        breakers.resetAll();
        router.probePrimary(); // every test starts on a healthy primary
        wireMock.resetRequests();
    }

    private double gauge() {
        return registry.get("marketpipe.collector.source.active").gauge().value();
    }

    private void primaryAnswers503() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(503)));
    }

    @Test
    void failedPrimaryCallsAreServedByTheBackupAndTheThirdSwitchesCollectionOver() {
        primaryAnswers503();
        double switches = registry.counter("marketpipe.collector.source.switches", "to", "backup").count();
        for (int call = 1; call <= 3; call++) {
            Sourced<BarsPage> answer = router.fetchBars(QUERY);
            assertEquals(SourceRole.BACKUP, answer.source(), "call " + call + " is served by the backup");
            assertEquals("simulator-backup", answer.provider());
            assertEquals(call < 3 ? SourceRole.PRIMARY : SourceRole.BACKUP, router.active(), "after call " + call);
        }
        wireMock.verify(12, getRequestedFor(urlPathEqualTo("/market/data"))); // 3 calls × (1 + 3 retries)
        assertEquals(1.0, gauge());
        assertEquals(switches + 1, registry.counter("marketpipe.collector.source.switches", "to", "backup").count());

        router.fetchBars(QUERY);
        wireMock.verify(12, getRequestedFor(urlPathEqualTo("/market/data"))); // the primary is no longer asked
        wireMock.verify(4, getRequestedFor(urlPathEqualTo(ApiStubs.BACKUP + "/market/data"))
                .withHeader("Authorization", WireMock.equalTo("Bearer backup-tok")));

        List<JsonNode> rows = CollectionLogRows.awaitRows(wireMock, 3);
        for (JsonNode row : rows) {
            assertEquals("warning", row.path("status").asText(), "served by the backup: " + row);
            assertEquals("primary", row.path("source").asText());
            assertEquals("server_error", row.path("errorType").asText());
            assertEquals(4, row.path("attempts").asInt());
        }
    }

    @Test
    void theProbeSwitchesBackOnceThePrimaryAnswers() {
        primaryAnswers503();
        for (int call = 0; call < 3; call++) {
            router.fetchBars(QUERY);
        }
        assertEquals(SourceRole.BACKUP, router.active());
        breakers.resetAll();

        assertEquals(false, router.probePrimary(), "the primary still answers 503");
        assertEquals(SourceRole.BACKUP, router.active());

        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(okJson(ApiStubs.TWO_BARS)));
        assertEquals(true, router.probePrimary());
        assertEquals(SourceRole.PRIMARY, router.active());
        assertEquals(0.0, gauge());
        wireMock.resetRequests();
        assertEquals(SourceRole.PRIMARY, router.fetchBars(QUERY).source());
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(ApiStubs.BACKUP + "/market/data")));
    }

    @Test
    void badRequestsAreNotTheProvidersFaultAndNeverFailOver() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(400)));
        for (int call = 0; call < 4; call++) {
            assertThrows(ProviderException.Rejected.class, () -> router.fetchBars(QUERY));
        }
        assertEquals(SourceRole.PRIMARY, router.active());
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(ApiStubs.BACKUP + "/market/data")));
    }

    @Test
    void whenBothSourcesFailTheRequestFailsAndBothAreLogged() {
        primaryAnswers503();
        wireMock.stubFor(get(urlPathEqualTo(ApiStubs.BACKUP + "/market/data")).willReturn(aResponse().withStatus(500)));
        assertThrows(ProviderException.Unavailable.class, () -> router.fetchBars(QUERY));
        List<JsonNode> rows = CollectionLogRows.awaitRows(wireMock, 2);
        assertEquals(List.of("backup error", "primary error"), rows.stream()
                .map(r -> r.path("source").asText() + " " + r.path("status").asText()).sorted().toList());
    }

    @Test
    void eachRequestCountsOnceByHowItEndedNotByItsAttempts() {
        double served = collections("success", "none");
        double failed = collections("failed", "server_error");
        long timed = collectionTimes();
        primaryAnswers503();
        router.fetchBars(QUERY); // 4 failed attempts on the primary, then the backup answers: one success
        assertEquals(served + 1, collections("success", "none"));
        assertEquals(failed, collections("failed", "server_error"));

        wireMock.stubFor(get(urlPathEqualTo(ApiStubs.BACKUP + "/market/data")).willReturn(aResponse().withStatus(500)));
        assertThrows(ProviderException.Unavailable.class, () -> router.fetchBars(QUERY));
        assertEquals(served + 1, collections("success", "none"));
        assertEquals(failed + 1, collections("failed", "server_error"), "no source answered: one failure");
        assertEquals(timed + 2, collectionTimes(), "each request timed once, retries and failover included");
    }

    private long collectionTimes() {
        return registry.get("marketpipe.collector.collection.duration").tag("data_type", "market_data").timer().count();
    }

    private double collections(String outcome, String errorType) {
        return registry.counter("marketpipe.collector.collections", "data_type", "market_data", "outcome", outcome,
                "error_type", errorType).count();
    }

    @Test
    void batchesFromTheBackupSaySo() {
        primaryAnswers503();
        Instant open = Instant.parse("2025-03-04T00:00:00Z");
        collector.collect(new FetchWindow("005930", BarInterval.ONE_MINUTE, "2025-03-04", "2025-03-04", open,
                open.plusSeconds(23_400)));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/batches"))
                .withRequestBody(matchingJsonPath("$.source", WireMock.equalTo("backup")))
                .withRequestBody(matchingJsonPath("$.provider", WireMock.equalTo("simulator-backup"))));
    }

    @Test
    void reconciliationReportsEveryValueTheSourcesDisagreeOn() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).withQueryParam("interval", WireMock.equalTo("1d"))
                .willReturn(okJson(DAILY.formatted("75200"))));
        wireMock.stubFor(get(urlPathEqualTo(ApiStubs.BACKUP + "/market/data"))
                .withQueryParam("interval", WireMock.equalTo("1d")).willReturn(okJson(DAILY.formatted("75300"))));

        given().contentType(ContentType.JSON)
                .body("{\"from\":\"2025-03-04\",\"to\":\"2025-03-05\",\"symbols\":[\"005930\"]}")
                .when().post("/v1/reconciliation")
                .then().statusCode(200)
                .body("compared", equalTo(2))
                .body("discrepancies", hasSize(1))
                .body("discrepancies[0].symbol", equalTo("005930"))
                .body("discrepancies[0].date", equalTo("2025-03-04"))
                .body("discrepancies[0].field", equalTo("close"))
                .body("discrepancies[0].primary", equalTo("75200"))
                .body("discrepancies[0].backup", equalTo("75300"));
        given().when().get("/v1/reconciliation").then().statusCode(200)
                .body("discrepancies[0].field", equalTo("close")).body("symbols", equalTo(List.of("005930")));
        assertEquals(1.0, registry.get("marketpipe.collector.reconciliation.discrepancies").gauge().value());
    }

    @Test
    void reconciliationRequestsAreValidated() {
        given().contentType(ContentType.JSON).body("{\"from\":\"2025-03-09\",\"to\":\"2025-03-03\",\"symbols\":[\"005930\"]}")
                .when().post("/v1/reconciliation")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("is after"));
        given().contentType(ContentType.JSON).body("{\"from\":\"2025-03-03\",\"to\":\"2025-03-04\",\"symbols\":[]}")
                .when().post("/v1/reconciliation")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"from\":\"2024-01-01\",\"to\":\"2025-12-31\",\"symbols\":[\"005930\"]}")
                .when().post("/v1/reconciliation")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
