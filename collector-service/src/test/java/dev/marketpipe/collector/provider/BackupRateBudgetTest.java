package dev.marketpipe.collector.provider;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.failover.ProviderRouter;
import dev.marketpipe.collector.outcome.CollectionLogOutbox;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.SourceRole;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rate limits with a backup source: the backup is a provider with a limit of its own, so its requests take
 * tokens of its own {@code collector.rate_budget} row ({@code simulator-backup}), never of the primary's
 * ({@code simulator}), and the primary's requests never of the backup's.
 */
@QuarkusTest
@TestProfile(BackupRateBudgetTest.BackupBudget.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class BackupRateBudgetTest {

    public static class BackupBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.collector.failover.enabled", "true",
                    "marketpipe.collector.failover.after-consecutive-failures", "3",
                    "marketpipe.collector.budget.backup-requests-per-second", "500");
        }
    }

    private static final String PRIMARY = "simulator";
    private static final String BACKUP = "simulator-backup";
    private static final BarsQuery QUERY = new BarsQuery("005930", BarInterval.ONE_MINUTE, "2025-03-04", "2025-03-04", 1);

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

    @Inject
    DataSource dataSource;

    @BeforeEach
    void reset() {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending() == 0);
        ApiStubs.reset(wireMock);
        wireMock.stubFor(get(urlPathEqualTo(ApiStubs.BACKUP + "/market/orderbook"))
                .willReturn(okJson(ApiStubs.BOOK)));
        breakers.resetAll();
        router.probePrimary();
        wireMock.resetRequests();
    }

    @Test
    void eachProviderHasItsOwnLimit() {
        assertEquals(1000.0, registry.get("marketpipe.collector.budget.limit").tag("provider", PRIMARY).gauge().value());
        assertEquals(500.0, registry.get("marketpipe.collector.budget.limit").tag("provider", BACKUP).gauge().value());
    }

    @Test
    void requestsToTheBackupTakeTokensFromTheBackupsBudgetRowOnly() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/market/data")).willReturn(aResponse().withStatus(503)));
        for (int call = 0; call < 3; call++) {
            router.fetchBars(QUERY);
        }
        assertEquals(SourceRole.BACKUP, router.active());
        wireMock.resetRequests();
        double primaryGranted = granted(PRIMARY);
        double backupGranted = granted(BACKUP);
        Timestamp primaryRowUpdated = rowUpdatedAt(PRIMARY);
        Timestamp backupRowUpdated = rowUpdatedAt(BACKUP);

        router.fetchBars(QUERY);
        snapshots.orderBook("005930");

        long backupRequests = requests(true);
        assertEquals(0, requests(false), "collection is on the backup: the primary is not asked");
        assertEquals(2, backupRequests);
        assertEquals(backupRequests, granted(BACKUP) - backupGranted, 0.0, "one backup token per backup request");
        assertEquals(0.0, granted(PRIMARY) - primaryGranted, "the primary's budget is untouched");
        assertEquals(primaryRowUpdated, rowUpdatedAt(PRIMARY), "the primary's rate_budget row is untouched");
        assertTrue(rowUpdatedAt(BACKUP).after(backupRowUpdated), "the backup's rate_budget row granted them");
    }

    @Test
    void requestsToThePrimaryTakeTokensFromThePrimarysBudgetRowOnly() throws Exception {
        router.fetchBars(QUERY); // the backup row exists (or not) and stays as it is
        wireMock.resetRequests();
        double primaryGranted = granted(PRIMARY);
        double backupGranted = granted(BACKUP);
        Timestamp backupRowUpdated = rowUpdatedAt(BACKUP);
        Timestamp primaryRowUpdated = rowUpdatedAt(PRIMARY);

        router.fetchBars(QUERY);

        assertEquals(1, requests(false));
        assertEquals(0, requests(true));
        assertEquals(1.0, granted(PRIMARY) - primaryGranted);
        assertEquals(0.0, granted(BACKUP) - backupGranted);
        assertEquals(backupRowUpdated, rowUpdatedAt(BACKUP));
        assertNotEquals(primaryRowUpdated, rowUpdatedAt(PRIMARY));
    }

    /** Securities-API requests WireMock received: the backup's (under {@code /backup}) or the primary's. */
    private long requests(boolean backup) {
        return wireMock.getAllServeEvents().stream().map(ServeEvent::getRequest).map(r -> r.getUrl())
                .filter(url -> !url.startsWith("/v1/"))
                .filter(url -> url.startsWith(ApiStubs.BACKUP + "/") == backup)
                .count();
    }

    private double granted(String provider) {
        return registry.find("marketpipe.collector.budget.requests").tag("provider", provider)
                .tag("outcome", "granted").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** When the provider's budget row last granted or refused a token; null while it has none. */
    private Timestamp rowUpdatedAt(String provider) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT updated_at FROM rate_budget WHERE provider = ?")) {
            query.setString(1, provider);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getTimestamp(1) : null;
            }
        }
    }
}
