package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Which configured provider answered: the primary securities API or the backup source. */
// Registered for native images: Jackson calls the @JsonValue/@JsonCreator methods reflectively, also where a
// batch is read or written by an ObjectMapper directly (collector spool, archive outbox, the loader's JSON columns).
@RegisterForReflection
public enum SourceRole {
    PRIMARY, BACKUP;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static SourceRole fromCode(String code) {
        return valueOf(code.toUpperCase());
    }
}
