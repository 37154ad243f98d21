package dev.marketpipe.collector.spool;

import dev.marketpipe.collector.client.ArchiveClient;
import dev.marketpipe.collector.client.BrokenArchiveClient;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.marketpipe.collector.spool.SpoolFixtures.bars;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collector's liveness: UP while the spool's drainer runs, DOWN once an
 * error that no pass catches has stopped it — the case where only a restart drains the spool again. A profile of
 * its own: the drainer stays dead for the rest of this application.
 */
@QuarkusTest
@TestProfile(SpoolDrainerLivenessTest.OwnSpool.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class SpoolDrainerLivenessTest {

    /** A spool folder of its own, drained every 100 ms. */
    public static class OwnSpool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.collector.spool.dir", "target/collector-spool-liveness",
                    "marketpipe.collector.spool.drain-interval", "100MS",
                    "marketpipe.collector.spool.drain-max-delay", "400MS");
        }
    }

    @Inject
    BatchSpool spool;

    @Test
    void anErrorThatStopsTheDrainerMakesTheCollectorNotLive() {
        given().get(Management.url("/q/health/live")).then().statusCode(200)
                .body("checks.find { it.name == 'spool-drainer' }.status", equalTo("UP"));

        QuarkusMock.installMockForType(new BrokenArchiveClient(), ArchiveClient.class);
        assertTrue(spool.offer(bars("005930", 0)), "spooled");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get(Management.url("/q/health/live")).then()
                .statusCode(503)
                .body("checks.find { it.name == 'spool-drainer' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'spool-drainer' }.data.spooledBatches", equalTo(1)));
    }
}
