package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * State of a quarantined record: {@code QUARANTINED} (rejected by a critical rule), {@code REVIEW} (flagged for
 * manual review, spec §5 "price out of range"), and the review outcomes {@code APPROVED} / {@code REJECTED}.
 */
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
