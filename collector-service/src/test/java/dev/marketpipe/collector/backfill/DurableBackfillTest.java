package dev.marketpipe.collector.backfill;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.collector.collection.FetchWindow;
import dev.marketpipe.collector.job.JobStore;
import dev.marketpipe.collector.testing.ApiStubs;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.BarInterval;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Backfills are durable jobs: a job whose windows a replica claimed and then abandoned (it was killed) is taken over
 * once the claims run out and finishes without anyone asking again; jobs are listed from the database and a running
 * one can be cancelled.
 */
@QuarkusTest
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class DurableBackfillTest {

    private static final String PAUSED = "backfill-paused";
    private static final String BACKFILL = "{\"symbols\":[\"005930\"],\"interval\":\"1m\",\"from\":\"2025-03-10\","
            + "\"to\":\"2025-03-12\"}";

    WireMockServer wireMock;

    @Inject
    JobStore store;

    @Inject
    DataSource dataSource;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final List<UUID> jobs = new ArrayList<>();

    @BeforeEach
    void reset() {
        ApiStubs.reset(wireMock);
        breakers.resetAll();
    }

    @AfterEach
    void forget() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (UUID id : jobs) {
                connection.createStatement().execute("DELETE FROM collector.collection_job WHERE id = '" + id + "'");
            }
        }
    }

    @Test
    void windowsAbandonedByAKilledReplicaAreTakenOverOnceTheirClaimsRunOutAndTheJobFinishes() {
        Instant now = Instant.now();
        UUID id = job();
        // another replica claimed every window and died: its claims ran out a minute ago
        List<JobStore.Claimed> abandoned = store.claim("killed-replica", List.of(PAUSED), List.of("005930"),
                List.of("005930"), 10, Duration.ofMinutes(2), now.minus(Duration.ofMinutes(3)));
        activate(id);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().get("/v1/backfills/" + id)
                .then().statusCode(200).body("state", equalTo("SUCCEEDED"))
                .body("windowsResumed", equalTo(abandoned.size())).body("batches", equalTo(3)));
        wireMock.verify(3, getRequestedFor(urlPathEqualTo("/market/data")));
    }

    @Test
    void windowsAnotherReplicaIsStillWorkingOnAreLeftToIt() {
        UUID id = job();
        store.claim("live-replica", List.of(PAUSED), List.of("005930"), List.of("005930"), 10,
                Duration.ofMinutes(10), Instant.now());
        activate(id);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                given().get("/v1/backfills/" + id).then().body("state", equalTo("RUNNING")));
        wireMock.verify(0, getRequestedFor(urlPathEqualTo("/market/data")));

        given().delete("/v1/backfills/" + id).then().statusCode(200).body("state", equalTo("CANCELLED"));
        given().get("/v1/backfills").then().statusCode(200).body("id", hasItem(id.toString()));
        given().delete("/v1/backfills/" + UUID.randomUUID()).then().statusCode(404);
    }

    /**
     * A backfill of 005930 over three trading days, stored under a kind no runner takes, so that the test can claim
     * its windows as "another replica" first ({@link #activate}).
     */
    private UUID job() {
        UUID id = UUID.randomUUID();
        List<FetchWindow> windows = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2025, 3, 10); !day.isAfter(LocalDate.of(2025, 3, 12)); day = day.plusDays(1)) {
            Instant open = day.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Seoul")).toInstant();
            windows.add(new FetchWindow("005930", BarInterval.ONE_MINUTE, day.toString(), day.toString(), open,
                    open.plus(Duration.ofMinutes(390))));
        }
        store.create(id, PAUSED, BACKFILL, JobStore.FETCH, windows, Instant.now());
        jobs.add(id);
        return id;
    }

    /** Makes the job a backfill, which this replica's runner runs. */
    private void activate(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("UPDATE collector.collection_job SET kind = 'backfill' WHERE id = '"
                    + id + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
