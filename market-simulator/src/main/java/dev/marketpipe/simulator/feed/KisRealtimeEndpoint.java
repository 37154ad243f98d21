package dev.marketpipe.simulator.feed;

import static dev.marketpipe.simulator.kis.KisMessageCodes.ALREADY_SUBSCRIBED;
import static dev.marketpipe.simulator.kis.KisMessageCodes.INVALID_APPROVAL;
import static dev.marketpipe.simulator.kis.KisMessageCodes.INVALID_REQUEST;
import static dev.marketpipe.simulator.kis.KisMessageCodes.MAX_SUBSCRIPTIONS;
import static dev.marketpipe.simulator.kis.KisMessageCodes.NOT_SUBSCRIBED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.provider.kis.realtime.KisRealtimeColumns;
import dev.marketpipe.simulator.config.MarketSimulation;
import dev.marketpipe.simulator.config.SimulatedClock;
import dev.marketpipe.simulator.kis.KisApprovals;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;

import java.security.SecureRandom;
import java.util.Set;

/**
 * KIS's real-time WebSocket ({@code ws://host:port/tryitout}) on the simulator's HTTP port. A client sends
 * {@code {"header":{"approval_key","custtype","tr_type","content-type"},"body":{"input":{"tr_id","tr_key"}}}} with
 * {@code tr_type} 1 (subscribe) or 2 (unsubscribe) and gets KIS's JSON answer; the {@link FeedPublisher} then streams
 * the subscribed trades ({@code H0STCNT0}) and order books ({@code H0STASP0}). A {@code PINGPONG} sent back by the
 * client is the expected keep-alive echo and answered with nothing.
 *
 * <p>Checks in KIS's order of concern: the approval key ({@code POST /oauth2/Approval}), the request's form and
 * {@code tr_id}, then for a subscription a duplicate ({@code ALREADY IN SUBSCRIBE}), the session's
 * {@value FeedSession#MAX_SUBSCRIPTIONS} subscriptions ({@code MAX SUBSCRIBE OVER}) and the symbol.
 */
@WebSocket(path = "/tryitout")
public class KisRealtimeEndpoint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SERVED = Set.of(KisRealtimeColumns.TRADES, KisRealtimeColumns.ORDER_BOOK);
    private static final String SUBSCRIBE = "1";
    private static final String UNSUBSCRIBE = "2";
    private static final String KEY_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final FeedSessions sessions;
    private final FeedPublisher publisher;
    private final KisApprovals approvals;
    private final MarketSimulation simulation;
    private final SimulatedClock clock;
    private final SecureRandom random = new SecureRandom();

    public KisRealtimeEndpoint(FeedSessions sessions, FeedPublisher publisher, KisApprovals approvals,
            MarketSimulation simulation, SimulatedClock clock) {
        this.sessions = sessions;
        this.publisher = publisher;
        this.approvals = approvals;
        this.simulation = simulation;
        this.clock = clock;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        sessions.open(connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        sessions.close(connection);
    }

    /**
     * Runs on a worker thread: a first subscription to a symbol generates its day of trades. A new subscription
     * takes effect once its answer is sent, so its data never arrives before the answer.
     */
    @OnTextMessage
    @Blocking
    void message(String text, WebSocketConnection connection) {
        FeedSession session = sessions.get(connection);
        Answer answer = answer(text, session);
        if (answer != null) {
            connection.sendTextAndAwait(answer.text());
            if (answer.subscribe() != null) {
                session.add(answer.subscribe());
            }
        }
    }

    /** What to send back, and the subscription to start once it is sent (if any). */
    private record Answer(String text, FeedSubscription subscribe) {

        static Answer of(String text) {
            return new Answer(text, null);
        }
    }

    /** The answer to one client message; {@code null} for a keep-alive echo. */
    private Answer answer(String text, FeedSession session) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            request = null;
        }
        if (request == null || !request.isObject()) {
            return refused("", "", INVALID_REQUEST, "JSON PARSING ERROR");
        }
        JsonNode header = request.path("header");
        if (KisRealtimeColumns.PINGPONG.equals(header.path("tr_id").asText())) {
            return null;
        }
        JsonNode input = request.path("body").path("input");
        String trId = input.path("tr_id").asText("");
        String trKey = input.path("tr_key").asText("");
        if (!approvals.accepts(header.path("approval_key").asText(null))) {
            return refused(trId, trKey, INVALID_APPROVAL, "invalid approval : NOT FOUND");
        }
        String trType = header.path("tr_type").asText("");
        if (!SUBSCRIBE.equals(trType) && !UNSUBSCRIBE.equals(trType)) {
            return refused(trId, trKey, INVALID_REQUEST, "invalid tr_type");
        }
        if (!SERVED.contains(trId)) {
            return refused(trId, trKey, INVALID_REQUEST, "invalid tr_id");
        }
        FeedSubscription subscription = new FeedSubscription(trId, trKey);
        if (UNSUBSCRIBE.equals(trType)) {
            return Answer.of(session.remove(subscription)
                    ? KisRealtimeFrames.unsubscribed(trId, trKey)
                    : KisRealtimeFrames.refused(trId, trKey, NOT_SUBSCRIBED, "UNSUBSCRIBE ERROR(not found!)"));
        }
        if (session.has(subscription)) {
            return refused(trId, trKey, ALREADY_SUBSCRIBED, "ALREADY IN SUBSCRIBE");
        }
        if (session.full()) {
            return refused(trId, trKey, MAX_SUBSCRIPTIONS, "MAX SUBSCRIBE OVER");
        }
        if (!simulation.knows(trKey)) {
            return refused(trId, trKey, INVALID_REQUEST, "invalid tr_key");
        }
        publisher.day(trKey, clock.instant());
        return new Answer(KisRealtimeFrames.subscribed(trId, trKey, randomText(32), randomText(16)), subscription);
    }

    private static Answer refused(String trId, String trKey, String msgCd, String msg1) {
        return Answer.of(KisRealtimeFrames.refused(trId, trKey, msgCd, msg1));
    }

    /** A key or IV of KIS's shape: {@code length} letters and digits. */
    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(KEY_CHARACTERS.charAt(random.nextInt(KEY_CHARACTERS.length())));
        }
        return text.toString();
    }
}
