package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which configured provider answered: the primary securities API or the backup source (spec §1). */
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
