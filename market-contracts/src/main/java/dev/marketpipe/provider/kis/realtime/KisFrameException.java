package dev.marketpipe.provider.kis.realtime;

import java.util.Locale;

/**
 * A frame that cannot be read. The session goes on: the caller counts the frame by {@link #kind()}, archives it as
 * received and logs the first of each kind.
 */
public final class KisFrameException extends RuntimeException {

    /** Why a frame could not be read; the value of the {@code kind} label of the unreadable-frame counter. */
    public enum Kind {
        /** Neither JSON nor {@code flag|tr_id|count|payload}, or a count that is no positive number. */
        MALFORMED,
        /** A data frame of a record type marketpipe does not read. */
        UNKNOWN_TR_ID,
        /** The payload's fields do not divide into the announced count, or a record is shorter than its columns. */
        FIELD_COUNT,
        /** An encrypted frame without a key from its subscription, or one the key does not decrypt. */
        DECRYPTION;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    public KisFrameException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public KisFrameException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
