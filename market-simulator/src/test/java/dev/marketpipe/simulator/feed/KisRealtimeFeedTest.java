package dev.marketpipe.simulator.feed;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketpipe.calendar.MarketCalendar;
import dev.marketpipe.market.KrxTickSize;
import dev.marketpipe.provider.kis.realtime.KisFrame;
import dev.marketpipe.provider.kis.realtime.KisFrameException;
import dev.marketpipe.provider.kis.realtime.KisFrameReader;
import dev.marketpipe.provider.kis.realtime.KisRealtimeColumns;
import dev.marketpipe.provider.kis.realtime.KisRealtimeRecords;
import dev.marketpipe.provider.kis.realtime.KisRecord;
import dev.marketpipe.simulator.market.BarGenerator;
import dev.marketpipe.wire.Bar;
import dev.marketpipe.wire.BarInterval;
import dev.marketpipe.wire.BookLevel;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.Tick;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The KIS-compatible real-time feed over a real WebSocket: subscribe answers, trades that aggregate into the true
 * bars, order books, unsubscribe, the 40-subscription limit, keep-alives, and the feed faults.
 */
@QuarkusTest
class KisRealtimeFeedTest {

    private static final BarGenerator TRUTH = new BarGenerator(42, MarketCalendar.krx(), 0.0);
    private static final List<String> SYMBOLS = List.of("005930", "000660", "035420", "005380", "051910", "006400",
            "035720", "000270", "068270", "105560", "055550", "012330", "028260", "066570", "003550", "096770",
            "017670", "034730", "015760", "032830");
    private static final Duration STREAM_WAIT = Duration.ofSeconds(60);

    @TestHTTPResource("/tryitout")
    URI endpoint;

    private final List<FeedClient> clients = new ArrayList<>();

    @AfterEach
    void closeAndResetClock() {
        clients.forEach(FeedClient::close);
        given().delete("/simulator/clock").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/simulator/feed").then().statusCode(200).body("sessions", equalTo(0)));
    }

