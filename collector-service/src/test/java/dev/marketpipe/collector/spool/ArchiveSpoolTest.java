package dev.marketpipe.collector.spool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.marketpipe.collector.archive.BatchShipper;
import dev.marketpipe.collector.archive.Shipment;
import dev.marketpipe.collector.client.ArchiveClient;
import dev.marketpipe.collector.collection.SnapshotCollector;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.testsupport.Management;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.wire.CollectedBatch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.marketpipe.collector.spool.SpoolFixtures.bars;
import static dev.marketpipe.collector.spool.SpoolFixtures.files;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full archive disk seen from the collector: while the archive answers 507 (disk full) the collector keeps every
 * batch in its spool and goes on collecting; once the archive takes batches again each arrives exactly once, in
 * the order it was collected. WireMock is the archive (and the securities API); the spool is a real folder.
 */
@QuarkusTest
@TestProfile(ArchiveSpoolTest.FastDrain.class)
@QuarkusTestResource(WireMockResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class ArchiveSpoolTest {

    /** A spool folder of its own (each test starts with it empty), drained every 100 ms (backoff up to 400 ms). */
    public static class FastDrain implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("marketpipe.collector.spool.dir", "target/collector-spool-test",
                    "marketpipe.collector.spool.drain-interval", "100MS",
                    "marketpipe.collector.spool.drain-max-delay", "400MS");
        }
    }

    static final String BOOK = """
            {"symbol":"005930","timestamp":"2025-03-04T01:00:10Z",
             "bids":[{"price":75000,"quantity":1000}],"asks":[{"price":75100,"quantity":800}]}""";
    static final String DISK_FULL = """
            {"type":"about:blank","title":"Insufficient Storage","status":507,
             "detail":"the archive's disk is full; batch was not archived"}""";

    WireMockServer wireMock;

    @Inject
    BatchShipper shipper;

    @Inject
    BatchSpool spool;

    @Inject
    ArchiveClient archive;

    @Inject
    SnapshotCollector snapshots;

    @Inject
    ObjectMapper json;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void archiveTakesBatches() throws IOException {
        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":86400}")));
        wireMock.stubFor(get(urlPathEqualTo("/market/orderbook")).willReturn(okJson(BOOK)));
        archiveAnswers(created());
        breakers.resetAll();
        await().atMost(Duration.ofSeconds(10)).until(() -> spool.size() == 0);
        try (var dead = Files.list(spool.dir().resolve("dead"))) {
            for (Path file : dead.toList()) {
                Files.delete(file);
            }
        }
        wireMock.resetRequests();
    }

    @Test
    void theHappyPathWritesNoSpoolFile() throws IOException {
        assertEquals(Shipment.ARCHIVED, shipper.ship(bars("005930", 1)));
        snapshots.orderBook("005930");

        assertEquals(List.of(), files(spool.dir()));
        assertEquals(List.of(), files(spool.dir().resolve("dead")));
        assertEquals(2, acknowledged().size());
    }

    @Test
    void whileTheArchiveIsFullBatchesAreSpooledAndLaterArchivedOnceEachInCollectionOrder() {
        archiveAnswers(aResponse().withStatus(507).withHeader("Content-Type", "application/problem+json")
                .withBody(DISK_FULL));
        List<UUID> collected = new ArrayList<>();
        for (int minute = 0; minute < 6; minute++) {
            CollectedBatch batch = bars(minute % 3 == 2 ? "000660" : "005930", minute);
            long started = System.nanoTime();
            assertEquals(Shipment.SPOOLED, shipper.ship(batch));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                    "collection goes on: the caller is not held up for the archive's outage");
            collected.add(batch.batchId());
        }
        assertEquals(6, files(spool.dir()).size());
        given().get(Management.url("/q/health/ready")).then()
                .body("checks.find { it.name == 'archive-spool' }.status", is("UP"))
                .body("checks.find { it.name == 'archive-spool' }.data.spooledBatches", is(6));
        given().get(Management.url("/q/metrics")).then().body(containsString("marketpipe_collector_spool_batches 6.0"));
        given().get(Management.url("/q/health/live")).then().statusCode(200);

        archiveAnswers(created());

        await().atMost(Duration.ofSeconds(15)).until(() -> spool.size() == 0);
        assertEquals(collected, acknowledged(), "each batch archived once, oldest first (so in order per symbol)");
        assertEquals(List.of(), files(spool.dir()));
        given().get(Management.url("/q/metrics")).then().body(containsString("marketpipe_collector_spool_batches 0.0"));
    }

    @Test
    void aBatchTheArchiveRefusesForGoodMovesToDeadAndTheNextOneStillArrives() {
        archiveAnswers(aResponse().withStatus(507));
        CollectedBatch refused = bars("035420", 1);
        CollectedBatch next = bars("035420", 2);
        assertEquals(Shipment.SPOOLED, shipper.ship(refused));
        assertEquals(Shipment.SPOOLED, shipper.ship(next));

        // the refusal first (and ranked first): the drainer may send the moment the archive answers again
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(refused.batchId().toString())))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\":\"Unprocessable Entity\",\"status\":422,\"detail\":\"bad batch\"}")));
        archiveAnswers(created());

        await().atMost(Duration.ofSeconds(15)).until(() -> spool.size() == 0);
        assertEquals(List.of(next.batchId()), acknowledged());
        List<String> dead = files(spool.dir().resolve("dead"));
        assertEquals(1, dead.size());
        assertTrue(dead.get(0).contains(refused.batchId().toString()), dead.toString());
        given().get(Management.url("/q/health/ready")).then()
                .body("checks.find { it.name == 'archive-spool' }.data.deadBatches", is(1));
    }

    @Test
    void anOrderBookSnapshotSpooledWhileTheArchiveIsFullIsDeliveredWhenItRecovers() throws IOException {
        archiveAnswers(aResponse().withStatus(507));

        assertEquals(1, snapshots.orderBook("005930").pages());

        List<SpooledBatch> waiting = spool.pending();
        assertEquals(1, waiting.size());
        assertEquals("005930", waiting.get(0).orderKey());
        archiveAnswers(created());
        await().atMost(Duration.ofSeconds(15)).until(() -> spool.size() == 0);
        List<JsonNode> archived = acknowledgedBodies();
        assertEquals(1, archived.size());
        assertEquals(waiting.get(0).batchId().toString(), archived.get(0).path("batchId").asText());
        assertEquals("orderbook", archived.get(0).path("dataType").asText());
        assertEquals(75000, archived.get(0).path("records").path("orderBooks").get(0).path("bids").get(0)
                .path("price").asInt());
    }

    /** A collector killed with batches in its spool: the next one, over the same folder, delivers them. */
    @Test
    void aRestartedCollectorDeliversWhatThePreviousOneLeftInTheSpool(@TempDir Path folder) throws IOException {
        BatchSpool previous = new BatchSpool(folder, 0, json, new SimpleMeterRegistry(), Clock.systemUTC());
        List<UUID> left = new ArrayList<>();
        for (CollectedBatch batch : List.of(bars("005930", 1), bars("000660", 1), bars("005930", 2))) {
            assertTrue(previous.offer(batch));
            left.add(batch.batchId());
        }
        Files.writeString(folder.resolve(".tmp-8813.part"), "{\"batchId\":\"half a batch");
        // kill -9: the previous instance stops without any shutdown work

        BatchSpool restarted = new BatchSpool(folder, 0, json, new SimpleMeterRegistry(), Clock.systemUTC());
        SpoolDrainer drainer = new SpoolDrainer(restarted, archive,
                SpoolFixtures.config(folder, Duration.ofMillis(100), Duration.ofMillis(400), 0));
        drainer.start(null);
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> restarted.size() == 0);
        } finally {
            drainer.stop();
        }

        assertEquals(left, acknowledged());
        assertEquals(List.of(), files(folder), "the half-written temp file is gone, never delivered");
    }

    private void archiveAnswers(ResponseDefinitionBuilder answer) {
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).willReturn(answer));
    }

    private static ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"batchId\":\"00000000-0000-0000-0000-000000000001\",\"archiveRef\":\"raw/x.json\","
                        + "\"sha256\":\"00\",\"bytes\":1,\"duplicate\":false}");
    }

    /** Batch ids the archive answered 201 for, in the order it received them. */
    private List<UUID> acknowledged() {
        return acknowledgedBodies().stream().map(body -> UUID.fromString(body.path("batchId").asText())).toList();
    }

    private List<JsonNode> acknowledgedBodies() {
        List<ServeEvent> events = new ArrayList<>(wireMock.getAllServeEvents());
        Collections.reverse(events); // the journal lists the newest first
        List<JsonNode> bodies = new ArrayList<>();
        for (ServeEvent event : events) {
            if (event.getRequest().getUrl().equals("/v1/batches") && event.getResponse().getStatus() == 201) {
                try {
                    bodies.add(json.readTree(event.getRequest().getBodyAsString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return bodies;
    }
}
