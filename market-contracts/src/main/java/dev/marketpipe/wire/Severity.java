package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Severity column of the spec §5 "Data Quality Actions" table. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Severity fromCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
