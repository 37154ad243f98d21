package dev.marketpipe.collector.budget;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.provider.AccessTokens;
import dev.marketpipe.collector.provider.BarsPage;
import dev.marketpipe.collector.provider.BarsQuery;
import dev.marketpipe.collector.provider.SecuritiesApiClient;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.MutableClock;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every request to the securities API — each attempt, the re-authentication and the token request — takes a token. */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class BudgetedRequestsTest {

    WireMockServer wireMock;

    @Inject
    SecuritiesApiClient client;

    @Inject
    MeterRegistry registry;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    AccessTokens tokens;

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        breakers.resetAll();
        // the 401 below needs a token renewal, which the 60 s minimum interval between token requests refuses right
        // after a token was issued: hold a token issued "a week later", then let two minutes pass
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(7)));
        QuarkusMock.installMockForType(clock, MarketClock.class);
        tokens.invalidate(tokens.authorization());
        clock.advance(Duration.ofMinutes(2));
        tokens.authorization();
        clock.advance(Duration.ofMinutes(2));
        wireMock.resetRequests();
    }

    @Test
    void everyAttemptReauthenticationAndTokenRequestTakesABudgetTokenAtTheWorksPriority() {
        // 401 (re-authenticate: a token request and a repeat), then 503 (retried), then success
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("faults")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(401))
                .willSetStateTo("unavailable"));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("faults")
                .whenScenarioStateIs("unavailable").willReturn(aResponse().withStatus(503))
                .willSetStateTo("ok"));
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).inScenario("faults")
                .whenScenarioStateIs("ok").willReturn(okJson(ApiStubs.TWO_BARS)));
        double highBefore = granted("high");
        double allBefore = granted(null);

        BarsPage page = WorkPriority.call(Priority.HIGH, () -> client.fetchBars(
                new BarsQuery("005930", BarInterval.ONE_MINUTE, "2025-03-04", "2025-03-04", 1), new AtomicInteger()));

        assertEquals(2, page.bars().size());
        int dataRequests = wireMock.findAll(getRequestedFor(urlPathEqualTo("/market/data"))).size();
        int tokenRequests = wireMock.findAll(postRequestedFor(urlEqualTo("/oauth/token"))).size();
        assertEquals(3, dataRequests);
        assertEquals(dataRequests + tokenRequests, granted("high") - highBefore, "one token per request sent");
        assertEquals(dataRequests + tokenRequests, granted(null) - allBefore);
    }

    private double granted(String priority) {
        var search = registry.find("marketpipe.collector.budget.requests").tag("outcome", "granted");
        if (priority != null) {
            search = search.tag("priority", priority);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
