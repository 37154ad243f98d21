package dev.marketpipe.provider.kis.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketpipe.provider.ResponseContext;
import dev.marketpipe.provider.kis.KisTimes;
import dev.marketpipe.wire.BatchRecords;
import dev.marketpipe.wire.DataType;
import dev.marketpipe.wire.OrderBookSnapshot;
import dev.marketpipe.wire.Tick;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The raw response of a real-time batch: the frames of one symbol received over a short window, exactly as
 * received, {@code {"frames": ["0|H0STCNT0|002|…", …]}}, plus {@code "ciphers": {tr_id: {key, iv}}} when one of them
 * was encrypted (the subscription's session key, without which the archived frame could not be read again). Read by
 * the collector when it ships the batch and by the archive's replay, through {@link #records}.
 */
public final class KisRealtimeBatch {

    public static final String FRAMES = "frames";
    private static final String CIPHERS = "ciphers";

    private KisRealtimeBatch() {
    }

    /** The raw response of {@code frames}; {@code ciphers} holds the keys of the encrypted ones (may be empty). */
    public static ObjectNode raw(List<String> frames, Map<String, KisFrameCipher> ciphers) {
        ObjectNode raw = JsonNodeFactory.instance.objectNode();
        ArrayNode array = raw.putArray(FRAMES);
        frames.forEach(array::add);
        if (!ciphers.isEmpty()) {
            ObjectNode keys = raw.putObject(CIPHERS);
            ciphers.forEach((trId, cipher) -> keys.putObject(trId).put("key", cipher.key()).put("iv", cipher.iv()));
        }
        return raw;
    }

    /** Whether {@code raw} is such a batch. */
    public static boolean isRealtime(JsonNode raw) {
        return raw != null && raw.path(FRAMES).isArray();
    }

    /**
     * The ticks ({@code ticks}) or order books ({@code orderbook}) in the batch's readable data frames; a frame that
     * cannot be read was counted when it arrived and stays in the archive as received.
     */
    public static BatchRecords records(DataType type, JsonNode raw, ResponseContext context) {
        JsonNode keys = raw.path(CIPHERS);
        List<Tick> ticks = new ArrayList<>();
        List<OrderBookSnapshot> books = new ArrayList<>();
        for (JsonNode frame : raw.path(FRAMES)) {
            KisFrame read;
            try {
                read = KisFrameReader.read(frame.asText(), trId -> cipher(keys.path(trId)));
            } catch (KisFrameException unreadable) {
                continue;
            }
            if (read instanceof KisFrame.Data data) {
                for (KisRecord record : data.records()) {
                    switch (record.trId()) {
                        case KisRealtimeColumns.TRADES -> ticks.add(KisRealtimeRecords.tick(record));
                        case KisRealtimeColumns.ORDER_BOOK -> books.add(
                                KisRealtimeRecords.orderBook(record, KisTimes.dateOf(context.fetchedAt())));
                        default -> { }
                    }
                }
            }
        }
        return switch (type) {
            case TICKS -> BatchRecords.ofTicks(ticks);
            case ORDERBOOK -> BatchRecords.ofOrderBooks(books);
            default -> throw new IllegalArgumentException("a real-time batch holds ticks or order books, not " + type);
        };
    }

    private static KisFrameCipher cipher(JsonNode key) {
        return key.hasNonNull("key") && key.hasNonNull("iv")
                ? new KisFrameCipher(key.get("key").asText(), key.get("iv").asText()) : null;
    }
}
