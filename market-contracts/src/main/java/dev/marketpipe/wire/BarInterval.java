package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Duration;

/** Bar intervals the pipeline collects ({@code "1m", "5m", "1d"}). */
// Registered for native images: Jackson calls the @JsonValue/@JsonCreator methods reflectively, also where a
// batch is read or written by an ObjectMapper directly (collector spool, archive outbox, the loader's JSON columns).
@RegisterForReflection
public enum BarInterval {
    ONE_MINUTE("1m", Duration.ofMinutes(1)),
    FIVE_MINUTES("5m", Duration.ofMinutes(5)),
    ONE_DAY("1d", Duration.ofDays(1));

    private final String code;
    private final Duration length;

    BarInterval(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Length of one bar; for {@link #ONE_DAY} the bar is one trading session, whatever its length. */
    public Duration length() {
        return length;
    }

    public boolean isIntraday() {
        return this != ONE_DAY;
    }

    @JsonCreator
    public static BarInterval fromCode(String code) {
        for (BarInterval interval : values()) {
            if (interval.code.equals(code)) {
                return interval;
            }
        }
        throw new IllegalArgumentException("unknown interval '" + code + "' (expected 1m, 5m or 1d)");
    }
}
