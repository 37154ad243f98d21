package dev.marketpipe.collector;

import dev.marketpipe.testsupport.PostgresTestResource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.BarsPage;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.ProviderException;
import dev.marketpipe.collector.provider.SecuritiesApiClient;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The spec §7.1 error table, row by row, against a WireMock securities API. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class SecuritiesApiClientTest {

    private static final BarsQuery QUERY = new BarsQuery("005930", BarInterval.ONE_MINUTE, "2025-03-04", "2025-03-04", 1);

    WireMockServer wireMock;

    @Inject
    SecuritiesApiClient client;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AccessTokens tokens;

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        breakers.resetAll();
        tokens.authorization(); // every test starts holding a valid token
        wireMock.resetRequests();
    }

    @Test
    void successfulAnswerIsReadIntoBarsAndKeepsTheRawBody() {
        BarsPage page = client.fetchBars(QUERY, new AtomicInteger());
        assertEquals(2, page.bars().size());
        assertEquals(Instant.parse("2025-03-04T00:00:00Z"), page.bars().get(0).timestamp());
        assertEquals(0, new BigDecimal("75500").compareTo(page.bars().get(0).high()));
        assertEquals("success", page.rawResponse().path("status").asText());
        assertEquals(1, page.attempts());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data"))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withQueryParam("symbol", equalTo("005930"))
                .withQueryParam("interval", equalTo("1m"))
                .withQueryParam("start_date", equalTo("2025-03-04")));
    }

    @Test
    void missingFieldStaysNullForTheValidatorToJudge() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(okJson("""
                {"status":"success","data":[{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":1,"high":2,"low":1,"volume":5}],
                 "meta":{"total_records":1,"page":1,"total_pages":1}}""")));
        BarsPage page = client.fetchBars(QUERY, new AtomicInteger());
        assertNull(page.bars().get(0).close());
    }

    @Test
    void rateLimitWaitsForRetryAfterThenRetries() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(ApiStubs.TWO_BARS)));
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        client.fetchBars(QUERY, attempts);
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(2, attempts.get());
        assertTrue(waitedMs >= 1000, "Retry-After: 1 must be honoured, waited only " + waitedMs + " ms");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void badRequestIsSkippedWithoutRetry() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(400)
                .withBody("{\"detail\":\"unknown interval\"}")));
        ProviderException.Rejected e = assertThrows(ProviderException.Rejected.class,
                () -> client.fetchBars(QUERY, new AtomicInteger()));
        assertEquals(400, e.status());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void serverErrorIsRetriedThreeTimesThenFails() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(500)));
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(ProviderException.Unavailable.class, () -> client.fetchBars(QUERY, attempts));
        assertEquals(4, attempts.get());
        wireMock.verify(4, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void timeoutIsRetriedThreeTimesThenFails() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(okJson(ApiStubs.TWO_BARS).withFixedDelay(2500)));
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(RuntimeException.class, () -> client.fetchBars(QUERY, attempts));
        assertEquals(4, attempts.get());
    }

    @Test
    void expiredTokenIsRenewedOnceAndTheRequestRepeated() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("401").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("401").whenScenarioStateIs("renewed")
                .willReturn(okJson(ApiStubs.TWO_BARS)));
        client.fetchBars(QUERY, new AtomicInteger());
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/market/data")));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void persistentAuthFailureIsNotRetriedInALoop() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(401)));
        assertThrows(ProviderException.AuthenticationFailed.class, () -> client.fetchBars(QUERY, new AtomicInteger()));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/market/data")));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }
}
