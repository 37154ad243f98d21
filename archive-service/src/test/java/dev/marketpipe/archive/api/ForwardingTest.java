package dev.marketpipe.archive.api;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.marketpipe.archive.TestBatches;
import dev.marketpipe.archive.disk.ArchiveRoot;
import dev.marketpipe.archive.store.ConfiguredArchiveStore;
import dev.marketpipe.archive.outbox.ArchiveOutbox;
import dev.marketpipe.testsupport.Management;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox forwarding archived batches to the validator (WireMock). The outbox is local whatever the store;
 * {@link ForwardingOnS3Test} runs the same tests with the envelopes on S3.
 */
@QuarkusTest
@WithTestResource(ValidatorMock.class)
@TestSecurity(user = "tester", roles = {"reader", "operator", "reviewer", "pipeline"})
class ForwardingTest {

    @InjectValidatorMock
    WireMockServer validator;

    @Inject
    ArchiveRoot root;

    @Inject
    ConfiguredArchiveStore store;

    @Inject
    ArchiveOutbox outbox;

    @Test
    void archivedBatchIsForwardedToTheValidatorWithItsArchiveRef() throws IOException {
        UUID id = UUID.randomUUID();
        String ref = archive(id, "FWD1");

        await().atMost(Duration.ofSeconds(10)).until(() -> requestsFor(id) == 1);
        validator.verify(postRequestedFor(urlEqualTo("/v1/validations"))
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))
                .withRequestBody(matchingJsonPath("$.archiveRef", equalTo(ref)))
                .withRequestBody(matchingJsonPath("$.bars[0].open", equalTo("75000"))));
        String forwarded = chronological().stream().map(e -> e.getRequest().getBodyAsString())
                .filter(b -> b.contains(id.toString())).findFirst().orElseThrow();
        assertTrue(forwarded.contains("\"rawResponse\":{\"meta\":{\"total_records\":1,\"page\":1,\"total_pages\":1,"
                + "\"limit\":1000}}"), "only the raw response's meta travels on: " + forwarded);
        assertTrue(archivedEnvelope(ref).contains(TestBatches.RAW), "the raw response itself is in the archive");
        await().atMost(Duration.ofSeconds(5)).until(() -> outboxHolds(outbox.folder(), id) == 0);
    }

    @Test
    void validatorUnavailableSeveralTimesThenAcceptingGetsTheBatchDeliveredOnce() {
        UUID id = UUID.randomUUID();
        String scenario = "flaky-" + id;
        String[] states = {Scenario.STARTED, "failed-1", "failed-2", "accepting"};
        for (int i = 0; i < 3; i++) {
            validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                    .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))
                    .inScenario(scenario).whenScenarioStateIs(states[i]).willSetStateTo(states[i + 1])
                    .willReturn(aResponse().withStatus(503)));
        }
        validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))
                .inScenario(scenario).whenScenarioStateIs("accepting")
                .willReturn(okJson("{\"duplicate\":false}")));

        archive(id, "FLAKY");

        await().atMost(Duration.ofSeconds(15)).until(() -> outboxHolds(outbox.folder(), id) == 0);
        assertEquals(4, requestsFor(id), "three 503s, then one delivery");
        assertEquals(List.of(503, 503, 503, 200), statusesFor(id));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> requestsFor(id) == 4);
    }

    @Test
    void batchTheValidatorRefusesForGoodGoesToTheDeadLetterFolder() throws IOException {
        UUID id = UUID.randomUUID();
        validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":422,\"detail\":\"no bars\"}")));

        String ref = archive(id, "REFUSED");

        await().atMost(Duration.ofSeconds(10)).until(() -> outboxHolds(outbox.deadFolder(), id) == 1);
        assertEquals(0, outboxHolds(outbox.folder(), id));
        assertEquals(1, requestsFor(id), "a refused batch is not retried");
        assertTrue(store.get().readEnvelope(ref).isPresent(), "the raw envelope stays archived");
        given().get(Management.url("/q/metrics")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("marketpipe_archive_outbox_dead_total"));
    }

    @Test
    void batchesOfOneSymbolReachTheValidatorInOrder() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(UUID.randomUUID());
        }
        // the first batch is refused twice (503): the later ones must wait for it, not overtake it
        String scenario = "order-" + ids.get(0);
        validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(ids.get(0).toString())))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("once")
                .willReturn(aResponse().withStatus(503)));
        validator.stubFor(post(urlEqualTo("/v1/validations")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(ids.get(0).toString())))
                .inScenario(scenario).whenScenarioStateIs("once").willSetStateTo("ok")
                .willReturn(aResponse().withStatus(503)));

        for (int i = 0; i < ids.size(); i++) {
            archive(ids.get(i), "ORDERED", "2025-03-10T00:0" + i + ":00Z");
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> ids.stream().allMatch(id -> requestsFor(id) >= 1)
                && ids.stream().allMatch(id -> outboxHolds(outbox.folder(), id) == 0));
        List<UUID> arrival = new ArrayList<>();
        for (ServeEvent event : chronological()) {
            String body = event.getRequest().getBodyAsString();
            if (!body.contains("\"symbol\":\"ORDERED\"")) {
                continue;
            }
            UUID id = UUID.fromString(body.replaceAll("(?s).*\"batchId\":\"([0-9a-f-]{36})\".*", "$1"));
            if (arrival.isEmpty() || !arrival.get(arrival.size() - 1).equals(id)) {
                arrival.add(id);
            }
        }
        assertEquals(ids, arrival);
    }

    private String archive(UUID id, String symbol) {
        return archive(id, symbol, "2025-03-04T00:00:00Z");
    }

    private String archive(UUID id, String symbol, String windowStart) {
        return given().contentType(ContentType.JSON).body(TestBatches.body(id, symbol, windowStart))
                .post("/v1/batches").then().statusCode(201).extract().path("archiveRef");
    }

    private String archivedEnvelope(String ref) throws IOException {
        return new String(store.get().readEnvelope(ref).orElseThrow(), StandardCharsets.UTF_8);
    }

    private int requestsFor(UUID id) {
        return validator.findAll(postRequestedFor(urlEqualTo("/v1/validations"))
                .withRequestBody(matchingJsonPath("$.batchId", equalTo(id.toString())))).size();
    }

    private List<Integer> statusesFor(UUID id) {
        List<Integer> statuses = new ArrayList<>();
        for (ServeEvent event : chronological()) {
            if (event.getRequest().getBodyAsString().contains(id.toString())) {
                statuses.add(event.getResponse().getStatus());
            }
        }
        return statuses;
    }

    /** WireMock lists serve events newest first. */
    private List<ServeEvent> chronological() {
        List<ServeEvent> events = new ArrayList<>(validator.getAllServeEvents());
        Collections.reverse(events);
        return events;
    }

    private static long outboxHolds(Path folder, UUID id) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().contains(id.toString())).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
