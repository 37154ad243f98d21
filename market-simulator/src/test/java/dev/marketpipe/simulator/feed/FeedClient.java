package dev.marketpipe.simulator.feed;

import dev.marketpipe.provider.kis.realtime.KisFrame;
import dev.marketpipe.provider.kis.realtime.KisFrameException;
import dev.marketpipe.provider.kis.realtime.KisFrameReader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A test client of the real-time feed (the JDK's WebSocket): keeps every text frame it receives, in order. */
final class FeedClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;
    private volatile boolean closed;

    FeedClient(URI uri) {
        this.socket = HTTP.newWebSocketBuilder().buildAsync(uri, this).orTimeout(10, TimeUnit.SECONDS).join();
    }

    static String request(String approvalKey, String trType, String trId, String trKey) {
        return "{\"header\":{\"approval_key\":\"" + approvalKey + "\",\"custtype\":\"P\",\"tr_type\":\"" + trType
                + "\",\"content-type\":\"utf-8\"},\"body\":{\"input\":{\"tr_id\":\"" + trId + "\",\"tr_key\":\""
                + trKey + "\"}}}";
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    void subscribe(String approvalKey, String trId, String trKey) {
        send(request(approvalKey, "1", trId, trKey));
    }

    void unsubscribe(String approvalKey, String trId, String trKey) {
        send(request(approvalKey, "2", trId, trKey));
    }

    /** Every text frame received so far. */
    List<String> texts() {
        return List.copyOf(received);
    }

    /** The received frames market-contracts' reader can read (an injected malformed one is left out). */
    List<KisFrame> frames() {
        List<KisFrame> frames = new ArrayList<>();
        for (String text : received) {
            try {
                frames.add(KisFrameReader.read(text, trId -> null));
            } catch (KisFrameException unreadable) {
                // kept in texts()
            }
        }
        return frames;
    }

    /** The control answers received so far, in order. */
    List<KisFrame.Control> answers() {
        return frames().stream().filter(KisFrame.Control.class::isInstance).map(KisFrame.Control.class::cast).toList();
    }

    List<KisFrame.Data> data(String trId) {
        return frames().stream().filter(KisFrame.Data.class::isInstance).map(KisFrame.Data.class::cast)
                .filter(data -> data.trId().equals(trId)).toList();
    }

    boolean closed() {
        return closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed = true;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed = true;
    }

    @Override
    public void close() {
        if (!closed && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
    }
}
