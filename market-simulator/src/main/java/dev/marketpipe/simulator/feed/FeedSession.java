package dev.marketpipe.simulator.feed;

import io.quarkus.websockets.next.WebSocketConnection;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open connection of the real-time feed and what it subscribed to. Subscriptions change on the connection's
 * own messages (one at a time) and are read by the {@link FeedPublisher}'s rounds, hence a concurrent set.
 */
final class FeedSession {

    /** KIS accepts at most this many subscriptions in one session ({@code MAX SUBSCRIBE OVER} beyond). */
    static final int MAX_SUBSCRIPTIONS = 40;

    private static final Logger LOG = Logger.getLogger(FeedSession.class);

    private final WebSocketConnection connection;
    private final Set<FeedSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    FeedSession(WebSocketConnection connection) {
        this.connection = connection;
    }

    String id() {
        return connection.id();
    }

    WebSocketConnection connection() {
        return connection;
    }

    Set<FeedSubscription> subscriptions() {
        return subscriptions;
    }

    boolean has(FeedSubscription subscription) {
        return subscriptions.contains(subscription);
    }

    boolean full() {
        return subscriptions.size() >= MAX_SUBSCRIPTIONS;
    }

    void add(FeedSubscription subscription) {
        subscriptions.add(subscription);
    }

    boolean remove(FeedSubscription subscription) {
        return subscriptions.remove(subscription);
    }

    /**
     * Sends {@code text} without waiting: the write is queued on the connection's event loop, so a publishing round
     * over many sessions never blocks. A failed write (the client went away) is left to the close callback.
     */
    void send(String text) {
        if (!connection.isOpen()) {
            return;
        }
        connection.sendText(text).subscribe().with(
                sent -> { },
                failure -> LOG.debugf("feed session %s: a frame was not sent: %s", id(), failure.getMessage()));
    }
}
