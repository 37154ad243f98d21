package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of data the pipeline collects; the JSON value is also the archive file-name prefix (spec §4). */
public enum DataType {
    MARKET_DATA("market_data"),
    ORDERBOOK("orderbook"),
    ACCOUNT_INFO("account_info"),
    POSITIONS("positions"),
    ORDERS("orders");

    private final String code;

    DataType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
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
