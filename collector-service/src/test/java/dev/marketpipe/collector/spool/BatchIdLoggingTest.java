package dev.marketpipe.collector.spool;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.LogCapture;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The collector's log lines about one batch carry its id (MDC batchId) — where it is collected and
 * spooled (the archive down), and where the spool's drainer hands it to the archive later, on its own thread.
 */
@QuarkusTest
@TestProfile(ArchiveSpoolTest.FastDrain.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class BatchIdLoggingTest {

    WireMockServer wireMock;

    @Inject
    SnapshotCollector snapshots;

    @Inject
    BatchSpool spool;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void collectingSpoolingAndDrainingABatchLogUnderItsId() {
        wireMock.resetAll();
        breakers.resetAll();
        wireMock.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":86400}")));
        wireMock.stubFor(get(urlPathEqualTo("/market/orderbook")).willReturn(okJson(ArchiveSpoolTest.BOOK)));
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).willReturn(aResponse().withStatus(507)
                .withHeader("Content-Type", "application/problem+json").withBody(ArchiveSpoolTest.DISK_FULL)));
        await().atMost(Duration.ofSeconds(10)).until(() -> spool.size() == 0);

        try (LogCapture logs = LogCapture.start()) {
            snapshots.orderBook("005930");
            assertEquals(1, spool.size(), "the archive is down: the batch waits in the spool");
            wireMock.stubFor(post(urlEqualTo("/v1/batches")).willReturn(aResponse().withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"batchId\":\"00000000-0000-0000-0000-000000000001\",\"archiveRef\":\"raw/x.json\","
                            + "\"sha256\":\"00\",\"bytes\":1,\"duplicate\":false}")));
            await().atMost(Duration.ofSeconds(15)).until(() -> spool.size() == 0);

            String id = archivedBatchId();
            await().atMost(Duration.ofSeconds(5)).until(() -> logs.mentioning("spooled batch " + id).size() == 1);
            List<LogCapture.Line> handling = logs.mentioning(id);
            handling.forEach(line -> assertEquals(id, line.batchId(), "MDC batchId on " + line));
            assertTrue(handling.stream().anyMatch(l -> l.message().startsWith("batch " + id)
                    && l.message().contains("SPOOLED")), "the collection line: " + handling);
            assertTrue(handling.stream().map(LogCapture.Line::thread).distinct().count() >= 2,
                    "collecting thread and drainer thread: " + handling);
            assertTrue(logs.lines().stream().allMatch(l -> l.batchId() == null || l.batchId().equals(id)),
                    "no other batch id: " + logs.lines());
        }
    }

    private String archivedBatchId() {
        List<ServeEvent> archived = wireMock.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/batches") && e.getResponse().getStatus() == 201)
                .toList();
        assertEquals(1, archived.size(), "one batch archived");
        String body = archived.get(0).getRequest().getBodyAsString();
        int at = body.indexOf("\"batchId\":\"") + 11;
        return body.substring(at, at + 36);
    }
}
