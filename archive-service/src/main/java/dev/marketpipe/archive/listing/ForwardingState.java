package dev.marketpipe.archive.listing;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where an archived batch is on its way downstream, as {@code GET /v1/batches} reports it. Derived
 * from the index and the outbox folders at the time of the request, not stored: see {@link BatchListing}.
 */
public enum ForwardingState {
    /** Reserved in the index, but the intake has not finished: never answered 201, the collector still owns it. */
    PENDING_INTAKE("pending_intake"),
    /** Archived; its outbox entry waits to be acknowledged by the validator. */
    QUEUED("queued"),
    /** Archived and acknowledged by the validator (its outbox entry is gone). */
    FORWARDED("forwarded"),
    /** Archived; the validator refused it for good, its entry is in {@code outbox/<replica-id>/dead/}. */
    DEAD_LETTERED("dead_lettered");

    private final String code;

    ForwardingState(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** The state named {@code code}; {@link IllegalArgumentException} naming the valid codes otherwise. */
    public static ForwardingState fromCode(String code) {
        for (ForwardingState state : values()) {
            if (state.code.equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("state must be one of " + Arrays.stream(values())
                .map(ForwardingState::code).collect(Collectors.joining(", ")) + "; got '" + code + "'");
    }
}
