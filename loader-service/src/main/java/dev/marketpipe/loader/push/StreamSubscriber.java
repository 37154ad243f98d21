package dev.marketpipe.loader.push;

import io.smallrye.mutiny.subscription.MultiEmitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One subscriber of the push stream: the symbols and interval it asked for, and its emitter. While it catches up
 * from the database (a resume with {@code Last-Event-ID}), live events are held back in arrival order and sent
 * after the catch-up, each event once, in id order.
 */
final class StreamSubscriber {

    private final Set<String> symbols;
    private final String interval;
    private final MultiEmitter<? super BarEvent> emitter;
    private List<BarEvent> heldBack = new ArrayList<>();
    private long lastSent;

    StreamSubscriber(Set<String> symbols, String interval, MultiEmitter<? super BarEvent> emitter, long lastSent) {
        this.symbols = symbols;
        this.interval = interval;
        this.emitter = emitter;
        this.lastSent = lastSent;
    }

    boolean wants(BarEvent event) {
        return interval.equals(event.interval()) && symbols.contains(event.symbol());
    }

    boolean isCancelled() {
        return emitter.isCancelled();
    }

    /** A live event: sent now, or held back while catching up. */
    synchronized boolean live(BarEvent event) {
        if (heldBack != null) {
            heldBack.add(event);
            return false;
        }
        return send(event);
    }

    /** An event read during the catch-up. */
    synchronized void caughtUp(BarEvent event) {
        send(event);
    }

    /** The catch-up is done: what was held back goes out, later events directly. */
    synchronized void live() {
        List<BarEvent> held = heldBack;
        heldBack = null;
        held.forEach(this::send);
    }

    private boolean send(BarEvent event) {
        if (event.id() <= lastSent) {
            return false;
        }
        lastSent = event.id();
        emitter.emit(event);
        return true;
    }
}
