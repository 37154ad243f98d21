package dev.marketpipe.wire;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One OHLCV bar as the provider adapter read it (spec §1.1 record). Fields are nullable on purpose: a field the
 * provider left out stays {@code null} so the validator can reject the record for it (spec §5.1) instead of the
 * collector guessing a value.
 *
 * @param timestamp bar start as an exact instant (UTC); for daily bars the session open of the trading date
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
        BigDecimal value) {
}
