package dev.marketpipe.provider.kis.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.marketpipe.provider.kis.realtime.KisFrameException.Kind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the text frames of the KIS real-time WebSocket:
 * <ul>
 *   <li>{@code {…}}: JSON control frames, a subscribe/unsubscribe answer or the {@code PINGPONG} keep-alive;</li>
 *   <li>{@code 0|TR_ID|N|v^v^…}: N records of {@code TR_ID}, back to back with one field count, so the payload is
 *   split by the count (a record has no end marker, and values never contain {@code ^} or {@code |});</li>
 *   <li>{@code 1|TR_ID|N|base64}: the same payload AES-256-CBC encrypted with the key and IV of the subscribe
 *   answer ({@link KisFrameCipher}).</li>
 * </ul>
 * A frame that cannot be read raises {@link KisFrameException} with its {@link Kind}; nothing is guessed.
 */
public final class KisFrameReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DATA_PARTS = 4;

    private KisFrameReader() {
    }

    /**
     * The frame {@code text}.
     *
     * @param ciphers the key of each subscribed {@code tr_id} whose answer gave one (for {@code 1|…} frames)
     */
    public static KisFrame read(String text, Function<String, KisFrameCipher> ciphers) {
        if (text == null || text.isBlank()) {
            throw new KisFrameException(Kind.MALFORMED, "empty frame");
        }
        char flag = text.charAt(0);
        if (flag == '{') {
            return control(text);
        }
        if (flag != '0' && flag != '1') {
            throw new KisFrameException(Kind.MALFORMED, "a frame starts with '{', '0|' or '1|'");
        }
        return data(text, flag == '1', ciphers);
    }

    private static KisFrame control(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new KisFrameException(Kind.MALFORMED, "a control frame that is not JSON");
        }
        JsonNode header = root.path("header");
        String trId = header.path("tr_id").asText(null);
        if (trId == null) {
            throw new KisFrameException(Kind.MALFORMED, "a control frame without header.tr_id");
        }
        if (KisRealtimeColumns.PINGPONG.equals(trId)) {
            return new KisFrame.PingPong(text);
        }
        JsonNode body = root.path("body");
        JsonNode output = body.path("output");
        KisFrameCipher cipher = output.hasNonNull("key") && output.hasNonNull("iv")
                ? new KisFrameCipher(output.get("key").asText(), output.get("iv").asText()) : null;
        return new KisFrame.Control(trId, header.path("tr_key").asText(null), "0".equals(body.path("rt_cd").asText()),
                body.path("msg_cd").asText(null), body.path("msg1").asText(null), cipher);
    }

    private static KisFrame data(String text, boolean encrypted, Function<String, KisFrameCipher> ciphers) {
        String[] parts = text.split("\\|", DATA_PARTS);
        if (parts.length != DATA_PARTS || parts[0].length() != 1) {
            throw new KisFrameException(Kind.MALFORMED, "a data frame is flag|tr_id|count|payload");
        }
        String trId = parts[1];
        int count = count(parts[2]);
        List<String> columns = KisRealtimeColumns.of(trId);
        if (columns == null) {
            throw new KisFrameException(Kind.UNKNOWN_TR_ID, "a data frame of tr_id " + printable(trId));
        }
        String payload = parts[3];
        if (encrypted) {
            KisFrameCipher cipher = ciphers.apply(trId);
            if (cipher == null) {
                throw new KisFrameException(Kind.DECRYPTION, "an encrypted " + trId + " frame without a key");
            }
            payload = cipher.decrypt(payload);
        }
        String[] fields = payload.split("\\^", -1);
        if (fields.length % count != 0 || fields.length / count < columns.size()) {
            throw new KisFrameException(Kind.FIELD_COUNT, fields.length + " fields do not make " + count + " "
                    + trId + " records of at least " + columns.size());
        }
        int width = fields.length / count;
        List<KisRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(new KisRecord(trId, List.of(Arrays.copyOfRange(fields, i * width, (i + 1) * width))));
        }
        return new KisFrame.Data(trId, encrypted, records);
    }

    private static int count(String text) {
        try {
            int count = Integer.parseInt(text.trim());
            if (count > 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // falls through to the frame's rejection
        }
        throw new KisFrameException(Kind.MALFORMED, "a data frame's record count is no positive number");
    }

    /** A tr_id as it may appear in a log line: short and without control characters. */
    private static String printable(String trId) {
        String kept = trId.replaceAll("[^A-Za-z0-9_]", "?");
        return kept.length() > 16 ? kept.substring(0, 16) + "…" : kept;
    }
}