    @Test
    void aMinutesStreamedTradesAggregateIntoThatMinutesTrueBar() {
        setClock("2025-03-05T10:00:00", 60);
        FeedClient client = connect();
        client.subscribe(approvalKey(), KisRealtimeColumns.TRADES, "005930");
        KisFrame.Control ack = awaitAnswers(client, 1).get(0);
        assertTrue(ack.ok());
        assertEquals("SUBSCRIBE SUCCESS", ack.message());
        assertEquals("005930", ack.trKey());
        assertNotNull(ack.cipher());
        assertEquals(32, ack.cipher().key().length());
        assertEquals(16, ack.cipher().iv().length());

        Instant minute = clockNow().truncatedTo(ChronoUnit.MINUTES).plus(2, ChronoUnit.MINUTES);
        Instant minuteEnd = minute.plusSeconds(60);
        await().atMost(STREAM_WAIT).until(() -> ticks(client).stream().anyMatch(t -> !t.timestamp().isBefore(minuteEnd)));

        List<KisFrame.Data> frames = client.data(KisRealtimeColumns.TRADES);
        for (KisFrame.Data frame : frames) {
            Instant second = KisRealtimeRecords.tick(frame.records().get(0)).timestamp();
            assertTrue(frame.records().stream().allMatch(r -> KisRealtimeRecords.tick(r).timestamp().equals(second)),
                    "one frame holds the trades of one second");
        }
        List<Tick> ticks = ticks(client);
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(ticks.get(i).timestamp().isAfter(ticks.get(i - 1).timestamp())
                    || ticks.get(i).timestamp().equals(ticks.get(i - 1).timestamp()), "in time order");
            assertTrue(ticks.get(i).cumulativeVolume() > ticks.get(i - 1).cumulativeVolume(), "nothing twice");
        }
        List<Tick> inMinute = ticks.stream()
                .filter(t -> !t.timestamp().isBefore(minute) && t.timestamp().isBefore(minuteEnd)).toList();
        Tick before = ticks.stream().filter(t -> t.timestamp().isBefore(minute)).reduce((a, b) -> b).orElseThrow();
        Bar bar = TRUTH.trueBar("005930", BarInterval.ONE_MINUTE, minute);
        Tick last = inMinute.get(inMinute.size() - 1);
        assertEquals(0, bar.open().compareTo(inMinute.get(0).price()));
        assertEquals(0, bar.close().compareTo(last.price()));
        assertEquals(0, bar.high().compareTo(inMinute.stream().map(Tick::price).max(BigDecimal::compareTo).orElseThrow()));
        assertEquals(0, bar.low().compareTo(inMinute.stream().map(Tick::price).min(BigDecimal::compareTo).orElseThrow()));
        assertEquals(bar.volume(), inMinute.stream().mapToLong(Tick::quantity).sum());
        assertEquals(bar.volume(), last.cumulativeVolume() - before.cumulativeVolume());
        assertEquals(0, bar.value().compareTo(last.cumulativeValue().subtract(before.cumulativeValue())));
        assertEquals(0, BigDecimal.valueOf(TRUTH.previousClose("005930", LocalDate.of(2025, 3, 5)))
                .compareTo(last.previousClose()));
    }

    @Test
    void restServesExactlyTheBarsCompletedByTheSimulatedClock() {
        setClock("2025-03-05T10:00:30", 0);
        String token = given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"appsecret\":\"demo-app-secret\"}")
                .post("/oauth/token").then().statusCode(200).extract().path("access_token");
        List<Map<String, Object>> bars = given().header("Authorization", "Bearer " + token)
                .queryParams(Map.of("symbol", "005930", "interval", "1m", "start_date", "2025-03-05",
                        "end_date", "2025-03-05", "limit", 1000))
                .get("/market/data").then().statusCode(200).extract().path("data");
        assertEquals(60, bars.size(), "09:00 to 09:59 have completed at 10:00:30 KST");
        given().get("/simulator/clock").then().statusCode(200)
                .body("now", equalTo("2025-03-05T01:00:30Z")).body("speed", equalTo(0.0f));
    }

    @Test
    void orderBooksComeAroundTheLastTradeOnTheTickGrid() {
        setClock("2025-03-05T11:00:00", 60);
        FeedClient client = connect();
        client.subscribe(approvalKey(), KisRealtimeColumns.ORDER_BOOK, "000660");
        assertTrue(awaitAnswers(client, 1).get(0).ok());
        await().atMost(STREAM_WAIT).until(() -> !client.data(KisRealtimeColumns.ORDER_BOOK).isEmpty());

        KisRecord record = client.data(KisRealtimeColumns.ORDER_BOOK).get(0).records().get(0);
        assertEquals(KisRealtimeColumns.ORDER_BOOK_COLUMNS.size(), record.fields().size());
        OrderBookSnapshot book = KisRealtimeRecords.orderBook(record, LocalDate.of(2025, 3, 5));
        assertEquals("000660", book.symbol());
        assertEquals(10, book.bids().size());
        assertEquals(10, book.asks().size());
        assertTrue(book.bids().get(0).price().compareTo(book.asks().get(0).price()) < 0);
        for (BookLevel level : book.bids()) {
            assertTrue(KrxTickSize.isOnGrid(level.price().longValueExact()));
        }
        for (BookLevel level : book.asks()) {
            assertTrue(KrxTickSize.isOnGrid(level.price().longValueExact()));
        }
        assertTrue(client.data(KisRealtimeColumns.TRADES).isEmpty(), "no trades without their subscription");
    }

    @Test
    void unsubscribingIsAnsweredAndStopsTheSubscription() {
        String key = approvalKey();
        FeedClient client = connect();
        client.subscribe(key, KisRealtimeColumns.TRADES, "005930");
        client.subscribe(key, KisRealtimeColumns.ORDER_BOOK, "005930");
        awaitAnswers(client, 2);
        given().get("/simulator/feed").then().body("sessions", equalTo(1)).body("subscriptions", equalTo(2));

        client.unsubscribe(key, KisRealtimeColumns.TRADES, "005930");
        KisFrame.Control answer = awaitAnswers(client, 3).get(2);
        assertTrue(answer.ok());
        assertTrue(answer.unsubscribed());
        assertEquals("OPSP0001", answer.messageCode());
        given().get("/simulator/feed").then().body("subscriptions", equalTo(1));

        client.unsubscribe(key, KisRealtimeColumns.TRADES, "005930");
        KisFrame.Control again = awaitAnswers(client, 4).get(3);
        assertTrue(!again.ok());
    }

    @Test
    void theFortyFirstSubscriptionADuplicateAnUnknownSymbolAndAWrongApprovalKeyAreRefused() {
        String key = approvalKey();
        FeedClient client = connect();
        client.subscribe(key, KisRealtimeColumns.TRADES, "999999");
        assertRefused(awaitAnswers(client, 1).get(0), "invalid tr_key");
        client.subscribe("not-a-key", KisRealtimeColumns.TRADES, "005930");
        assertRefused(awaitAnswers(client, 2).get(1), "invalid approval : NOT FOUND");
        client.subscribe(key, "H0STCNI0", "005930");
        assertRefused(awaitAnswers(client, 3).get(2), "invalid tr_id");

        for (String symbol : SYMBOLS) {
            client.subscribe(key, KisRealtimeColumns.TRADES, symbol);
            client.subscribe(key, KisRealtimeColumns.ORDER_BOOK, symbol);
        }
        List<KisFrame.Control> answers = awaitAnswers(client, 43);
        assertTrue(answers.subList(3, 43).stream().allMatch(KisFrame.Control::ok));
        client.subscribe(key, KisRealtimeColumns.TRADES, "005930");
        assertRefused(awaitAnswers(client, 44).get(43), "ALREADY IN SUBSCRIBE");
        client.subscribe(key, KisRealtimeColumns.TRADES, "999999");
        KisFrame.Control full = awaitAnswers(client, 45).get(44);
        assertRefused(full, "MAX SUBSCRIBE OVER");
        assertEquals("OPSP0008", full.messageCode());
        given().get("/simulator/feed").then().body("subscriptions", equalTo(40));
    }

    @Test
    void aPingPongArrivesAndItsEchoIsNotAnswered() {
        FeedClient client = connect();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> client.frames().stream().anyMatch(KisFrame.PingPong.class::isInstance));
        KisFrame.PingPong ping = client.frames().stream().filter(KisFrame.PingPong.class::isInstance)
                .map(KisFrame.PingPong.class::cast).findFirst().orElseThrow();
        assertTrue(ping.text().matches("\\{\"header\":\\{\"tr_id\":\"PINGPONG\",\"datetime\":\"\\d{14}\"}}"));
        client.send(ping.text());
        client.subscribe(approvalKey(), KisRealtimeColumns.TRADES, "005930");
        assertTrue(awaitAnswers(client, 1).get(0).ok(), "the first answer is the subscription's, not the echo's");
    }

    @Test
    void disconnectClosesEverySession() {
        FeedClient first = connect();
        FeedClient second = connect();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/simulator/feed").then().body("sessions", equalTo(2)));

        given().post("/simulator/feed/disconnect").then().statusCode(200).body("sessions", equalTo(0));

        await().atMost(Duration.ofSeconds(20)).until(() -> first.closed() && second.closed());
        FeedClient again = connect();
        again.subscribe(approvalKey(), KisRealtimeColumns.TRADES, "005930");
        assertTrue(awaitAnswers(again, 1).get(0).ok(), "a client can reconnect");
    }

    @Test
    void injectSendsTheGivenTextToEverySession() {
        FeedClient client = connect();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/simulator/feed").then().body("sessions", equalTo(1)));
        String garbage = "0|H0STCNT0|abc|not^a^record";

        given().contentType(ContentType.JSON).body(Map.of("frame", garbage)).post("/simulator/feed/inject")
                .then().statusCode(200).body("sessions", equalTo(1));

        await().atMost(Duration.ofSeconds(20)).until(() -> client.texts().contains(garbage));
        KisFrameException unreadable = assertThrows(KisFrameException.class,
                () -> KisFrameReader.read(garbage, trId -> null));
        assertEquals(KisFrameException.Kind.MALFORMED, unreadable.kind());
    }

    // ---------------------------------------------------------------------------------------------------------

    private FeedClient connect() {
        FeedClient client = new FeedClient(URI.create(endpoint.toString().replaceFirst("^http", "ws")));
        clients.add(client);
        return client;
    }

    private static String approvalKey() {
        return given().contentType(ContentType.JSON)
                .body("{\"grant_type\":\"client_credentials\",\"appkey\":\"demo-app-key\",\"secretkey\":\"demo-app-secret\"}")
                .post("/oauth2/Approval").then().statusCode(200).extract().path("approval_key");
    }

    private static void setClock(String at, double speed) {
        given().contentType(ContentType.JSON).body(Map.of("at", at, "speed", speed)).put("/simulator/clock")
                .then().statusCode(200).body("speed", equalTo((float) speed));
    }

    private static Instant clockNow() {
        return Instant.parse(given().get("/simulator/clock").then().statusCode(200).extract().path("now"));
    }

    private static List<KisFrame.Control> awaitAnswers(FeedClient client, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> client.answers().size() >= count);
        return client.answers();
    }

    private static void assertRefused(KisFrame.Control answer, String message) {
        assertTrue(!answer.ok(), answer.toString());
        assertEquals(message, answer.message());
    }

    private static List<Tick> ticks(FeedClient client) {
        List<Tick> ticks = new ArrayList<>();
        for (KisFrame.Data frame : client.data(KisRealtimeColumns.TRADES)) {
            frame.records().forEach(record -> ticks.add(KisRealtimeRecords.tick(record)));
        }
        return ticks;
    }
}
