package dev.marketpipe.archive.outbox;

import dev.marketpipe.archive.metrics.FailureReason;

import java.time.Duration;

/**
 * The result of one attempt to hand a batch to the validator.
 *
 * @param reason     why it failed; {@code null} when acknowledged
 * @param status     HTTP status, or 0 when there was no answer
 * @param retryAfter how long the validator asked us to wait ({@code Retry-After}), or {@code null}
 * @param detail     what to log
 */
public record Delivery(Kind kind, FailureReason reason, int status, Duration retryAfter, String detail) {

    /** What the outbox does next with the entry. */
    public enum Kind {
        /** 2xx: delete the entry. */
        ACKNOWLEDGED,
        /** Transient failure: keep the entry, try again after a backoff. */
        RETRY,
        /** Permanent failure: move the entry to the outbox folder's {@code dead/}. */
        REJECTED
    }

    public static Delivery acknowledged(int status) {
        return new Delivery(Kind.ACKNOWLEDGED, null, status, null, null);
    }

    public static Delivery retry(FailureReason reason, int status, Duration retryAfter, String detail) {
        return new Delivery(Kind.RETRY, reason, status, retryAfter, detail);
    }

    public static Delivery rejected(int status, String detail) {
        return new Delivery(Kind.REJECTED, FailureReason.REJECTED, status, null, detail);
    }
}
