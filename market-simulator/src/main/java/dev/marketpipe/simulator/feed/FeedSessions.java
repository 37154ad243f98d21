package dev.marketpipe.simulator.feed;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The open sessions of the real-time feed, by connection id; also what the control endpoints act on. */
@ApplicationScoped
public class FeedSessions {

    private final Map<String, FeedSession> open = new ConcurrentHashMap<>();

    FeedSession open(WebSocketConnection connection) {
        FeedSession session = new FeedSession(connection);
        open.put(connection.id(), session);
        return session;
    }

    FeedSession get(WebSocketConnection connection) {
        return open.computeIfAbsent(connection.id(), id -> new FeedSession(connection));
    }

    void close(WebSocketConnection connection) {
        open.remove(connection.id());
    }

    Collection<FeedSession> all() {
        return open.values();
    }

    /** How many sessions are open. */
    public int sessions() {
        return open.size();
    }

    /** How many subscriptions the open sessions hold together. */
    public int subscriptions() {
        return open.values().stream().mapToInt(session -> session.subscriptions().size()).sum();
    }

    /** Closes every open session (an injected fault: clients must reconnect and subscribe again). */
    public int disconnectAll() {
        int closed = 0;
        for (FeedSession session : open.values()) {
            open.remove(session.id());
            if (session.connection().isOpen()) {
                session.connection().closeAndAwait();
                closed++;
            }
        }
        return closed;
    }

    /** Sends {@code text} as it is to every open session (an injected fault: a malformed or unexpected frame). */
    public int sendToAll(String text) {
        int sent = 0;
        for (FeedSession session : open.values()) {
            session.send(text);
            sent++;
        }
        return sent;
    }
}
