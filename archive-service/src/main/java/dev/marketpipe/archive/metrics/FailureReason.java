package dev.marketpipe.archive.metrics;

/** Why a delivery attempt failed; the bounded value set of the {@code reason} tag of the failure metric. */
public enum FailureReason {
    /** Could not connect (refused, DNS, reset). */
    UNREACHABLE("unreachable"),
    /** No answer within the client timeout. */
    TIMEOUT("timeout"),
    /** 5xx: the validator (or the loader behind it) is in trouble; retried. */
    SERVER_ERROR("server_error"),
    /** 408 or 429: the validator asks us to come back later; retried. */
    THROTTLED("throttled"),
    /** Any other 4xx: the batch can never be accepted; moved to the dead-letter folder. */
    REJECTED("rejected"),
    /** A status the contract does not foresee (1xx, 3xx); retried. */
    UNEXPECTED_STATUS("unexpected_status"),
    /** The outbox entry could not be read or removed locally; retried (or dead-lettered when unreadable). */
    LOCAL_ERROR("local_error");

    private final String tag;

    FailureReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
