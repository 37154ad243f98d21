package dev.marketpipe.collector.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the KIS real-time WebSocket on its own port (like WireMock for the REST API): it answers subscribe
 * and unsubscribe requests the way KIS does (with a key and IV), records every text it receives, and lets a test
 * push frames to, or drop, every open session. Turns the collector's feed on, pointed at itself.
 */
public class FakeKisFeed implements QuarkusTestResourceLifecycleManager {

    static final String KEY = "abcdefghijklmnopqrstuvwxyz012345";
    static final String IV = "0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Vertx vertx;
    private HttpServer server;
    final List<ServerWebSocket> open = new CopyOnWriteArrayList<>();
    /** Each open socket's subscriptions, {@code tr_id|tr_key}. */
    private final Map<ServerWebSocket, Set<String>> subscribed = new ConcurrentHashMap<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    /** The payloads of the pong frames received (the client's answers to PINGPONG). */
    final List<String> pongs = new CopyOnWriteArrayList<>();
    volatile int connections;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            server = vertx.createHttpServer().webSocketHandler(this::accept).listen(0)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the fake feed did not start", e);
        }
        return Map.of(
                "marketpipe.collector.realtime.enabled", "true",
                "marketpipe.collector.realtime.url", "ws://localhost:" + server.actualPort(),
                "marketpipe.collector.realtime.batch-window", "200ms",
                "marketpipe.collector.realtime.max-subscriptions-per-session", "3",
                "marketpipe.collector.realtime.reconnect-min", "100ms",
                "marketpipe.collector.symbols", "005930,000660");
    }

    private void accept(ServerWebSocket socket) {
        if (!"/tryitout".equals(socket.path())) {
            socket.reject(404);
            return;
        }
        connections++;
        open.add(socket);
        subscribed.put(socket, ConcurrentHashMap.newKeySet());
        socket.closeHandler(v -> {
            open.remove(socket);
            subscribed.remove(socket);
        });
        socket.textMessageHandler(text -> {
            received.add(text);
            answer(socket, text);
        });
        socket.pongHandler(payload -> pongs.add(payload.toString()));
    }

    /** KIS's answer to a subscribe or unsubscribe request; any other text (a PINGPONG sent back) is only recorded. */
    private void answer(ServerWebSocket socket, String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        String trType = request.path("header").path("tr_type").asText(null);
        if (trType == null) {
            return;
        }
        JsonNode input = request.path("body").path("input");
        boolean subscribe = "1".equals(trType);
        String subscription = input.path("tr_id").asText() + "|" + input.path("tr_key").asText();
        if (subscribe) {
            subscribed.get(socket).add(subscription);
        } else {
            subscribed.get(socket).remove(subscription);
        }
        socket.writeTextMessage("{\"header\":{\"tr_id\":\"" + input.path("tr_id").asText() + "\",\"tr_key\":\""
                + input.path("tr_key").asText() + "\",\"encrypt\":\"N\"},\"body\":{\"rt_cd\":\"0\",\"msg_cd\":\""
                + (subscribe ? "OPSP0000" : "OPSP0001") + "\",\"msg1\":\""
                + (subscribe ? "SUBSCRIBE SUCCESS" : "UNSUBSCRIBE SUCCESS") + "\""
                + (subscribe ? ",\"output\":{\"iv\":\"" + IV + "\",\"key\":\"" + KEY + "\"}" : "") + "}}");
    }

    /** Sends {@code frame} to every open session. */
    void broadcast(String frame) {
        open.forEach(socket -> socket.writeTextMessage(frame));
    }

    /** Sends a data frame of {@code trId} and {@code symbol} to the sessions subscribed to it, as KIS does. */
    void publish(String trId, String symbol, String frame) {
        open.stream().filter(socket -> subscribed.getOrDefault(socket, Set.of()).contains(trId + "|" + symbol))
                .forEach(socket -> socket.writeTextMessage(frame));
    }

    /** Drops every open session, as a network failure would. */
    void dropAll() {
        open.forEach(ServerWebSocket::close);
    }

    /** The subscribe requests received so far. */
    List<JsonNode> subscribeRequests() {
        return received.stream().map(FakeKisFeed::parse)
                .filter(n -> n != null && "1".equals(n.path("header").path("tr_type").asText())).toList();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(this, new TestInjector.MatchesType(FakeKisFeed.class));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
