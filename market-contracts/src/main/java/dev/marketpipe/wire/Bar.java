package dev.marketpipe.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One OHLCV bar as the provider adapter read it. Fields are nullable on purpose: a field the
 * provider left out stays {@code null} so the validator can reject the record for it (missing field) instead of the
 * collector guessing a value.
 *
 * @param timestamp bar start as an exact instant (UTC); for daily bars the session open of the trading date
 * @param adjClose  the close adjusted for dividends and splits, for daily bars from a provider that gives it (KIS);
 *                  {@code null} otherwise (left out of the JSON), and the loader stores the close
 */
@RegisterForReflection
public record Bar(
        Instant timestamp,
        String symbol,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        Long volume,
        BigDecimal value,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal adjClose) {

    /** The canonical constructor is the JSON creator (the shorter one is for bars without an adjusted close). */
    @JsonCreator
    public Bar {
    }

    /** A bar without an adjusted close (every intraday bar, and daily bars of providers that give none). */
    public Bar(Instant timestamp, String symbol, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
            Long volume, BigDecimal value) {
        this(timestamp, symbol, open, high, low, close, volume, value, null);
    }

    /**
     * The required fields this bar lacks, in this order ({@code timestamp, symbol, open, high, low,
     * close, volume}); a blank symbol counts as missing. {@code value} is optional. Not part of the wire form.
     */
    @JsonIgnore
    public List<String> missingRequiredFields() {
        List<String> missing = new ArrayList<>();
        if (timestamp == null) {
            missing.add("timestamp");
        }
        if (symbol == null || symbol.isBlank()) {
            missing.add("symbol");
        }
        if (open == null) {
            missing.add("open");
        }
        if (high == null) {
            missing.add("high");
        }
        if (low == null) {
            missing.add("low");
        }
        if (close == null) {
            missing.add("close");
        }
        if (volume == null) {
            missing.add("volume");
        }
        return missing;
    }
}
