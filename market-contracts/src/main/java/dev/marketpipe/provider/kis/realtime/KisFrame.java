package dev.marketpipe.provider.kis.realtime;

import java.util.List;

/** One text frame of the KIS real-time WebSocket, read by {@link KisFrameReader}. */
public sealed interface KisFrame {

    /**
     * A JSON answer to a subscribe or unsubscribe request: {@code header.tr_id/tr_key/encrypt} and
     * {@code body.rt_cd/msg_cd/msg1}, with {@code body.output.key/iv} when the subscription's data frames are encrypted.
     *
     * @param ok      {@code rt_cd} is {@code 0}
     * @param cipher  the AES key and IV of the subscription's encrypted frames; {@code null} when none was given
     */
    record Control(String trId, String trKey, boolean ok, String messageCode, String message, KisFrameCipher cipher)
            implements KisFrame {

        /** KIS answers an unsubscribe with {@code UNSUBSCRIBE SUCCESS}. */
        public boolean unsubscribed() {
            return message != null && message.startsWith("UNSUB");
        }
    }

    /** The server's keep-alive ({@code header.tr_id} {@code PINGPONG}); the client sends {@code text} back. */
    record PingPong(String text) implements KisFrame {
    }

    /**
     * A data frame {@code 0|TR_ID|N|v^v^…} (or {@code 1|…} encrypted), read into its {@code N} records.
     *
     * @param encrypted whether the frame was {@code 1|…} and decrypted with the subscription's key
     */
    record Data(String trId, boolean encrypted, List<KisRecord> records) implements KisFrame {
    }
}
