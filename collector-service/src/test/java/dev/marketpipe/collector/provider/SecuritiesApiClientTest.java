package dev.marketpipe.collector.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.failover.ProviderRouter;
import dev.marketpipe.collector.outcome.CollectionLogOutbox;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.CollectionLogRows;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API error table of {@link SecuritiesApiClient}, row by row, against a WireMock securities API: attempts, waits,
 * re-authentication, skip, the alert counter and the data_collection_log row posted to the (WireMock) loader. Then the
 * token lifecycle: reuse, at most one request per minimum interval, no loop.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class SecuritiesApiClientTest {

    private static final BarsQuery QUERY = new BarsQuery("005930", BarInterval.ONE_MINUTE, "2025-03-04", "2025-03-04", 1);
    /** Each test starts an hour after the previous one, so the token-request interval never carries over. */
    private static final AtomicLong HOURS = new AtomicLong();
    private static final Instant START = Instant.now().plus(Duration.ofDays(1));

    WireMockServer wireMock;

    @Inject
    SecuritiesApiClient client;

    @Inject
    ProviderRouter router;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AccessTokens tokens;

    @Inject
    MeterRegistry registry;

    private MutableClock clock;

    @Inject
    CollectionLogOutbox outbox;

    @BeforeEach
    void reset() {
        // reports of the previous test are sent in the background: let them arrive before the journal is cleared
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        ApiStubs.reset(wireMock);
        breakers.resetAll();
        Instant start = START.plus(Duration.ofHours(HOURS.incrementAndGet()));
        clock = new MutableClock(start.minus(Duration.ofMinutes(2)));
        QuarkusMock.installMockForType(clock, MarketClock.class);
        // every test starts holding a fresh token tok-1, requested at the test's start time
        tokens.invalidate(tokens.authorization());
        clock.now = start;
        assertEquals("Bearer tok-1", tokens.authorization());
        wireMock.resetRequests();
    }

    private double alerts(String type) {
        return registry.counter("marketpipe.collector.api.alerts", "type", type).count();
    }

    private static void assertRow(JsonNode row, String errorType, int attempts) {
        assertEquals("005930", row.path("symbol").asText());
        assertEquals("1m", row.path("interval").asText());
        assertEquals("market_data", row.path("dataType").asText());
        assertEquals("error", row.path("status").asText());
        assertEquals(0, row.path("recordsCollected").asInt());
        assertEquals(errorType, row.path("errorType").asText());
        assertEquals("primary", row.path("source").asText());
        assertEquals("simulator", row.path("provider").asText());
        assertEquals(attempts, row.path("attempts").asInt());
        assertTrue(row.path("executionTimeMs").isNumber(), row.toString());
        assertFalse(row.path("errorMessage").asText().isBlank(), row.toString());
    }

    @Test
    void successfulAnswerIsReadIntoBarsAndKeepsTheRawBody() {
        Sourced<BarsPage> answer = router.fetchBars(QUERY);
        BarsPage page = answer.value();
        assertEquals(SourceRole.PRIMARY, answer.source());
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
        wireMock.verify(0, postRequestedFor(urlEqualTo("/v1/collection-log")));
    }

    @Test
    void missingFieldStaysNullForTheValidatorToJudge() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(okJson("""
                {"status":"success","data":[{"timestamp":"2025-03-04T00:00:00Z","symbol":"005930","open":1,"high":2,"low":1,"volume":5}],
                 "meta":{"total_records":1,"page":1,"total_pages":1}}""")));
        BarsPage page = client.fetchBars(QUERY, new AtomicInteger());
        assertNull(page.bars().get(0).close());
    }

    // --- 429: wait, then retry with exponential backoff ---------------------------------------------------------

    @Test
    void rateLimitWaitsForRetryAfterThenRetries() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("429").whenScenarioStateIs("ok")
                .willReturn(okJson(ApiStubs.TWO_BARS)));
        double alertsBefore = alerts("rate_limited");
        long started = System.nanoTime();
        BarsPage page = router.fetchBars(QUERY).value();
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(2, page.attempts());
        assertTrue(waitedMs >= 1000, "Retry-After: 1 must be honoured, waited only " + waitedMs + " ms");
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/market/data")));
        assertEquals(alertsBefore, alerts("rate_limited"), "a 429 that recovers is not an alert");
        wireMock.verify(0, postRequestedFor(urlEqualTo("/v1/collection-log")));
    }

    @Test
    void rateLimitThatPersistsIsRetriedThreeTimesThenAlertedAndLogged() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        double alertsBefore = alerts("rate_limited");
        assertThrows(ProviderException.RateLimited.class, () -> router.fetchBars(QUERY));
        wireMock.verify(4, getRequestedFor(urlPathEqualTo("/market/data")));
        assertEquals(alertsBefore + 1, alerts("rate_limited"));
        assertRow(CollectionLogRows.awaitRows(wireMock, 1).get(0), "rate_limited", 4);
    }

    // --- 401: re-authenticate, alert the operator --------------------------------------------------------------

    @Test
    void expiredTokenIsRenewedOnceAndTheRequestRepeated() {
        clock.advance(Duration.ofSeconds(61)); // the last token request lies more than the minimum interval back
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("401").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("401").whenScenarioStateIs("renewed")
                .willReturn(okJson(ApiStubs.TWO_BARS)));
        double alertsBefore = alerts("auth_failed");
        router.fetchBars(QUERY);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/market/data")));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
        assertEquals(alertsBefore, alerts("auth_failed"));
        wireMock.verify(0, postRequestedFor(urlEqualTo("/v1/collection-log")));
    }

    @Test
    void persistentAuthFailureIsNotRetriedInALoopAndIsAlerted() {
        clock.advance(Duration.ofSeconds(61));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(401)));
        double alertsBefore = alerts("auth_failed");
        assertThrows(ProviderException.AuthenticationFailed.class, () -> router.fetchBars(QUERY));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/market/data")));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
        assertEquals(alertsBefore + 1, alerts("auth_failed"));
        assertRow(CollectionLogRows.awaitRows(wireMock, 1).get(0), "auth_failed", 1);
    }

    // --- 400: log the error, skip the request --------------------------------------------------------------------

    @Test
    void badRequestIsSkippedWithoutRetryLoggedAndNotAlerted() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(400)
                .withBody("{\"detail\":\"unknown interval\"}")));
        double alertsBefore = alerts("bad_request");
        ProviderException.Rejected e = assertThrows(ProviderException.Rejected.class, () -> router.fetchBars(QUERY));
        assertEquals(400, e.status());
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/market/data")));
        assertEquals(alertsBefore, alerts("bad_request"), "400 is logged and skipped, not alerted");
        JsonNode row = CollectionLogRows.awaitRows(wireMock, 1).get(0);
        assertRow(row, "bad_request", 1);
        assertTrue(row.path("errorMessage").asText().contains("unknown interval"), row.toString());
    }

    // --- 500: retry 3 times, then alert --------------------------------------------------------------------------

    @Test
    void serverErrorIsRetriedThreeTimesWithBackoffThenAlertedAndLogged() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(500)));
        double alertsBefore = alerts("server_error");
        long started = System.nanoTime();
        assertThrows(ProviderException.Unavailable.class, () -> router.fetchBars(QUERY));
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        wireMock.verify(4, getRequestedFor(urlPathEqualTo("/market/data")));
        assertTrue(tookMs >= 50 + 100 + 200, "exponential backoff 50, 100, 200 ms (test profile); took " + tookMs);
        assertEquals(alertsBefore + 1, alerts("server_error"));
        JsonNode row = CollectionLogRows.awaitRows(wireMock, 1).get(0);
        assertRow(row, "server_error", 4);
        assertTrue(row.path("executionTimeMs").asLong() >= 350, row.toString());
    }

    // --- timeout: retry 3 times, then alert ---------------------------------------------------------------------

    @Test
    void timeoutIsRetriedThreeTimesThenAlertedAndLogged() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(okJson(ApiStubs.TWO_BARS).withFixedDelay(2500)));
        double alertsBefore = alerts("timeout");
        assertThrows(RuntimeException.class, () -> router.fetchBars(QUERY));
        wireMock.verify(4, getRequestedFor(urlPathEqualTo("/market/data")));
        assertEquals(alertsBefore + 1, alerts("timeout"));
        assertRow(CollectionLogRows.awaitRows(wireMock, 1).get(0), "timeout", 4);
    }

    @Test
    void logRowsNeverCarrySecrets() {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(400)
                .withBody("{\"detail\":\"appsecret demo-app-secret rejected for Bearer tok-1\"}")));
        assertThrows(ProviderException.Rejected.class, () -> router.fetchBars(QUERY));
        String message = CollectionLogRows.awaitRows(wireMock, 1).get(0).path("errorMessage").asText();
        assertFalse(message.contains("demo-app-secret"), message);
        assertFalse(message.contains("tok-1"), message);
        assertTrue(message.contains("***"), message);
    }

    // --- token lifecycle ----------------------------------------------------------------------------------------

    @Test
    void tokenIsReusedUntilShortlyBeforeItExpires() {
        clock.advance(Duration.ofHours(23)); // 24 h token, renewed 5 min before expiry
        router.fetchBars(QUERY);
        wireMock.verify(0, postRequestedFor(urlEqualTo("/oauth/token")));
        clock.advance(Duration.ofMinutes(56));
        router.fetchBars(QUERY);
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void tenConcurrent401sRequestOneToken() throws Exception {
        clock.advance(Duration.ofSeconds(61));
        // the held token (tok-1) is revoked at the provider; the next one issued is tok-2
        wireMock.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"tok-2\",\"token_type\":\"Bearer\",\"expires_in\":86400}")));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).withHeader("Authorization", equalTo("Bearer tok-1"))
                .willReturn(aResponse().withStatus(401)));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).withHeader("Authorization", equalTo("Bearer tok-2"))
                .willReturn(okJson(ApiStubs.TWO_BARS)));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Sourced<BarsPage>>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return router.fetchBars(QUERY);
                }));
            }
            go.countDown();
            for (Future<Sourced<BarsPage>> call : calls) {
                assertEquals(2, call.get().value().bars().size());
            }
        } finally {
            pool.shutdownNow();
        }
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
        wireMock.verify(10, getRequestedFor(urlPathEqualTo("/market/data"))
                .withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void aRenewalWithinTheMinimumIntervalFailsFastInsteadOfRequestingAgain() {
        clock.advance(Duration.ofSeconds(61));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(401)));
        assertThrows(ProviderException.AuthenticationFailed.class, () -> router.fetchBars(QUERY));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));

        // 30 s later the token is refused again: no new token may be requested yet, so no call and no request
        clock.advance(Duration.ofSeconds(30));
        ProviderException.AuthenticationFailed fast = assertThrows(ProviderException.AuthenticationFailed.class,
                () -> router.fetchBars(QUERY));
        assertTrue(fast.getMessage().contains("once every 60 s"), fast.getMessage());
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));

        // a failed token request is rate-limited too
        clock.advance(Duration.ofSeconds(31));
        wireMock.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(500)));
        assertThrows(RuntimeException.class, () -> tokens.authorization());
        assertThrows(ProviderException.AuthenticationFailed.class, () -> tokens.authorization());
        wireMock.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void apiConnectionCheckNeverRequestsTokensFasterThanTheMinimumInterval() {
        clock.advance(Duration.ofSeconds(61));
        wireMock.stubFor(post(urlEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)));
        tokens.invalidate(tokens.authorization());
        for (int probe = 0; probe < 5; probe++) {
            io.restassured.RestAssured.given().when().get(Management.url("/q/health/well")).then().statusCode(503)
                    .body("checks.find { it.name == 'api_connection' }.status", org.hamcrest.Matchers.equalTo("DOWN"));
            clock.advance(Duration.ofSeconds(10));
        }
        wireMock.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
        clock.advance(Duration.ofSeconds(20));
        io.restassured.RestAssured.given().when().get(Management.url("/q/health")).then().statusCode(503)
                .body("checks.find { it.name == 'api_connection' }.status", org.hamcrest.Matchers.equalTo("DOWN"));
        wireMock.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
        // the provider refusing is no reason to take the collector out of its Service (SecuritiesApiHealthCheck)
        io.restassured.RestAssured.given().when().get(Management.url("/q/health/ready")).then().statusCode(200);
        wireMock.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    }
}
