package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Severity of a data quality finding, which decides the action taken on the record. */
// Registered for native images: Jackson calls the @JsonValue/@JsonCreator methods reflectively, also where a
// batch is read or written by an ObjectMapper directly (collector spool, archive outbox, the loader's JSON columns).
@RegisterForReflection
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
