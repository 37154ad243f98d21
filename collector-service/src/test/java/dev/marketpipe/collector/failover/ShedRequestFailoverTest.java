package dev.marketpipe.collector.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.collector.budget.BudgetShed;
import dev.marketpipe.collector.budget.Priority;
import dev.marketpipe.collector.budget.WorkPriority;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.CollectionLogRows;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A request our own rate budget shed was never sent: it is not the provider's fault, so it neither fails over nor
 * counts towards the switch (here X = 1), and it is logged without an alert. Without this, Low order-book requests
 * shed on a busy budget would switch all collection to the backup.
 */
@QuarkusTest
@TestProfile(ShedRequestFailoverTest.OneRequestPerSecond.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ShedRequestFailoverTest {

    public static class OneRequestPerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.collector.failover.enabled", "true",
                    "marketpipe.collector.failover.after-consecutive-failures", "1",
                    "marketpipe.collector.budget.requests-per-second", "1",
                    "marketpipe.collector.budget.low-max-wait", "50MS");
        }
    }

    WireMockServer wireMock;

    @Inject
    ProviderRouter router;

    @Inject
    SnapshotCollector snapshots;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    MeterRegistry registry;

    @Test
    void aShedSnapshotRequestNeitherFailsOverNorAlerts() {
        ApiStubs.reset(wireMock);
        breakers.resetAll();
        double alerts = registry.find("marketpipe.collector.api.alerts").counters().stream()
                .mapToDouble(c -> c.count()).sum();

        assertEquals(true, router.probePrimary()); // takes the primary's one request of this second
        assertThrows(BudgetShed.class,
                () -> WorkPriority.call(Priority.LOW, () -> snapshots.orderBook("005930")));

        assertEquals(SourceRole.PRIMARY, router.active(), "a shed request is no provider failure");
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/orderbook")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo(ApiStubs.BACKUP + "/market/orderbook")));
        JsonNode row = CollectionLogRows.awaitRows(wireMock, 1).get(0);
        assertEquals("budget_shed", row.path("errorType").asText());
        assertEquals("error", row.path("status").asText());
        assertEquals("primary", row.path("source").asText());
        assertEquals(alerts, registry.find("marketpipe.collector.api.alerts").counters().stream()
                .mapToDouble(c -> c.count()).sum(), "shedding is the budget working: its metrics count it");
    }
}
