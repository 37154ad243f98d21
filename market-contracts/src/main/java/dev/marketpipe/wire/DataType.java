package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The kinds of data the pipeline collects; the JSON value is also the archive file-name prefix. */
// Registered for native images: Jackson calls the @JsonValue/@JsonCreator methods reflectively, also where a
// batch is read or written by an ObjectMapper directly (collector spool, archive outbox, the loader's JSON columns).
@RegisterForReflection
public enum DataType {
    MARKET_DATA("market_data"),
    ORDERBOOK("orderbook"),
    ACCOUNT_INFO("account_info"),
    POSITIONS("positions"),
    ORDERS("orders"),
    /** Trades from a real-time feed ({@link Tick}), archived in short per-symbol batches. */
    TICKS("ticks");

    private final String code;

    DataType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Whether a batch of this type is about one symbol (and names it): market data, order books and ticks. */
    public boolean isPerSymbol() {
        return this == MARKET_DATA || this == ORDERBOOK || this == TICKS;
    }

    @JsonCreator
    public static DataType fromCode(String code) {
        for (DataType type : values()) {
            if (type.code.equalsIgnoreCase(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown data type '" + code + "'");
    }
}
