package dev.marketpipe.collector.realtime;

import dev.marketpipe.provider.kis.realtime.KisFrame;
import dev.marketpipe.provider.kis.realtime.KisFrameCipher;
import dev.marketpipe.provider.kis.realtime.KisFrameException;
import dev.marketpipe.provider.kis.realtime.KisFrameReader;
import dev.marketpipe.provider.kis.realtime.KisRealtimeColumns;
import dev.marketpipe.wire.DataType;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One WebSocket session to the KIS feed holding up to {@code max-subscriptions-per-session} subscriptions. It
 * subscribes on open, answers {@code PINGPONG} with a pong frame, keeps each subscription's cipher from its answer, and hands every
 * data frame, as received, to the {@link FrameBuffer} under its symbol; an unreadable frame is counted and buffered
 * too, and the session goes on. When the connection ends, {@link #isOpen()} turns false and the
 * {@link RealtimeFeed} opens it again after a backoff, resubscribing everything.
 */
final class FeedSession {

    private static final Logger LOG = Logger.getLogger(FeedSession.class);
    private static final String ALREADY_SUBSCRIBED = "ALREADY IN SUBSCRIBE";
    private static final String INVALID_APPROVAL = "invalid approval";
    /** A session that ends sooner than this after opening counts as a failed attempt (no reconnect storm). */
    private static final Duration STABLE = Duration.ofSeconds(30);

    private final int index;
    private final URI baseUri;
    private final String path;
    private final ApprovalKeys approvalKeys;
    private final String customerType;
    private final FrameBuffer buffer;
    private final FeedMetrics metrics;
    private final Supplier<Instant> clock;
    private final Set<Subscription> wanted = ConcurrentHashMap.newKeySet();
    private final Set<Subscription> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, KisFrameCipher> ciphers = new ConcurrentHashMap<>();
    private volatile WebSocketClientConnection connection;
    private String approvalKey;
    private volatile int failures;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile Instant openedAt;
    private Duration reconnectMin = Duration.ofSeconds(1);
    private Duration reconnectMax = Duration.ofSeconds(60);

    FeedSession(int index, URI baseUri, String path, ApprovalKeys approvalKeys, String customerType, FrameBuffer buffer,
            FeedMetrics metrics, Supplier<Instant> clock) {
        this.index = index;
        this.baseUri = baseUri;
        this.path = path;
        this.approvalKeys = approvalKeys;
        this.customerType = customerType;
        this.buffer = buffer;
        this.metrics = metrics;
        this.clock = clock;
    }

    boolean isOpen() {
        WebSocketClientConnection current = connection;
        return current != null && current.isOpen();
    }

    /** The subscriptions the feed acknowledged on the open connection. */
    Set<Subscription> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /**
     * Makes the session hold {@code subscriptions}: opens it if it is closed and its backoff has passed (then
     * subscribes all), else subscribes what is new and unsubscribes what is gone. Blocking; called by the feed's
     * maintenance thread only.
     */
    void hold(List<Subscription> subscriptions, Duration reconnectMin, Duration reconnectMax) {
        Set<Subscription> target = new LinkedHashSet<>(subscriptions);
        if (!isOpen()) {
            wanted.clear();
            wanted.addAll(target);
            if (!target.isEmpty() && !clock.get().isBefore(nextAttempt)) {
                open(reconnectMin, reconnectMax);
            }
            return;
        }
        for (Subscription gone : Set.copyOf(wanted)) {
            if (!target.contains(gone)) {
                send(gone.request(approvalKey, customerType, Subscription.UNSUBSCRIBE));
                wanted.remove(gone);
            }
        }
        for (Subscription added : target) {
            if (wanted.add(added)) {
                send(added.request(approvalKey, customerType, Subscription.SUBSCRIBE));
            }
        }
        if (target.isEmpty()) {
            close();
        }
    }

    private void open(Duration reconnectMin, Duration reconnectMax) {
        this.reconnectMin = reconnectMin;
        this.reconnectMax = reconnectMax;
        if (failures > 0 || connection != null) {
            metrics.reconnect();
        }
        try {
            approvalKey = approvalKeys.current();
            connection = BasicWebSocketConnector.create()
                    .baseUri(baseUri)
                    .path(path)
                    .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                    .onTextMessage(this::onText)
                    .onClose((c, reason) -> onClosed(reason.getCode()))
                    .connectAndAwait();
            metrics.opened();
            openedAt = clock.get();
            for (Subscription subscription : wanted) {
                send(subscription.request(approvalKey, customerType, Subscription.SUBSCRIBE));
            }
            LOG.infof("feed session %d open with %d subscriptions", index, wanted.size());
        } catch (RuntimeException e) {
            failures++;
            Duration wait = backoff(reconnectMin, reconnectMax);
            nextAttempt = clock.get().plus(wait);
            LOG.warnf("feed session %d could not open (%s); next attempt in %d ms", index, e.getMessage(),
                    wait.toMillis());
        }
    }

    private Duration backoff(Duration min, Duration max) {
        Duration wait = min.multipliedBy(1L << Math.min(failures - 1, 16));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    private void onClosed(int code) {
        int held = acknowledged.size();
        acknowledged.clear();
        ciphers.clear();
        metrics.closed(held);
        Instant now = clock.get();
        boolean stable = openedAt != null && !now.isBefore(openedAt.plus(STABLE));
        failures = stable ? 1 : failures + 1;
        Duration wait = stable ? Duration.ZERO : backoff(reconnectMin, reconnectMax);
        nextAttempt = now.plus(wait);
        LOG.warnf("feed session %d closed (code %d); it is opened again in %d ms", index, code, wait.toMillis());
    }

    void close() {
        WebSocketClientConnection current = connection;
        if (current != null && current.isOpen()) {
            current.closeAndAwait();
        }
    }

    private void send(String text) {
        WebSocketClientConnection current = connection;
        if (current != null && current.isOpen()) {
            current.sendText(text).subscribe().with(ok -> { }, failure ->
                    LOG.debugf("feed session %d: a send failed: %s", index, failure.getMessage()));
        }
    }

    private void onText(WebSocketClientConnection from, String text) {
        Instant received = clock.get();
        KisFrame frame;
        try {
            frame = KisFrameReader.read(text, ciphers::get);
        } catch (KisFrameException unreadable) {
            metrics.unreadable(unreadable);
            bufferUnreadable(text, received);
            return;
        }
        if (frame instanceof KisFrame.PingPong ping) {
            // as the official client does: a pong control frame carrying the PINGPONG text
            from.sendPong(Buffer.buffer(ping.text())).subscribe().with(ok -> { }, failure -> { });
        } else if (frame instanceof KisFrame.Control control) {
            answered(control);
        } else if (frame instanceof KisFrame.Data data) {
            metrics.frame(data.trId());
            DataType type = KisRealtimeColumns.TRADES.equals(data.trId()) ? DataType.TICKS : DataType.ORDERBOOK;
            String symbol = data.records().get(0).get("MKSC_SHRN_ISCD");
            buffer.add(symbol, type, text, data.trId(), data.encrypted() ? ciphers.get(data.trId()) : null, received);
        }
    }

    private void answered(KisFrame.Control control) {
        Subscription subscription = new Subscription(control.trId(), control.trKey());
        if (control.ok() || ALREADY_SUBSCRIBED.equals(control.message())) {
            if (control.unsubscribed()) {
                if (acknowledged.remove(subscription)) {
                    metrics.subscribed(-1);
                }
            } else if (acknowledged.add(subscription)) {
                metrics.subscribed(1);
            }
            if (control.cipher() != null) {
                ciphers.put(control.trId(), control.cipher());
            }
            return;
        }
        if (control.message() != null && control.message().toLowerCase(Locale.ROOT).contains(INVALID_APPROVAL)) {
            approvalKeys.refused();
        }
        metrics.refused(control.trId() + " " + control.trKey() + ": " + control.message());
    }

    /** An unreadable data frame goes with its symbol's frames when its first field names a wanted symbol. */
    private void bufferUnreadable(String text, Instant received) {
        String[] parts = text.split("\\|", 4);
        if (parts.length == 4 && text.startsWith("0|")) {
            String symbol = parts[3].split("\\^", 2)[0];
            Subscription candidate = new Subscription(parts[1], symbol);
            if (wanted.contains(candidate)) {
                DataType type = KisRealtimeColumns.ORDER_BOOK.equals(parts[1]) ? DataType.ORDERBOOK : DataType.TICKS;
                buffer.add(symbol, type, text, parts[1], null, received);
                return;
            }
        }
        if (!buffer.addUnattributed(text, received)) {
            metrics.unattributedDropped();
        }
    }
}
