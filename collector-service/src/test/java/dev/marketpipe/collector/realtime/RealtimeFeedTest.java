package dev.marketpipe.collector.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.marketpipe.collector.testing.WireMockResource;
import dev.marketpipe.provider.kis.realtime.KisFrameCipher;
import dev.marketpipe.provider.kis.realtime.KisRealtimeColumns;
import dev.marketpipe.testsupport.PostgresTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real-time feed against a fake KIS WebSocket: subscriptions spread over sessions, frames archived per symbol
 * as received (unreadable ones too), PINGPONG answered with a pong frame, encrypted frames read, and a dropped session reopened and
 * resubscribed.
 */
@QuarkusTest
@QuarkusTestResource(value = WireMockResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = FakeKisFeed.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = true)
class RealtimeFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    WireMockServer wireMock;
    FakeKisFeed feed;

    @Inject
    RealtimeFeed realtime;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void stubs() {
        wireMock.stubFor(post(urlEqualTo("/oauth2/Approval")).willReturn(okJson("{\"approval_key\":\"approved-1\"}")));
        wireMock.stubFor(post(urlEqualTo("/v1/batches")).willReturn(okJson("{\"batchId\":\"00000000-0000-0000-0000-"
                + "000000000001\",\"archiveRef\":\"raw/x.json\",\"sha256\":\"00\",\"bytes\":1,\"duplicate\":false}")
                .withStatus(201)));
    }

    /** One {@code H0STCNT0} record of {@code symbol}, every other field {@code 0}. */
    static List<String> trade(String symbol, String time, long price, long quantity, long cumulativeVolume) {
        List<String> fields = new ArrayList<>(Collections.nCopies(KisRealtimeColumns.TRADE_COLUMNS.size(), "0"));
        Map<String, String> values = Map.of("MKSC_SHRN_ISCD", symbol, "STCK_CNTG_HOUR", time, "STCK_PRPR",
                Long.toString(price), "PRDY_VRSS", "-100", "CNTG_VOL", Long.toString(quantity), "ACML_VOL",
                Long.toString(cumulativeVolume), "BSOP_DATE", "20250305");
        values.forEach((column, value) -> fields.set(KisRealtimeColumns.TRADE_COLUMNS.indexOf(column), value));
        return fields;
    }

    static String frame(List<List<String>> records) {
        List<String> all = new ArrayList<>();
        records.forEach(all::addAll);
        return "0|H0STCNT0|%03d|%s".formatted(records.size(), String.join("^", all));
    }

    private List<JsonNode> archivedBatches(String dataType, String symbol) {
        return wireMock.findAll(postRequestedFor(urlEqualTo("/v1/batches"))).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).filter(b -> dataType.equals(b.path("dataType").asText()) && symbol.equals(b.path("symbol").asText()))
                .toList();
    }

    private List<String> archivedFrames(String symbol) {
        List<String> frames = new ArrayList<>();
        archivedBatches("ticks", symbol).forEach(b -> b.path("rawResponse").path("frames")
                .forEach(f -> frames.add(f.asText())));
        return frames;
    }

    private double unreadable(String kind) {
        var counter = registry.find("marketpipe.collector.realtime.frames.unreadable").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void tradesOfEachSymbolAreArchivedAsReceivedInShortBatchesAndUnreadableFramesGoWithThem() {
        // two symbols × (trades, order book) = 4 subscriptions, at most 3 a session: two sessions
        await().atMost(Duration.ofSeconds(20)).until(() -> realtime.acknowledgedSubscriptions() == 4);
        assertEquals(2, feed.open.size());
        assertTrue(feed.subscribeRequests().stream()
                .allMatch(r -> "approved-1".equals(r.path("header").path("approval_key").asText())));

        String trades = frame(List.of(trade("005930", "093354", 71_900, 1, 3_052_507),
                trade("005930", "093354", 71_800, 120, 3_052_627)));
        String broken = "0|H0STCNT0|002|005930^093355^71900";
        feed.publish("H0STCNT0", "005930", trades);
        feed.publish("H0STCNT0", "005930", broken);

        await().atMost(Duration.ofSeconds(10)).until(() -> archivedFrames("005930").containsAll(List.of(trades, broken)));
        List<JsonNode> ticks = new ArrayList<>();
        archivedBatches("ticks", "005930").forEach(b -> b.path("records").path("ticks").forEach(ticks::add));
        assertEquals(2, ticks.size(), ticks.toString());
        assertEquals(3_052_627L, ticks.get(1).path("cumulativeVolume").asLong());
        assertTrue(unreadable("field_count") >= 1);
    }

    @Test
    void pingPongIsSentBackAndAnEncryptedFrameIsReadWithItsSubscriptionsKey() {
        await().atMost(Duration.ofSeconds(20)).until(() -> realtime.acknowledgedSubscriptions() == 4);
        String ping = "{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\"20250305093400\"}}";
        feed.broadcast(ping);
        await().atMost(Duration.ofSeconds(10)).until(() -> feed.pongs.stream().filter(ping::equals).count() >= 2);

        String payload = String.join("^", trade("000660", "100000", 180_000, 7, 1_000_007));
        feed.publish("H0STCNT0", "000660", "1|H0STCNT0|001|" + new KisFrameCipher(FakeKisFeed.KEY, FakeKisFeed.IV).encrypt(payload));
        await().atMost(Duration.ofSeconds(10)).until(() -> archivedBatches("ticks", "000660").stream()
                .anyMatch(b -> b.path("records").path("ticks").path(0).path("cumulativeVolume").asLong() == 1_000_007L
                        && b.path("rawResponse").path("ciphers").has("H0STCNT0")));
    }

    @Test
    void aDroppedSessionIsOpenedAgainAndResubscribed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> realtime.acknowledgedSubscriptions() == 4);
        int connectionsBefore = feed.connections;
        int subscribesBefore = feed.subscribeRequests().size();

        feed.dropAll();

        await().atMost(Duration.ofSeconds(20)).until(() -> feed.connections >= connectionsBefore + 2
                && realtime.acknowledgedSubscriptions() == 4);
        assertEquals(subscribesBefore + 4, feed.subscribeRequests().size());
        assertTrue(registry.find("marketpipe.collector.realtime.reconnects").counter().count() >= 2);
    }
}
