package dev.marketpipe.collector.realtime;

import dev.marketpipe.provider.kis.realtime.KisFrameCipher;
import dev.marketpipe.wire.DataType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw frames received since the last {@link #drain}, grouped per symbol and data type (ticks, order books), in
 * arrival order: each group becomes one archived batch. A frame that cannot be attributed to a symbol (unreadable)
 * joins the first group of the window it arrived in, so it is archived as received too; with no group in its window
 * it waits for the next one (at most {@link #MAX_UNATTRIBUTED} wait; beyond, the oldest is dropped). Fed by the
 * sessions' I/O threads, drained by one flushing thread.
 */
final class FrameBuffer {

    /** The frames of one symbol and type within one window, with the keys of any encrypted ones. */
    record Group(String symbol, DataType type, List<String> frames, Map<String, KisFrameCipher> ciphers,
            Instant firstReceived, Instant lastReceived) {
    }

    private record Key(String symbol, DataType type) {
    }

    /** Unreadable frames without a symbol kept while no symbol's frames arrive to take them to the archive. */
    static final int MAX_UNATTRIBUTED = 10_000;

    private Map<Key, Builder> groups = new LinkedHashMap<>();
    private List<String> unattributed = new ArrayList<>();
    private Instant unattributedSince;

    /** A frame of {@code symbol}; {@code cipher} is the key it was decrypted with, null for a plain frame. */
    synchronized void add(String symbol, DataType type, String frame, String trId, KisFrameCipher cipher,
            Instant received) {
        groups.computeIfAbsent(new Key(symbol, type), k -> new Builder(received)).add(frame, trId, cipher, received);
    }

    /**
     * A frame no symbol can be named for; false when the oldest such frame had to make room (a feed that sends
     * only unreadable frames never flushes them with a symbol's group, and memory is bounded).
     */
    synchronized boolean addUnattributed(String frame, Instant received) {
        if (unattributed.isEmpty()) {
            unattributedSince = received;
        }
        unattributed.add(frame);
        if (unattributed.size() > MAX_UNATTRIBUTED) {
            unattributed.remove(0);
            return false;
        }
        return true;
    }

    /** The groups since the last drain, oldest first, and empties the buffer. */
    List<Group> drain() {
        Map<Key, Builder> drained;
        List<String> strays;
        Instant straysSince;
        synchronized (this) {
            if (groups.isEmpty()) {
                return List.of();
            }
            drained = groups;
            strays = unattributed;
            straysSince = unattributedSince;
            groups = new LinkedHashMap<>();
            unattributed = new ArrayList<>();
            unattributedSince = null;
        }
        List<Group> out = new ArrayList<>(drained.size());
        for (Map.Entry<Key, Builder> entry : drained.entrySet()) {
            Builder builder = entry.getValue();
            if (out.isEmpty() && !strays.isEmpty()) {
                builder.frames.addAll(0, strays);
                builder.first = straysSince.isBefore(builder.first) ? straysSince : builder.first;
            }
            out.add(new Group(entry.getKey().symbol(), entry.getKey().type(), List.copyOf(builder.frames),
                    Map.copyOf(builder.ciphers), builder.first, builder.last));
        }
        return out;
    }

    private static final class Builder {
        private final List<String> frames = new ArrayList<>();
        private final Map<String, KisFrameCipher> ciphers = new HashMap<>();
        private Instant first;
        private Instant last;

        Builder(Instant first) {
            this.first = first;
            this.last = first;
        }

        void add(String frame, String trId, KisFrameCipher cipher, Instant received) {
            frames.add(frame);
            if (cipher != null) {
                ciphers.put(trId, cipher);
            }
            last = received;
        }
    }
}
