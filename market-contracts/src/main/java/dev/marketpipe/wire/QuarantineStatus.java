package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * State of a quarantined record: {@code QUARANTINED} (rejected by a critical rule), {@code REVIEW} (flagged for
 * manual review, e.g. a price out of range), and the review outcomes {@code APPROVED} / {@code REJECTED}.
 */
// Registered for native images: Jackson calls the @JsonValue/@JsonCreator methods reflectively, also where a
// batch is read or written by an ObjectMapper directly (collector spool, archive outbox, the loader's JSON columns).
@RegisterForReflection
public enum QuarantineStatus {
    QUARANTINED, REVIEW, APPROVED, REJECTED;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static QuarantineStatus fromCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
