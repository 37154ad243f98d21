package dev.marketpipe.loader.push;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.testsupport.PostgresTestResource;
import dev.marketpipe.testsupport.TestTokens;
import dev.marketpipe.wire.AcceptedBar;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.SourceRole;
import dev.marketpipe.wire.ValidatedBatch;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The push stream over real HTTP: a subscriber gets each committed batch of its symbols once, in order; after a
 * disconnect it resumes with Last-Event-ID and gets exactly what it missed; a bad request is a problem, not a stream.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BarStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/v1/stream/bars")
    URI stream;

    @Inject
    ObjectMapper objectMapper;

    private final String symbol = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String other = "O" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private static String reader() {
        return "Bearer " + TestTokens.withRoles("reader");
    }

    private static ValidatedBatch batch(String symbol, Instant start, long close) {
        Bar bar = new Bar(start, symbol, BigDecimal.valueOf(71_900), BigDecimal.valueOf(72_500),
                BigDecimal.valueOf(71_800), BigDecimal.valueOf(close), 1_000L, BigDecimal.valueOf(close * 1_000));
        return new ValidatedBatch(UUID.randomUUID(), DataType.MARKET_DATA, symbol, BarInterval.ONE_MINUTE,
                SourceRole.PRIMARY, "raw/x.json", start, 10, 1, List.of(new AcceptedBar(bar, List.of())), List.of(),
                List.of(), 1.0);
    }

    private void load(ValidatedBatch batch) throws IOException {
        given().header("Authorization", "Bearer " + TestTokens.withRoles("pipeline")).contentType("application/json")
                .body(objectMapper.writeValueAsString(batch)).post("/v1/loads").then().statusCode(200);
    }

    private URI streamOf(String... symbols) {
        return URI.create(stream + "?symbols=" + String.join(",", symbols) + "&interval=1m");
    }

    private static long close(SseClient.Event event) {
        try {
            JsonNode data = JSON.readTree(event.data());
            return data.path("bars").path(0).path("close").asLong();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSubscriberGetsEachCommittedBatchOfItsSymbolsAndResumesWithoutAGap() throws IOException {
        Instant minute = Instant.parse("2025-03-05T00:00:00Z");
        SseClient client = new SseClient(streamOf(symbol), reader(), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status == 200);

        load(batch(symbol, minute, 72_000));
        load(batch(other, minute, 1));
        load(batch(symbol, minute.plusSeconds(60), 72_100));
        await().atMost(Duration.ofSeconds(10)).until(() -> client.events.size() >= 2);
        assertEquals(List.of(72_000L, 72_100L), client.events.stream().map(BarStreamTest::close).toList());
        assertTrue(client.events.stream().allMatch(e -> "bars".equals(e.name())));
        String lastSeen = client.events.get(1).id();
        client.close();

        load(batch(symbol, minute.plusSeconds(120), 72_200));
        load(batch(symbol, minute.plusSeconds(180), 72_300));
        SseClient resumed = new SseClient(streamOf(symbol), reader(), lastSeen);
        load(batch(symbol, minute.plusSeconds(240), 72_400));

        await().atMost(Duration.ofSeconds(10)).until(() -> resumed.events.size() >= 3);
        assertEquals(List.of(72_200L, 72_300L, 72_400L), resumed.events.stream().map(BarStreamTest::close).toList());
        List<Long> ids = resumed.events.stream().map(e -> Long.parseLong(e.id())).toList();
        assertTrue(ids.get(0) > Long.parseLong(lastSeen) && ids.get(1) > ids.get(0) && ids.get(2) > ids.get(1), ids.toString());
        resumed.close();
    }

    @Test
    void aRedeliveredBatchThatChangesNothingIsNotSentAgain() throws IOException {
        Instant minute = Instant.parse("2025-03-05T01:00:00Z");
        SseClient client = new SseClient(streamOf(symbol), reader(), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.status == 200);
        ValidatedBatch batch = batch(symbol, minute, 72_000);
        load(batch);
        load(batch(symbol, minute, 72_000)); // same bar, new batch id: nothing changes
        load(batch(symbol, minute, 72_500)); // a correction: sent
        await().atMost(Duration.ofSeconds(10)).until(() -> client.events.size() >= 2);
        assertEquals(List.of(72_000L, 72_500L), client.events.stream().map(BarStreamTest::close).toList());
        client.close();
    }

    @Test
    void aBadRequestIsAProblemNotAStream() {
        given().header("Authorization", reader()).accept("text/event-stream")
                .get("/v1/stream/bars?symbols=" + symbol + "&interval=7m")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", reader()).accept("text/event-stream").header("Last-Event-ID", "yesterday")
                .get("/v1/stream/bars?symbols=" + symbol)
                .then().statusCode(400).contentType("application/problem+json");
        given().accept("text/event-stream").get("/v1/stream/bars?symbols=" + symbol).then().statusCode(401);
    }
}
