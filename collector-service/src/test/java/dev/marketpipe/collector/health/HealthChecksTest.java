package dev.marketpipe.collector.health;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.config.MarketClock;
import dev.marketpipe.collector.testing.MutableClock;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The collector's health checks as Kubernetes sees them: {@code disk_space} (spool disk below its minimum →
 * not ready, 503 on {@code /q/health/ready}), {@code database_connection} (ready with PostgreSQL up), and
 * {@code last_collection} (wellness, enforced only while the KRX session runs) on a clock the test moves.
 */
@QuarkusTest
@TestProfile(HealthChecksTest.ImpossibleDiskMinimum.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class HealthChecksTest {

    /** A minimum free space no disk has, and the live job on (so last_collection is enforced; no scheduler runs). */
    public static class ImpossibleDiskMinimum implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.collector.health.disk-space.min-free-gb", "1000000000",
                    "marketpipe.collector.live.enabled", "true",
                    "marketpipe.collector.spool.dir", "target/collector-spool-health");
        }
    }

    /** Tuesday 2025-03-04, 10:00 KST: one hour into a regular session. */
    private static final Instant TUESDAY_10_00_KST = Instant.parse("2025-03-04T01:00:00Z");

    WireMockServer wireMock;

    @Inject
    SnapshotCollector snapshots;

    private MutableClock clock;

    @BeforeEach
    void clockAndApi() {
        clock = new MutableClock(TUESDAY_10_00_KST);
        QuarkusMock.installMockForType(clock, MarketClock.class);
        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":86400}")));
        wireMock.stubFor(get(urlPathEqualTo("/market/orderbook")).willReturn(okJson("""
                {"symbol":"005930","timestamp":"2025-03-04T01:00:10Z",
                 "bids":[{"price":75000,"quantity":1000}],"asks":[{"price":75100,"quantity":800}]}""")));
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"batchId\":\"00000000-0000-0000-0000-000000000001\",\"archiveRef\":\"raw/x.json\","
                        + "\"sha256\":\"00\",\"bytes\":1,\"duplicate\":false}")));
    }

    @Test
    void spoolDiskBelowItsMinimumMakesTheCollectorNotReadyButLeavesItAlive() {
        given().get(Management.url("/q/health/ready")).then().statusCode(503)
                .body("checks.find { it.name == 'disk_space' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'disk_space' }.data.minFreeGb", equalTo("1.0E9"))
                .body("checks.find { it.name == 'database_connection' }.status", equalTo("UP"));
        given().get(Management.url("/q/health/live")).then().statusCode(200);
    }

    @Test
    void lastCollectionIsDownOnlyWhenTheSessionRunsWithoutACollectedBatchForTooLong() {
        // 10:00, nothing collected this session: an hour without a batch
        assertLastCollection(503, "DOWN");
        snapshots.orderBook("005930");
        assertLastCollection(200, "UP");
        clock.advance(Duration.ofMinutes(5));
        assertLastCollection(200, "UP"); // exactly the maximum age
        clock.advance(Duration.ofMinutes(1));
        assertLastCollection(503, "DOWN");
        snapshots.orderBook("005930");
        assertLastCollection(200, "UP"); // recovered by the next batch

        clock.now = Instant.parse("2025-03-04T07:00:00Z"); // 16:00 KST, after the close
        assertLastCollection(200, "UP");
        clock.now = Instant.parse("2025-03-08T01:00:00Z"); // Saturday 10:00 KST
        assertLastCollection(200, "UP");
        clock.now = Instant.parse("2025-03-05T00:03:00Z"); // Wednesday 09:03 KST: only 3 min into the session
        assertLastCollection(200, "UP");
        clock.now = Instant.parse("2025-03-05T00:06:00Z"); // 09:06 KST: 6 min of session, nothing since yesterday
        assertLastCollection(503, "DOWN");
    }

    private static void assertLastCollection(int status, String state) {
        given().get(Management.url("/q/health/well")).then().statusCode(status)
                .body("checks.find { it.name == 'last_collection' }.status", equalTo(state));
        given().get(Management.url("/q/health")).then()
                .body("checks.find { it.name == 'last_collection' }.status", equalTo(state));
    }
}
